using System.Globalization;
using System.Text;

namespace PaperFeed;

/// <summary>
/// When two records are the same paper: the same arXiv id (version suffix and <c>arXiv:</c> prefix ignored) when
/// both have one, else the same title up to Unicode compatibility forms (NFKC), case, whitespace and punctuation.
/// </summary>
public static class PaperIdentity
{
    /// <summary>The arXiv id without prefix, version and case: <c>arXiv:2508.01234v2</c> gives <c>2508.01234</c>.</summary>
    public static string NormalizeArxivId(string arxivId)
    {
        ArgumentNullException.ThrowIfNull(arxivId);
        var id = arxivId.AsSpan().Trim();
        if (id.StartsWith("arxiv:", StringComparison.OrdinalIgnoreCase)) id = id[6..];
        int v = id.LastIndexOfAny('v', 'V');
        if (v > 0 && v < id.Length - 1 && !id[(v + 1)..].ContainsAnyExcept("0123456789")) id = id[..v];
        return id.ToString().ToLowerInvariant();
    }

    /// <summary>The title reduced to what identifies it: NFKC, lower case (invariant), whitespace and punctuation removed.</summary>
    public static string NormalizeTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        string normalized = title.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        foreach (char c in normalized)
        {
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c)) continue;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>True when <paramref name="left"/> and <paramref name="right"/> are the same paper (see the class remarks).</summary>
    public static bool SamePaper(Paper left, Paper right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.ArxivId is { } a && right.ArxivId is { } b) return NormalizeArxivId(a) == NormalizeArxivId(b);
        return NormalizeTitle(left.Title) == NormalizeTitle(right.Title);
    }
}
