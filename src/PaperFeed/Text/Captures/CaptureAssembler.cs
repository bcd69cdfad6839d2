using PaperFeed.Api;

namespace PaperFeed.Text.Captures;

/// <summary>
/// Builds papers and feeds from the parts a capture reader recognised, in page order: page date, then per card
/// the vote box, title (with its paper link), abstract, byline (author count or organisation) and published date.
/// On the page the vote box stands before the title it belongs to, so a count is held until the next title.
/// Diagnostics match the text listing's (PF201, PF202, PF204); rules in docs/format.md ("Text captures").
/// </summary>
internal sealed class CaptureAssembler : AssemblerBase
{
    private bool _searchPage;
    private int _feedPaperCount;

    private bool _hasPendingVotes;
    private int? _pendingVotes;

    // The card in progress; _title is null between cards.
    private string? _title;
    private string? _arxivId;
    private int _titleLine;
    private int? _upvotes;
    private string? _abstract;
    private int _abstractLine;
    private string? _abstractMissingReason;
    private bool _hasByline;
    private int _bylineLine;
    private int? _authorCount;
    private PaperDate? _published;

    // Reference links ("### [Title][32]" with "[32]: https://…" after the page): output waits for the definitions.
    private const int MaxHeldPapers = 10_000;
    private readonly Dictionary<string, string> _references = new(StringComparer.Ordinal);
    private readonly Dictionary<Paper, string> _referenceOf = new(ReferenceEqualityComparer.Instance);
    private readonly List<Paper> _heldPapers = [];
    private readonly List<Feed> _heldFeeds = [];
    private bool _holding;
    private string? _titleReference;

    public CaptureAssembler(ReadSettings options, bool collectFeeds) : base(options, collectFeeds)
    {
    }

    /// <summary>True while a card's title has been read and the next title has not.</summary>
    public bool InCard => _title is not null;

    public bool CardHasAbstract => _abstract is not null;

    public bool CardHasByline => _hasByline;

    /// <summary>The arXiv id of the card in progress, when its title carried a link.</summary>
    public string? CardArxivId => _arxivId;

    /// <summary>The capture says it is of a search page (<c>/papers?q=…</c>): its papers were not featured on the page's day.</summary>
    public void MarkSearchPage() => _searchPage = true;

    /// <summary>A header phrase: the start of a listing, or of the next one when this one already has papers.</summary>
    public void Header()
    {
        if (FeedOpen && (_feedPaperCount > 0 || InCard))
        {
            EmitCard();
            FinishFeed();
        }
        if (!FeedOpen) StartCaptureFeed();
    }

    public void VoteBox(int? upvotes)
    {
        if (!FeedOpen) StartCaptureFeed();
        _hasPendingVotes = true;
        _pendingVotes = upvotes;
    }

    /// <summary>A card's title; <paramref name="reference"/> names its link's target when it is defined elsewhere (<c>[32]</c>).</summary>
    public void Title(string title, string? arxivId, int lineNumber, string? reference = null)
    {
        EmitCard();
        if (!FeedOpen) StartCaptureFeed();
        _title = title;
        _arxivId = arxivId;
        _titleReference = arxivId is null ? reference : null;
        if (_titleReference is not null) _holding = true;
        _titleLine = lineNumber;
        _upvotes = _hasPendingVotes ? _pendingVotes : null;
        _hasPendingVotes = false;
        _pendingVotes = null;
    }

    public void Abstract(string text, int lineNumber)
    {
        _abstract = text;
        _abstractLine = lineNumber;
    }

    /// <summary>The card's abstract started but never ended (the capture was cut off inside it).</summary>
    public void AbstractCutOff() => _abstractMissingReason = "its abstract is cut off";

    public void Authors(int count, int lineNumber)
    {
        _hasByline = true;
        _bylineLine = lineNumber;
        _authorCount = count;
    }

    /// <summary>An organisation stands where the author count would (<c>[[microsoft] Microsoft]</c>).</summary>
    public void Organization(int lineNumber)
    {
        _hasByline = true;
        _bylineLine = lineNumber;
    }

