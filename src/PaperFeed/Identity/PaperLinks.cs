namespace PaperFeed;

/// <summary>
/// Links of the Hugging Face and arXiv sites. Canonical links built from a paper's arXiv id, version stripped (links
/// point at the latest version): the Hugging Face page, the arXiv abstract page and the PDF; computed, not stored, so
/// <see cref="Paper"/> stays lean. And the period a Daily Papers listing address names (<see cref="TryParseListingUrl"/>).
/// </summary>
public static class PaperLinks
{
    /// <summary>
    /// <c>https://huggingface.co/papers/{id}</c> for an arXiv id (version stripped; characters a URL path cannot hold
    /// escaped, the <c>/</c> of old ids such as <c>math/0301001</c> kept). The one place a paper's page address is
    /// built: readers of every input set <see cref="Paper.Url"/> with it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="arxivId"/> is blank.</exception>
    public static string HuggingFacePage(string arxivId) =>
        "https://huggingface.co/papers/" + Uri.EscapeDataString(Canonical(arxivId)).Replace("%2F", "/", StringComparison.Ordinal);

    /// <summary><c>https://arxiv.org/abs/{id}</c> for an arXiv id (version stripped).</summary>
    public static string ArxivAbstract(string arxivId) => "https://arxiv.org/abs/" + Canonical(arxivId);

    /// <summary><c>https://arxiv.org/pdf/{id}</c> for an arXiv id (version stripped).</summary>
    public static string ArxivPdf(string arxivId) => "https://arxiv.org/pdf/" + Canonical(arxivId);

    /// <summary>The paper's arXiv id without prefix or version suffix (case kept), or <c>null</c> when it has none.</summary>
    public static string? GetCanonicalArxivId(this Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return string.IsNullOrWhiteSpace(paper.ArxivId) ? null : PaperIdentity.StripVersion(paper.ArxivId);
    }

    /// <summary>The paper's Hugging Face page from its arXiv id; else its <see cref="Paper.Url"/>; else <c>null</c>.</summary>
    public static string? GetHuggingFaceUrl(this Paper paper) =>
        paper.GetCanonicalArxivId() is string id ? HuggingFacePage(id) : paper.Url;

    /// <summary>The arXiv abstract page, or <c>null</c> when the paper has no arXiv id.</summary>
    public static string? GetArxivAbstractUrl(this Paper paper) =>
        paper.GetCanonicalArxivId() is string id ? ArxivAbstract(id) : null;

    /// <summary>The arXiv PDF, or <c>null</c> when the paper has no arXiv id.</summary>
    public static string? GetArxivPdfUrl(this Paper paper) =>
        paper.GetCanonicalArxivId() is string id ? ArxivPdf(id) : null;

    /// <summary>
    /// A stable id for feeds and caches: the Hugging Face page when the arXiv id is known, else
    /// <see cref="PaperIdentity.TitleUrn"/> of the title (punctuation kept, so titles that differ only in punctuation get
    /// different ids). The same paper gets the same id in every run.
    /// </summary>
    public static string GetStableId(this Paper paper) =>
        paper.GetCanonicalArxivId() is string id ? HuggingFacePage(id) : PaperIdentity.TitleUrn(paper.Title);

    /// <summary>
    /// The period a Daily Papers listing address names: <c>…/papers/date/2025-09-14</c> (a day),
    /// <c>…/papers/week/2025-W38</c> or <c>…/papers/month/2025-09</c>; a query or fragment is ignored, and the host
    /// may be left out (<c>/papers/month/2025-09</c>). The value must be the period itself (a week page's value is a
    /// week, not a date inside one) and carry a year.
    /// </summary>
    /// <param name="url">The address (a page's canonical link, say), or null.</param>
    /// <param name="period">The period, when the address names one.</param>
    /// <returns>True when <paramref name="url"/> is a listing address.</returns>
    public static bool TryParseListingUrl(string? url, out FeedPeriod period)
    {
        period = default;
        if (string.IsNullOrEmpty(url)) return false;
        int end = url.AsSpan().IndexOfAny('?', '#');
        string[] segments = (end >= 0 ? url[..end] : url).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 3 || !segments[^3].Equals("papers", StringComparison.OrdinalIgnoreCase)) return false;
        var kind = segments[^2].ToLowerInvariant() switch
        {
            "date" => FeedPeriodKind.Day,
            "week" => FeedPeriodKind.Week,
            "month" => FeedPeriodKind.Month,
            _ => (FeedPeriodKind?)null,
        };
        return kind is not null && FeedPeriod.TryParse(segments[^1], out period) && period.Kind == kind && period.Year is not null;
    }

    private static string Canonical(string arxivId) =>
        string.IsNullOrWhiteSpace(arxivId) ? throw new ArgumentException("An arXiv id must not be blank.", nameof(arxivId)) : PaperIdentity.StripVersion(arxivId);
}
