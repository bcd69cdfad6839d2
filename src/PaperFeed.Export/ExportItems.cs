using System.Globalization;

namespace PaperFeed.Export;

/// <summary>
/// Turns papers into <see cref="ExportItem"/>s for one document: ids made unique, links checked (a URL that is not
/// http(s) is reported as <see cref="DiagnosticCodes.UnsafeLink"/> and left out), dates resolved with the reference day.
/// </summary>
internal sealed class ExportItems(ExportOptions options, ExportYears? years)
{
    private readonly UniqueIds _ids = new();
    private long _undated;
    private Paper? _firstUndated;

    public ExportItem Next(Paper paper)
    {
        string? canonicalId = paper.GetCanonicalArxivId();
        string? page = canonicalId is string arxivId ? PaperLinks.HuggingFacePage(arxivId) : paper.Url;
        string? link = HttpLink.From(page);
        if (link is null && page is not null) Warn(paper, page);
        string? arxivLink = canonicalId is string id ? HttpLink.From(PaperLinks.ArxivAbstract(id)) : null;
        // The page is the id when it is a real URL; otherwise (no arXiv id, or one that makes no URL) the title URN.
        string stableId = canonicalId is not null && link is not null ? link : PaperIdentity.TitleUrn(paper.Title);
        var date = ExportItem.DateOf(paper, options.ReferenceDate, years);
        if (date is null && ExportItem.Day(paper) is not null && _undated++ == 0) _firstUndated = paper;
        return new ExportItem(paper, _ids.Claim(stableId), link, arxivLink, date);
    }

    /// <summary>Says, once per document, how many items have a year-less day that nothing decided, and what was written for them.</summary>
    public void ReportUndated()
    {
        if (_undated == 0 || options.OnDiagnostic is not { } report) return;
        var paper = _firstUndated!;
        report(new FeedDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.YearlessDate, DiagnosticLocation.None,
            string.Create(CultureInfo.InvariantCulture, $"{_undated} item(s) have a day without a year that no date of their snapshot and no reference date decides (the first: '{Shorten(paper.Title)}', {ExportItem.Day(paper)}); they are written without a date of their own (RSS: no pubDate; JSON Feed: no date_published; Atom, which requires one: the feed's updated); give a reference date (--reference-date) to date them"),
            "export"));
    }

    private static string Shorten(string text) => text.Length > 80 ? string.Concat(text.AsSpan(0, 80), "…") : text;

    private void Warn(Paper paper, string url)
    {
        if (options.OnDiagnostic is not { } report) return;
        string shown = url.Length > 80 ? string.Concat(url.AsSpan(0, 80), "…") : url;
        string title = paper.Title.Length > 80 ? string.Concat(paper.Title.AsSpan(0, 80), "…") : paper.Title;
        report(new FeedDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.UnsafeLink, DiagnosticLocation.None,
            string.Create(CultureInfo.InvariantCulture, $"the URL '{shown}' of paper '{title}' is not an http or https URL; the paper is written without a link"),
            "export"));
    }
}
