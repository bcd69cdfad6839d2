using System.Globalization;

namespace PaperFeed.Api;

/// <summary>
/// Turns API DTOs into <see cref="Paper"/> records, reading each field from the level the API puts it on
/// (<c>numComments</c>, <c>organization</c> and the featured time on the item; everything else under
/// <c>paper</c>). Shared by the JSON reader and the HTML reader's <c>data-props</c> fast path. See docs/inputs.md.
/// </summary>
internal sealed class ApiPaperMapper
{
    /// <summary>A paper's page on the site: this prefix and the arXiv id.</summary>
    public const string PaperUrlPrefix = "https://huggingface.co/papers/";

    private readonly FeedParserOptions _options;

    public ApiPaperMapper(FeedParserOptions options) => _options = options;

    /// <summary>
    /// Appends the papers of one top-level value (an item, a bare paper, or a listing page's items) to
    /// <paramref name="into"/>; untitled items are skipped with a warning at <paramref name="line"/>/<paramref name="column"/>
    /// (for JSON input: the value's 1-based position; for HTML: the element's line and column).
    /// </summary>
    public void AddPapers(ApiEntry entry, int line, int? column, ICollection<Paper> into)
    {
        if (!entry.IsPage)
        {
            Add(entry, line, column, null, into);
            return;
        }
        var items = entry.DailyPapers!;
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item) Add(item, line, column, i, into);
        }
    }

    /// <summary>
    /// The feed of a listing page: its day as <see cref="Feed.Date"/>, or its week or month as <see cref="Feed.Period"/>
    /// (from <c>periodType</c> and <c>dateString</c>; a day page's period is the day of its date).
    /// </summary>
    public static Feed PageFeed(ApiEntry page, IReadOnlyList<Paper> papers)
    {
        FeedPeriod? period = FeedPeriod.TryFromListing(page.PeriodType, page.DateString, out var p) && p.Kind != FeedPeriodKind.Day ? p : null;
        return new Feed { Date = period is null ? PageDate(page) : null, Period = period, Papers = papers };
    }

    /// <summary>
    /// A listing page's date when it is a day: its <c>dateString</c>, else the UTC day of its <c>date</c> (the only
    /// date older pages carry); week and month periods give null.
    /// </summary>
    public static PaperDate? PageDate(ApiEntry page) =>
        page.DateString is { } text
            ? PaperDate.TryParseIso(text.AsSpan().Trim(), out var date) && date.HasYear ? date : null
            : UtcDate(page.Date);

    private void Add(ApiEntry entry, int line, int? column, int? pageIndex, ICollection<Paper> into)
    {
        var paper = ToPaper(entry, out int collapsedRuns);
        string where = pageIndex is int index ? string.Create(CultureInfo.InvariantCulture, $"dailyPapers[{index}]") : "the item";
        if (paper is null)
        {
            Report(DiagnosticSeverity.Warning, DiagnosticCodes.UntitledItem, line, column, $"{where} has no title (item or paper level); skipped");
            return;
        }
        if (collapsedRuns > 0)
        {
            Report(DiagnosticSeverity.Info, DiagnosticCodes.DuplicateSentences, line, column, $"a repeated run of sentences in the summary of {where} was collapsed");
        }
        into.Add(paper);
    }

    /// <summary>Maps one item or bare paper; null when it has no title at any level.</summary>
    internal Paper? ToPaper(ApiEntry entry, out int collapsedRuns)
    {
        collapsedRuns = 0;
        bool isItem = entry.Paper is not null;
        ApiPaper paper = entry.Paper ?? entry;
        string? title = WhitespaceFolding.Fold(entry.Title) ?? WhitespaceFolding.Fold(paper.Title);
        if (title is null) return null;

        string? summary = AbstractText.Normalize(WhitespaceFolding.Fold(paper.Summary) ?? entry.Summary, _options, out collapsedRuns);

        var authors = Authors(paper.Authors);
        string? id = WhitespaceFolding.Fold(paper.Id);
        return new Paper
        {
            Title = title,
            Abstract = summary,
            Authors = authors,
            AuthorCount = paper.Authors is null ? null : authors.Count,
            Published = UtcDate(paper.PublishedAt),
            Featured = UtcDate(paper.SubmittedOnDailyAt) ?? (isItem ? UtcDate(entry.PublishedAt) : null),
            Upvotes = paper.Upvotes,
            ArxivId = id,
            Url = id is null ? null : PaperUrlPrefix + Uri.EscapeDataString(id).Replace("%2F", "/", StringComparison.Ordinal),
            Details = Details(entry, paper),
        };
    }

    /// <summary>Every named author in order, hidden ones included: <c>hidden</c> is about the author's profile, not the paper.</summary>
    private static List<Author> Authors(List<ApiAuthor>? authors)
    {
        if (authors is null || authors.Count == 0) return [];
        var list = new List<Author>(authors.Count);
        foreach (var author in authors)
        {
            if (WhitespaceFolding.Fold(author.Name) is { } name) list.Add(new Author(name));
        }
        return list;
    }

    private static PaperDetails? Details(ApiEntry entry, ApiPaper paper)
    {
        var organization = Organization(entry.Organization) ?? (ReferenceEquals(entry, paper) ? null : Organization(paper.Organization));
        var details = new PaperDetails
        {
            AiSummary = WhitespaceFolding.Fold(paper.AiSummary),
            AiKeywords = Keywords(paper.AiKeywords),
            GithubRepo = WhitespaceFolding.Fold(paper.GithubRepo),
            GithubStars = paper.GithubStars,
            ProjectPage = WhitespaceFolding.Fold(paper.ProjectPage),
            Organization = organization,
            CommentCount = entry.NumComments,
            WithdrawnAt = paper.WithdrawnAt,
        };
        return details.IsEmpty ? null : details;
    }

    private static Organization? Organization(ApiOrganization? organization) =>
        organization is { Name: { } raw } && WhitespaceFolding.Fold(raw) is { } name
            ? new Organization(name, WhitespaceFolding.Fold(organization.FullName))
            : null;

    private static List<string> Keywords(List<string>? keywords)
    {
        if (keywords is null || keywords.Count == 0) return [];
        var list = new List<string>(keywords.Count);
        foreach (string keyword in keywords)
        {
            if (WhitespaceFolding.Fold(keyword) is { } folded) list.Add(folded);
        }
        return list;
    }

    private static PaperDate? UtcDate(DateTimeOffset? time) =>
        time is DateTimeOffset value ? new PaperDate(DateOnly.FromDateTime(value.UtcDateTime)) : null;

    private void Report(DiagnosticSeverity severity, string code, int line, int? column, string message)
    {
        var diagnostic = new FeedDiagnostic(severity, code, line, column, message, _options.SourceName);
        _options.OnDiagnostic?.Invoke(diagnostic);
        if (_options.Strict && severity == DiagnosticSeverity.Warning) throw new FeedFormatException(diagnostic);
    }
}
