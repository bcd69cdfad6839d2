using System.Globalization;

namespace PaperFeed.Export;

/// <summary>
/// Turns papers into <see cref="ExportItem"/>s for one document: ids made unique, links checked (a URL that is not
/// http(s) is reported as <see cref="DiagnosticCodes.UnsafeLink"/> and left out), dates resolved with the reference day.
/// </summary>
internal sealed class ExportItems(ExportOptions options, DateOnly? reference)
{
    private readonly UniqueIds _ids = new();

    public ExportItem Next(Paper paper)
    {
        string? canonicalId = paper.GetCanonicalArxivId();
        string? page = canonicalId is string arxivId ? PaperLinks.HuggingFacePage(arxivId) : paper.Url;
        string? link = HttpLink.From(page);
        if (link is null && page is not null) Warn(paper, page);
        string? arxivLink = canonicalId is string id ? HttpLink.From(PaperLinks.ArxivAbstract(id)) : null;
        // The page is the id when it is a real URL; otherwise (no arXiv id, or one that makes no URL) the title URN.
        string stableId = canonicalId is not null && link is not null ? link : PaperIdentity.TitleUrn(paper.Title);
        return new ExportItem(paper, _ids.Claim(stableId), link, arxivLink, ExportItem.DateOf(paper, reference));
    }

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
