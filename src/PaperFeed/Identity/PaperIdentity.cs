using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace PaperFeed;

/// <summary>
/// When two records are the same paper. One rule serves merge, diff, dedupe and export ids: two papers are the same
/// when both carry an arXiv id and the ids are equal without their version suffix (<c>2508.01234v2</c> is
/// <c>2508.01234</c>); otherwise (either lacks an id) when their <see cref="NormalizeTitle">normalised titles</see>
/// are equal. So a text-snapshot paper (no id) and an API paper (id) with the same title are one paper, while two
/// papers with different ids are two even if their titles match.
/// </summary>
public static class PaperIdentity
{
    private const string UrnPrefix = "urn:paperfeed:title:";

    /// <summary>
    /// The arXiv id without version suffix or <c>arXiv:</c> prefix, trimmed (<c>arXiv:2508.01234v2</c> →
    /// <c>2508.01234</c>; old-style <c>hep-th/9901001v1</c> → <c>hep-th/9901001</c>); <c>null</c> for null or blank.
    /// </summary>
    public static string? NormalizeArxivId(string? arxivId)
    {
        if (string.IsNullOrWhiteSpace(arxivId)) return null;
        ReadOnlySpan<char> id = arxivId.AsSpan().Trim();
        if (id.StartsWith("arxiv:", StringComparison.OrdinalIgnoreCase)) id = id[6..].TrimStart();
        int end = id.Length;
        while (end > 0 && char.IsAsciiDigit(id[end - 1])) end--;
        // Strip "vN" only when it follows the number itself, so an id ending in a letter stays whole.
        if (end < id.Length && end >= 2 && id[end - 1] is 'v' or 'V' && char.IsAsciiDigit(id[end - 2])) id = id[..(end - 1)];
        return id.Length == arxivId.Length ? arxivId : id.ToString();
    }

    /// <summary>
    /// The title key: Unicode NFKC, every punctuation character read as a space, whitespace runs collapsed to one
    /// space, ends trimmed, lower-cased with the invariant culture. Titles that differ only in case, whitespace,
    /// line wraps, full-width forms or punctuation (<c>“Foo”: Bar</c> and <c>"foo" bar</c>) get the same key.
    /// </summary>
    public static string NormalizeTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        string composed = title.IsNormalized(NormalizationForm.FormKC) ? title : title.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(composed.Length);
        bool pendingSpace = false;
        foreach (char c in composed)
        {
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>
    /// A stable id for a paper known only by its title: <c>urn:paperfeed:title:</c> and the first 128 bits of the
    /// SHA-256 of the UTF-8 <see cref="NormalizeTitle">normalised title</see>, in lower-case hex. The same title gives
    /// the same URN in every run, process and version.
    /// </summary>
    public static string TitleUrn(string title)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(NormalizeTitle(title));
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, hash);
        return string.Concat(UrnPrefix, Convert.ToHexStringLower(hash[..16]));
    }

    /// <summary>
    /// A single key for display and grouping: <c>arxiv:ID</c> (version stripped) when the paper has an id, else
    /// <c>title:NORMALISED</c>. Note that equal keys imply the same paper, but the same paper seen with and without an
    /// id has two keys: use <see cref="IsSamePaper"/> or <see cref="Distinct(IEnumerable{Paper})"/> to match across.
    /// </summary>
    public static string GetKey(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return NormalizeArxivId(paper.ArxivId) is string id ? "arxiv:" + id : "title:" + NormalizeTitle(paper.Title);
    }

    /// <summary>True when <paramref name="left"/> and <paramref name="right"/> are the same paper (see the class remarks).</summary>
    public static bool IsSamePaper(Paper left, Paper right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        string? leftId = NormalizeArxivId(left.ArxivId), rightId = NormalizeArxivId(right.ArxivId);
        if (leftId is not null && rightId is not null) return leftId == rightId;
        return NormalizeTitle(left.Title) == NormalizeTitle(right.Title);
    }

    /// <summary>
    /// Keeps the first of papers that are the same paper, lazily and in input order (the rule behind
    /// <c>paperfeed parse --dedupe</c>). Memory grows with the number of distinct papers.
    /// </summary>
    public static IEnumerable<Paper> Distinct(IEnumerable<Paper> papers)
    {
        ArgumentNullException.ThrowIfNull(papers);
        return DistinctIterator(papers);

        static IEnumerable<Paper> DistinctIterator(IEnumerable<Paper> papers)
        {
            var seen = new IdentityIndex<bool>();
            foreach (var paper in papers)
            {
                if (seen.TryAdd(paper, true)) yield return paper;
            }
        }
    }

    /// <inheritdoc cref="Distinct(IEnumerable{Paper})"/>
    public static IAsyncEnumerable<Paper> DistinctAsync(IAsyncEnumerable<Paper> papers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(papers);
        return DistinctIterator(papers, cancellationToken);

        static async IAsyncEnumerable<Paper> DistinctIterator(IAsyncEnumerable<Paper> papers, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var seen = new IdentityIndex<bool>();
            await foreach (var paper in papers.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (seen.TryAdd(paper, true)) yield return paper;
            }
        }
    }
}
