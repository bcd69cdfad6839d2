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
    private string? _pendingVotesId;
    private string? _pendingSubmitter;
    private FeedPeriod? _period;

    // The last finished card, held until the next one: the page renders every card twice (two layouts), and a
    // repeat of it (same title and paper) is the same paper, read once with what either rendering showed.
    private Paper? _previous;
    private string? _previousReference;

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
    private bool _needsEvidence;
    private bool _hasEvidence;
    private string? _aiSummary;
    private string? _githubRepo;
    private int? _githubStars;
    private Organization? _organization;
    private string? _submitter;
    private List<Author>? _authors;

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
        if (FeedOpen && (_feedPaperCount > 0 || InCard || _previous is not null))
        {
            EmitCard();
            FinishCaptureFeed();
        }
        if (!FeedOpen) StartCaptureFeed();
    }

    /// <summary>
    /// A vote box. One that names its paper (the login link's <c>next</c>) belongs to the card of that paper: the card in
    /// progress when it is that paper (the box after its card), else the next title (the box before it).
    /// </summary>
    public void VoteBox(int? upvotes, string? paperId = null)
    {
        if (!FeedOpen) StartCaptureFeed();
        if (paperId is not null && InCard && paperId == _arxivId)
        {
            _upvotes ??= upvotes;
            MarkEvidence();
            return;
        }
        _hasPendingVotes = true;
        _pendingVotes = upvotes;
        _pendingVotesId = paperId;
    }

    /// <summary><c>Submitted by</c> and the user, before the card they submitted.</summary>
    public void Submitter(string user)
    {
        if (InCard && _submitter is null && _isPaperPage) _submitter = user;
        else _pendingSubmitter = user;
    }

    private bool _isPaperPage;

    /// <summary>The capture is of one paper's own page (<c>/papers/ID</c>): one card, no listing day.</summary>
    public void MarkPaperPage() => _isPaperPage = true;

    /// <summary>The period the capture's page covers (a week, a month, trending): its papers have no featured day.</summary>
    public void Period(FeedPeriod period)
    {
        if (_feedPaperCount == 0 && !InCard) _period = period;
    }

    /// <summary>The code link row: the repository and its stars as shown.</summary>
    public void Github(string repository, int? stars)
    {
        if (!InCard) return;
        _githubRepo ??= repository;
        _githubStars ??= stars;
        MarkEvidence();
    }

    /// <summary>The AI-written summary, where the page says that is what it is.</summary>
    public void AiSummary(string text) => _aiSummary ??= text;

    /// <summary>One author's name, in page order (a paper's own page lists them).</summary>
    public void AuthorName(string name)
    {
        (_authors ??= []).Add(new Author(name));
    }

    /// <summary>
    /// A card part was read. For a plain heading it counts only after the card's prose: a stray heading right before a
    /// byline (a section of the page, a capture damaged) must not take that byline and become a paper.
    /// </summary>
    private void MarkEvidence()
    {
        if (!_needsEvidence || _abstract is not null) _hasEvidence = true;
    }

    /// <summary>True when the card in progress came from a plain <c>### Title</c> heading and nothing of a card has followed it yet.</summary>
    public bool CardNeedsEvidence => _needsEvidence && !_hasEvidence;

    /// <summary>A card's title; <paramref name="reference"/> names its link's target when it is defined elsewhere (<c>[32]</c>).</summary>
    /// <param name="title">The title text.</param>
    /// <param name="arxivId">The paper's id, from the title's link.</param>
    /// <param name="lineNumber">The title's line.</param>
    /// <param name="reference">The link's reference name, when the target is defined elsewhere.</param>
    /// <param name="needsEvidence">A plain heading: it is a card only when a card's part (byline, vote box, code link, date) follows.</param>
    public void Title(string title, string? arxivId, int lineNumber, string? reference = null, bool needsEvidence = false)
    {
        EmitCard();
        if (!FeedOpen) StartCaptureFeed();
        _title = title;
        _arxivId = arxivId;
        _titleReference = arxivId is null ? reference : null;
        if (_titleReference is not null) _holding = true;
        _titleLine = lineNumber;
        bool votesFit = _pendingVotesId is null || arxivId is null || _pendingVotesId == arxivId;
        _upvotes = _hasPendingVotes && votesFit ? _pendingVotes : null;
        _hasPendingVotes = false;
        _pendingVotes = null;
        _pendingVotesId = null;
        _submitter = _pendingSubmitter;
        _pendingSubmitter = null;
        _needsEvidence = needsEvidence;
        _hasEvidence = _upvotes is not null;
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
        MarkEvidence();
        _hasByline = true;
        _bylineLine = lineNumber;
        _authorCount = count;
    }

    /// <summary>An organisation stands where the author count would (<c>[[microsoft] Microsoft]</c>).</summary>
    public void Organization(int lineNumber, Organization? organization = null)
    {
        _organization ??= organization;
        MarkEvidence();
        _hasByline = true;
        _bylineLine = lineNumber;
    }

    /// <summary>A date: the page's before the first card, else the card's published date.</summary>
    public void Date(PaperDate date, int lineNumber, ReadOnlySpan<char> line)
    {
        if (InCard && _published is null)
        {
            _published = date;
            MarkEvidence();
            if (!_hasByline && !_isPaperPage)
            {
                Report(DiagnosticSeverity.Warning, DiagnosticCodes.IncompleteMetadata, lineNumber, null,
                    "the card's date has no author count or organisation before it");
            }
            return;
        }
        if (!InCard && _feedPaperCount == 0 && FeedDate is null && !_hasPendingVotes && _period is null && !_isPaperPage)
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

    /// <summary>Ends the card in progress, so that nothing read after it attaches to it.</summary>
    public void EndCard() => EmitCard();

    /// <summary>Ends the input: the last card and the last listing come out, with reference links resolved.</summary>
    public void Complete()
    {
        EmitCard();
        FinishCaptureFeed();
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
        if (_needsEvidence && !_hasEvidence)
        {
            // A plain heading that no card part followed is the page's, not a paper's.
            Report(DiagnosticSeverity.Info, DiagnosticCodes.UnexpectedLine, _titleLine, null, _title,
                static t => $"'{LineQuote.Shorten(t)}' is a heading with no card after it; skipped");
            ClearCard();
            return;
        }
        if (_abstract is null && _aiSummary is null)
        {
            Report(DiagnosticSeverity.Warning, DiagnosticCodes.MissingAbstract, _titleLine, null, _abstractMissingReason ?? "the card shows none",
                static reason => $"the entry has no abstract: {reason}");
        }
        if (_hasByline && _published is null && !_isPaperPage)
        {
            Report(DiagnosticSeverity.Warning, DiagnosticCodes.IncompleteMetadata, _bylineLine, null, "the card's byline has no date after it");
        }
        string? abstractText = AbstractText.Normalize(_abstract, Options, out int collapsedRuns);
        for (int i = 0; i < collapsedRuns; i++)
        {
            Report(DiagnosticSeverity.Info, DiagnosticCodes.DuplicateSentences, _abstractLine, null,
                "a run of sentences repeated in the abstract was collapsed");
        }
        var details = new PaperDetails
        {
            AiSummary = _aiSummary,
            GithubRepo = _githubRepo,
            GithubStars = _githubStars,
            Organization = _organization,
            Submitter = _submitter,
        };
        bool listing = _period is null && !_searchPage && !_isPaperPage;
        var paper = new Paper
        {
            Title = _title,
            Abstract = abstractText,
            AuthorCount = _authors?.Count ?? _authorCount,
            Authors = _authors ?? [],
            Published = _published is PaperDate published ? SnapshotDates.ResolvePaperDate(published, FeedDate, Options.ReferenceDate) : null,
            Upvotes = _upvotes,
            ArxivId = _arxivId,
            Url = _arxivId is null ? null : PaperLinks.HuggingFacePage(_arxivId),
            Featured = listing ? FeedDate : null,
            Details = details.IsEmpty ? null : details,
            SourceLine = _titleLine,
        };
        string? reference = _titleReference;
        ClearCard();
        if (_previous is not null && IsRepeat(_previous, paper) && reference == _previousReference)
        {
            _previous = Combined(_previous, paper);
            return;
        }
        FlushPrevious();
        _previous = paper;
        _previousReference = reference;
    }

    /// <summary>The second rendering of the same card: same title, and the same paper where both name one.</summary>
    private static bool IsRepeat(Paper first, Paper second) =>
        first.Title == second.Title && (first.ArxivId is null || second.ArxivId is null || first.ArxivId == second.ArxivId);

    /// <summary>One paper from both renderings: each field from the first that shows it.</summary>
    private static Paper Combined(Paper first, Paper second)
    {
        var details = first.Details is null ? second.Details : second.Details is null ? first.Details : first.Details with
        {
            AiSummary = first.Details.AiSummary ?? second.Details.AiSummary,
            GithubRepo = first.Details.GithubRepo ?? second.Details.GithubRepo,
            GithubStars = first.Details.GithubStars ?? second.Details.GithubStars,
            Organization = first.Details.Organization ?? second.Details.Organization,
            Submitter = first.Details.Submitter ?? second.Details.Submitter,
        };
        return first with
        {
            Abstract = first.Abstract ?? second.Abstract,
            AuthorCount = first.AuthorCount ?? second.AuthorCount,
            Authors = first.Authors.Count > 0 ? first.Authors : second.Authors,
            Published = first.Published ?? second.Published,
            Upvotes = first.Upvotes ?? second.Upvotes,
            ArxivId = first.ArxivId ?? second.ArxivId,
            Url = first.Url ?? second.Url,
            Details = details,
        };
    }

    /// <summary>The held card goes out (it was not repeated).</summary>
    private void FlushPrevious()
    {
        if (_previous is not { } paper) return;
        _previous = null;
        CountPaper(paper.AuthorCount, paper.Published);
        _feedPaperCount++;
        if (_previousReference is not null) _referenceOf[paper] = _previousReference;
        _previousReference = null;
        AddPaper(paper);
        // Memory stays bounded: past the cap, what waits comes out as it is.
        if (_heldPapers.Count + FeedPapersHeld > MaxHeldPapers) Release();
    }

    protected override FeedPeriod? CurrentPeriod => _period;

    private void FinishCaptureFeed()
    {
        FlushPrevious();
        FinishFeed();
    }

    private void ClearCard()
    {
        _title = null;
        _titleReference = null;
        _arxivId = null;
        _upvotes = null;
        _abstract = null;
        _abstractMissingReason = null;
        _hasByline = false;
        _authorCount = null;
        _published = null;
        _needsEvidence = false;
        _hasEvidence = false;
        _aiSummary = null;
        _githubRepo = null;
        _githubStars = null;
        _organization = null;
        _submitter = null;
        _authors = null;
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
