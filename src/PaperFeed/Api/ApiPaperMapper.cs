using System.Globalization;

namespace PaperFeed.Api;

/// <summary>
/// Turns API DTOs into <see cref="Paper"/> records, reading each field from the level the API puts it on
/// (<c>numComments</c>, <c>organization</c> and <c>submitterOrganization</c> on the item; everything else under
/// <c>paper</c>). Shared by the JSON reader and the HTML reader's <c>data-props</c> fast path. The featured day
/// follows docs/inputs.md: <c>paper.submittedOnDailyAt</c>, else the listing's day, never earlier than published.
/// </summary>
internal sealed class ApiPaperMapper
{
    private readonly ReadSettings _options;
    private readonly DiagnosticSink _diagnostics;

    public ApiPaperMapper(ReadSettings options)
    {
        _options = options;
        _diagnostics = new DiagnosticSink(options.OnDiagnostic, options.Strict);
    }

    /// <summary>
    /// Appends the papers of one top-level value (an item, a bare paper, or the items of a listing page or wrapper)
    /// to <paramref name="into"/>. Problems are reported at <paramref name="at"/> with the JSON path below
    /// <paramref name="path"/> (in the location and in the message).
    /// </summary>
    /// <param name="entry">The value.</param>
    /// <param name="at">The line (and column) the value is on when it is one line of JSON Lines or sits in an HTML
    /// attribute; <see cref="DiagnosticLocation.None"/> when it is (part of) a JSON document, which JSON paths locate.</param>
    /// <param name="path">The value's JSON path, relative to <paramref name="at"/>.</param>
    /// <param name="listingDay">The day of the listing the value belongs to, when known: the featured day of items
    /// without <c>submittedOnDailyAt</c>. A page's own date wins over it.</param>
    /// <param name="into">Receives the papers.</param>
    /// <exception cref="FeedFormatException">An item is a string (an archiver saved Python reprs): no item can be read.</exception>
    public void AddPapers(ApiEntry entry, DiagnosticLocation at, string path, PaperDate? listingDay, ICollection<Paper> into)
    {
        if (entry.Items is not { } items)
        {
            Add(entry, new Where(at, path), listingDay, into);
            return;
        }
        listingDay = PageDate(entry) ?? listingDay;
        string itemsPath = path + (entry.DailyPapers is not null ? ".dailyPapers" : ".data");
        for (int i = 0; i < items.Count; i++)
        {
            Add(items[i], new Where(at, string.Create(CultureInfo.InvariantCulture, $"{itemsPath}[{i}]")), listingDay, into);
        }
    }

    /// <summary>
    /// The feed of a listing page or wrapper: its day as <see cref="Feed.Date"/>, or its week or month as
    /// <see cref="Feed.Period"/> (from <c>periodType</c> and <c>dateString</c>); <paramref name="listingDay"/> when it has none.
    /// </summary>
    public static Feed PageFeed(ApiEntry page, IReadOnlyList<Paper> papers, PaperDate? listingDay = null)
    {
        var period = PagePeriod(page);
        return new Feed { Date = period is null ? PageDate(page) ?? listingDay : null, Period = period, Papers = papers };
    }

    /// <summary>A page's week or month; null for a day page or when it has no period.</summary>
    public static FeedPeriod? PagePeriod(ApiEntry page) =>
        ApiListingPeriod.TryParse(page.PeriodType, page.DateString, out var p) && p.Kind != FeedPeriodKind.Day ? p : null;

    /// <summary>
    /// A listing page's or wrapper's day: <c>dateString</c> when it is a day, else <c>date</c> (a day, or the ISO
    /// timestamp of 2024 pages, taken as its UTC day); week and month pages give null.
    /// </summary>
    public static PaperDate? PageDate(ApiEntry page)
    {
        if (page.DateString is { } text)
        {
            return PaperDate.TryParseIso(text.AsSpan().Trim(), out var date) && date.HasYear ? date : null;
        }
        if (page.Date is not { } raw) return null;
        var trimmed = raw.AsSpan().Trim();
        if (PaperDate.TryParseIso(trimmed, out var day) && day.HasYear) return day;
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && trimmed.Length > 10
            ? UtcDate(time)
            : null;
    }

    /// <summary>Where a value is: the line and column of the value it is part of, when it has them, and its JSON path.</summary>
    private readonly record struct Where(DiagnosticLocation At, string Path)
    {
        /// <summary>The location of the value, or of the member at <paramref name="path"/> inside it.</summary>
        public DiagnosticLocation Location(string? path = null) => new(At.Line, At.Column, path ?? Path);
    }