    /// <summary>A date: the page's before the first card, else the card's published date.</summary>
    public void Date(PaperDate date, int lineNumber, ReadOnlySpan<char> line)
    {
        if (InCard && _published is null)
        {
            _published = date;
            if (!_hasByline)
            {
                Report(DiagnosticSeverity.Warning, DiagnosticCodes.IncompleteMetadata, lineNumber, null,
                    "the card's date has no author count or organisation before it");
            }
            return;
        }
        if (!InCard && _feedPaperCount == 0 && FeedDate is null && !_hasPendingVotes)
        {
            if (!FeedOpen) StartCaptureFeed();
            FeedDate = SnapshotDates.ResolvePageDate(date, Options.ReferenceDate);
            return;
        }
        Report(DiagnosticSeverity.Warning, DiagnosticCodes.UnexpectedLine, lineNumber, null, line,
            static l => $"'{LineQuote.Shorten(l)}' is a date where no card expects one; ignored");
    }

    /// <summary>A reference definition (<c>[32]: https://huggingface.co/papers/2410.05434</c>); only paper pages matter.</summary>
    public void DefineReference(string reference, string? arxivId)
    {
        if (arxivId is not null) _references[reference] = arxivId;
    }

    /// <summary>Ends the input: the last card and the last listing come out, with reference links resolved.</summary>
    public void Complete()
    {
        EmitCard();
        FinishFeed();
        Release();
    }

    /// <summary>Hands out what waited for reference definitions, each title's link resolved where a definition was read.</summary>
    private void Release()
    {
        foreach (var paper in _heldPapers) EnqueuePaper(Resolved(paper));
        foreach (var feed in _heldFeeds) EnqueueFeed(feed with { Papers = [.. feed.Papers.Select(Resolved)] });
        _heldPapers.Clear();
        _heldFeeds.Clear();
        _referenceOf.Clear();
        _holding = false;
    }

    private Paper Resolved(Paper paper) =>
        _referenceOf.TryGetValue(paper, out var reference) && _references.TryGetValue(reference, out var id)
            ? paper with { ArxivId = id, Url = PaperLinks.HuggingFacePage(id) }
            : paper;

    public void ReportLine(string code, int lineNumber, int? column, string message) =>
        Report(DiagnosticSeverity.Warning, code, lineNumber, column, message);

    private void EmitCard()
    {
        if (_title is null) return;
        CountPaper(_authorCount, _published);
        _feedPaperCount++;
        if (_abstract is null)
        {
            Report(DiagnosticSeverity.Warning, DiagnosticCodes.MissingAbstract, _titleLine, null, _abstractMissingReason ?? "the card shows none",
                static reason => $"the entry has no abstract: {reason}");
        }
        if (_hasByline && _published is null)
        {
            Report(DiagnosticSeverity.Warning, DiagnosticCodes.IncompleteMetadata, _bylineLine, null, "the card's byline has no date after it");
        }
        string? abstractText = AbstractText.Normalize(_abstract, Options, out int collapsedRuns);
        for (int i = 0; i < collapsedRuns; i++)
        {
            Report(DiagnosticSeverity.Info, DiagnosticCodes.DuplicateSentences, _abstractLine, null,
                "a run of sentences repeated in the abstract was collapsed");
        }
        var paper = new Paper
        {
            Title = _title,
            Abstract = abstractText,
            AuthorCount = _authorCount,
            Published = _published is PaperDate published ? SnapshotDates.ResolvePaperDate(published, FeedDate, Options.ReferenceDate) : null,
            Upvotes = _upvotes,
            ArxivId = _arxivId,
            Url = _arxivId is null ? null : PaperLinks.HuggingFacePage(_arxivId),
            Featured = _searchPage ? null : FeedDate,
            SourceLine = _titleLine,
        };
        if (_titleReference is not null) _referenceOf[paper] = _titleReference;
        AddPaper(paper);
        // Memory stays bounded: past the cap, what waits comes out as it is.
        if (_heldPapers.Count + FeedPapersHeld > MaxHeldPapers) Release();
        _title = null;
        _titleReference = null;
        _arxivId = null;
        _upvotes = null;
        _abstract = null;
        _abstractMissingReason = null;
        _hasByline = false;
        _authorCount = null;
        _published = null;
    }

    private void StartCaptureFeed()
    {
        StartFeed();
        _feedPaperCount = 0;
        _hasPendingVotes = false;
    }

    protected override void AddPaper(Paper paper)
    {
        if (!CollectFeeds && _holding) _heldPapers.Add(paper);
        else base.AddPaper(paper);
    }

    protected override void AddFeed(Feed feed)
    {
        if (_holding) _heldFeeds.Add(feed);
        else base.AddFeed(feed);
    }
}
