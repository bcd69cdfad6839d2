using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace PaperFeed;

/// <summary>
/// When two records are the same paper. One rule serves dedupe (<c>paperfeed parse --dedupe</c>), merge, diff and
/// export ids: the same arXiv id (version suffix, <c>arXiv:</c> prefix and case ignored) when both have one, else
/// the same <see cref="NormalizeTitle">normalised title</see>. So a text-snapshot paper (no id) and an API paper
/// (id) with the same title are one paper, while two papers with different ids are two even if their titles match.
/// </summary>
/// <remarks>
/// Over a sequence (dedupe, merge, diff) a paper first seen without an id takes the id of the first copy with one
/// that matches it by title; later copies with another id are other papers.
/// </remarks>
public static class PaperIdentity
{
    private const string UrnPrefix = "urn:paperfeed:title:";

    /// <summary>The arXiv id without prefix, version and case: <c>arXiv:2508.01234v2</c> gives <c>2508.01234</c>.</summary>
    public static string NormalizeArxivId(string arxivId)
    {
        ArgumentNullException.ThrowIfNull(arxivId);
        return StripVersion(arxivId).ToLowerInvariant();
    }

    /// <summary>
    /// The title key: Unicode NFKC, then lower case (invariant), with whitespace and punctuation removed. Titles that
    /// differ only in case, whitespace, line wraps, full-width forms or punctuation (<c>“Self-Play”: RL</c> and
    /// <c>self play rl</c>) get the same key. Any text has a key: lone surrogates and the noncharacters U+FFFE and
    /// U+FFFF key as U+FFFD.
    /// </summary>
    public static string NormalizeTitle(string title) => FoldTitle(title, keepPunctuation: false);

    /// <summary>
    /// Case, width and whitespace folded as in <see cref="NormalizeTitle"/>, punctuation kept: the key of export ids,
    /// which must tell apart titles that differ only in punctuation.
    /// </summary>
    private static string FoldTitle(string title, bool keepPunctuation)
    {
        ArgumentNullException.ThrowIfNull(title);
        // Normalize throws on a lone surrogate (JSON can carry one as "\ud800") and on U+FFFE: such characters key as U+FFFD.
        string normalized = Normalize(ReplaceUnnormalizable(title));
        var builder = new StringBuilder(normalized.Length);
        foreach (char c in normalized)
        {
            if (char.IsWhiteSpace(c) || (!keepPunctuation && char.IsPunctuation(c))) continue;
            if (!HasNormalization && FoldWithoutNormalization(c, builder, keepPunctuation)) continue;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static string Normalize(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // A code point this platform's normalizer rejects: the key is the text as it is, never an abort.
            return text;
        }
    }

    /// <summary>
    /// False in globalization-invariant apps (the <c>paperfeed</c> executable), where <see cref="string.Normalize()"/>
    /// leaves compatibility forms alone.
    /// </summary>
    private static readonly bool HasNormalization = "\uFB01".Normalize(NormalizationForm.FormKC) == "fi";

    /// <summary>
    /// The compatibility forms titles actually carry, folded by hand when NFKC is not available, so the library and
    /// the executable key titles alike: full-width ASCII (<c>Ｍ</c>) and the Latin ligatures (<c>ﬁ</c>).
    /// </summary>
    internal static bool FoldWithoutNormalization(char c, StringBuilder builder, bool keepPunctuation = false)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            char ascii = (char)(c - 0xFEE0);
            if (keepPunctuation || !char.IsPunctuation(ascii)) builder.Append(char.ToLowerInvariant(ascii));
            return true;
        }
        string? ligature = c switch
        {
            '\uFB00' => "ff",
            '\uFB01' => "fi",
            '\uFB02' => "fl",
            '\uFB03' => "ffi",
            '\uFB04' => "ffl",
            '\uFB05' or '\uFB06' => "st",
            _ => null,
        };
        if (ligature is null) return false;
        builder.Append(ligature);
        return true;
    }

    /// <summary>True when <paramref name="left"/> and <paramref name="right"/> are the same paper (see the class remarks).</summary>
    public static bool SamePaper(Paper left, Paper right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (ArxivKey(left) is { } a && ArxivKey(right) is { } b) return a == b;
        return NormalizeTitle(left.Title) == NormalizeTitle(right.Title);
    }

    /// <summary>
    /// A stable id for a paper known only by its title: <c>urn:paperfeed:title:</c> and the first 128 bits of the
    /// SHA-256 of the UTF-8 title folded like <see cref="NormalizeTitle"/> but with its punctuation kept, in lower-case
    /// hex. The same title gives the same URN in every run and process; titles that differ in more than case, width
    /// and whitespace (<c>Same paper A</c>, <c>Same paper: A!</c>) get different URNs.
    /// </summary>
    public static string TitleUrn(string title)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(FoldTitle(title, keepPunctuation: true));
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, hash);
        return string.Concat(UrnPrefix, Convert.ToHexStringLower(hash[..16]));
    }

    /// <summary>Keeps the first of papers that are the same paper (see <see cref="SamePaper"/>), lazily and in input order.</summary>
    public static IEnumerable<Paper> Distinct(IEnumerable<Paper> papers)
    {
        ArgumentNullException.ThrowIfNull(papers);
        return DistinctIterator(papers);

        static IEnumerable<Paper> DistinctIterator(IEnumerable<Paper> papers)
        {
            var seen = new PaperDeduplicator();
            foreach (var paper in papers)
            {
                if (seen.TryAdd(paper)) yield return paper;
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
            var seen = new PaperDeduplicator();
            await foreach (var paper in papers.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (seen.TryAdd(paper)) yield return paper;
            }
        }
    }

    private static string ReplaceUnnormalizable(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && text.AsSpan().IndexOfAny('\uFFFE', '\uFFFF') < 0) return text;
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i]) || chars[i] is '\uFFFE' or '\uFFFF') chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    /// <summary>The identity key of a paper's arXiv id, or <c>null</c> when it has none (or a blank one).</summary>
    internal static string? ArxivKey(Paper paper) =>
        string.IsNullOrWhiteSpace(paper.ArxivId) ? null : NormalizeArxivId(paper.ArxivId);

    /// <summary>The id without <c>arXiv:</c> prefix and <c>vN</c> suffix, case kept (old ids such as <c>math.AG/0301001</c> need it in links).</summary>
    internal static string StripVersion(string arxivId)
    {
        var id = arxivId.AsSpan().Trim();
        if (id.StartsWith("arxiv:", StringComparison.OrdinalIgnoreCase)) id = id[6..].TrimStart();
        int v = id.LastIndexOfAny('v', 'V');
        // Only "vN" right after the number itself: an id ending in a letter stays whole.
        if (v > 0 && v < id.Length - 1 && char.IsAsciiDigit(id[v - 1]) && !id[(v + 1)..].ContainsAnyExcept("0123456789")) id = id[..v];
        return id.Length == arxivId.Length ? arxivId : id.ToString();
    }
}