    private void Add(ApiEntry entry, Where where, PaperDate? listingDay, ICollection<Paper> into)
    {
        if (entry.StringItem is { } text) throw StringItem(text, where);
        var paper = ToPaper(entry, where, listingDay, out int collapsedRuns);
        if (paper is null)
        {
            Report(DiagnosticSeverity.Warning, DiagnosticCodes.UntitledItem, where.Location(), $"the item at {where.Path} has no title (item or paper level); skipped");
            return;
        }
        if (collapsedRuns > 0)
        {
            Report(DiagnosticSeverity.Info, DiagnosticCodes.DuplicateSentences, where.Location(), $"a repeated run of sentences in the summary of the item at {where.Path} was collapsed");
        }
        into.Add(paper);
    }

    /// <summary>Maps one item or bare paper; null when it has no title at any level.</summary>
    private Paper? ToPaper(ApiEntry entry, Where where, PaperDate? listingDay, out int collapsedRuns)
    {
        collapsedRuns = 0;
        bool isItem = entry.Paper is not null;
        ApiPaper paper = entry.Paper ?? entry;
        string? title = WhitespaceFolding.Fold(entry.Title) ?? WhitespaceFolding.Fold(paper.Title);
        if (title is null) return null;

        string? summary = AbstractText.Normalize(WhitespaceFolding.Fold(paper.Summary) ?? entry.Summary, _options, out collapsedRuns);
        string paperPath = isItem ? where.Path + ".paper" : where.Path;

        var authors = Authors(paper.Authors);
        string? id = WhitespaceFolding.Fold(paper.Id);
        var published = UtcDate(paper.PublishedAt);
        return new Paper
        {
            Title = title,
            Abstract = summary,
            Authors = authors,
            AuthorCount = paper.Authors is null ? null : authors.Count,
            Published = published,
            Featured = Featured(UtcDate(paper.SubmittedOnDailyAt) ?? listingDay, published, where),
            Upvotes = Count(paper.Upvotes, paperPath + ".upvotes", where),
            ArxivId = id,
            Url = id is null ? null : PaperLinks.HuggingFacePage(id),
            Details = Details(entry, paper, paperPath, where),
        };
    }

    /// <summary>A featured day earlier than the published day is impossible: it is dropped, with an info.</summary>
    private PaperDate? Featured(PaperDate? featured, PaperDate? published, Where where)
    {
        if (featured is not PaperDate day || published is not PaperDate publishedDay
            || day.ToDateOnly() is not DateOnly f || publishedDay.ToDateOnly() is not DateOnly p || f >= p) return featured;
        Report(DiagnosticSeverity.Info, DiagnosticCodes.FeaturedBeforePublished, where.Location(),
            $"the item at {where.Path} would be featured on {day} but was published on {publishedDay}; its featured day is left unknown");
        return null;
    }

    private int? Count(ApiCount count, string path, Where where)
    {
        if (count.Invalid is { } text)
        {
            Report(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidCount, where.Location(path),
                $"{path} is {text}, not a count (a whole number from 0 to {int.MaxValue}); read as unknown");
        }
        return count.Value;
    }

    /// <summary>Every named author in order, hidden ones included: <c>hidden</c> is about the author's profile, not the paper.</summary>
    private static List<Author> Authors(List<string?>? names)
    {
        if (names is null || names.Count == 0) return [];
        var list = new List<Author>(names.Count);
        foreach (string? raw in names)
        {
            if (WhitespaceFolding.Fold(raw) is { } name) list.Add(new Author(name));
        }
        return list;
    }

    private PaperDetails? Details(ApiEntry entry, ApiPaper paper, string paperPath, Where where)
    {
        bool isItem = !ReferenceEquals(entry, paper);
        var organization = Organization(entry.Organization)
            ?? Organization(entry.SubmitterOrganization)
            ?? (isItem ? Organization(paper.Organization) : null);
        var details = new PaperDetails
        {
            AiSummary = WhitespaceFolding.Fold(paper.AiSummary),
            AiKeywords = Keywords(paper.AiKeywords),
            GithubRepo = WhitespaceFolding.Fold(paper.GithubRepo),
            GithubStars = Count(paper.GithubStars, paperPath + ".githubStars", where),
            ProjectPage = WhitespaceFolding.Fold(paper.ProjectPage),
            Organization = organization,
            CommentCount = Count(entry.NumComments, where.Path + ".numComments", where),
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

    private FeedFormatException StringItem(string text, Where where)
    {
        string shape = text.TrimStart().StartsWith("{'", StringComparison.Ordinal)
            ? "a Python repr of an item (single quotes, True/False/None), not JSON: the archive was saved with str() instead of json.dumps()"
            : "a string, not a JSON object";
        return new FeedFormatException(new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.StringItems, where.Location(),
            $"the item at {where.Path} is {shape}; no item can be read from it", _options.SourceName));
    }

    private void Report(DiagnosticSeverity severity, string code, DiagnosticLocation location, string message) =>
        _diagnostics.Report(new FeedDiagnostic(severity, code, location, message, _options.SourceName));
}
