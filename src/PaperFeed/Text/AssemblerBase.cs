namespace PaperFeed.Text;

/// <summary>
/// What every text assembler shares, whatever its grammar (the browser copy's <see cref="EntryAssembler{T, TUnits}"/>,
/// the captures' <see cref="Captures.CaptureAssembler"/>): the queues papers and feeds wait in until the caller takes
/// them, the snapshot in progress, the statistics of a counting pass, and the one way a diagnostic is counted and
/// delivered (its message is made only when someone listens, so counting allocates nothing per warning).
/// </summary>
internal abstract class AssemblerBase
{
    private readonly Queue<Paper> _papers = new();
    private readonly Queue<Feed> _feeds = new();
    private List<Paper>? _feedPapers;
    private readonly DiagnosticSink _diagnostics;
    private long _feedCount, _paperCount, _withMetadata, _lineCount, _warnings, _infos;

    protected AssemblerBase(ReadSettings options, bool collectFeeds)
    {
        Options = options;
        CollectFeeds = collectFeeds;
        _diagnostics = new DiagnosticSink(options.OnDiagnostic, options.Strict);
    }

    protected ReadSettings Options { get; }

    /// <summary>True when the caller wants whole feeds, false for a stream of papers.</summary>
    protected bool CollectFeeds { get; }

    /// <summary>True while a snapshot is open.</summary>
    protected bool FeedOpen { get; private set; }

    /// <summary>The open snapshot's page date, resolved; null when it has none (yet).</summary>
    protected PaperDate? FeedDate { get; set; }

    /// <summary>Papers of the open snapshot held for its <see cref="Feed"/> (only when collecting feeds).</summary>
    protected int FeedPapersHeld => _feedPapers?.Count ?? 0;

    public virtual bool HasOutput => CollectFeeds ? _feeds.Count > 0 : _papers.Count > 0;

    public bool TryTakePaper(out Paper paper) => _papers.TryDequeue(out paper!);

    public bool TryTakeFeed(out Feed feed) => _feeds.TryDequeue(out feed!);

    public FeedStatistics Statistics => new()
    {
        Feeds = _feedCount,
        Papers = _paperCount,
        PapersWithMetadata = _withMetadata,
        Lines = _lineCount,
        Warnings = _warnings,
        Infos = _infos,
    };

    protected void CountLine() => _lineCount++;

    /// <summary>
    /// Counts a paper. The one rule for <see cref="FeedStatistics.PapersWithMetadata"/>, the same as the JSON readers':
    /// a paper has metadata when it has an author count or a published date.
    /// </summary>
    protected void CountPaper(int? authorCount, PaperDate? published)
    {
        _paperCount++;
        if (FeedStatistics.HasMetadata(authorCount, published)) _withMetadata++;
    }

    /// <summary>Starts a snapshot (finishing the open one first).</summary>
    protected void StartFeed()
    {
        FinishFeed();
        FeedOpen = true;
        FeedDate = null;
        _feedCount++;
        if (CollectFeeds) _feedPapers = [];
    }

    /// <summary>Finishes the open snapshot, if any: its feed goes out when feeds are collected.</summary>
    protected void FinishFeed()
    {
        if (!FeedOpen) return;
        FeedOpen = false;
        if (CollectFeeds)
        {
            AddFeed(new Feed { Date = FeedDate, Period = CurrentPeriod, Papers = _feedPapers! });
            _feedPapers = null;
        }
    }

    /// <summary>The period of the open snapshot when its page says it is not a day (a week, a month, trending); null for a day.</summary>
    protected virtual FeedPeriod? CurrentPeriod => null;

    /// <summary>A finished paper: into the open feed when feeds are collected, else out to the caller.</summary>
    protected virtual void AddPaper(Paper paper)
    {
        if (CollectFeeds) _feedPapers!.Add(paper);
        else EnqueuePaper(paper);
    }

    /// <summary>A finished feed, out to the caller.</summary>
    protected virtual void AddFeed(Feed feed) => EnqueueFeed(feed);

    protected void EnqueuePaper(Paper paper) => _papers.Enqueue(paper);

    protected void EnqueueFeed(Feed feed) => _feeds.Enqueue(feed);

    /// <summary>A line in which the line reader replaced invalid UTF-8; <paramref name="column"/> is the first replacement's.</summary>
    public void ReportInvalidUtf8(int lineNumber, int column) =>
        Report(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidUtf8, lineNumber, column, "bytes that are not valid UTF-8 were replaced by U+FFFD");

    /// <summary>Says how the input ended when it was damaged: NUL padding (a crash), or a character cut short.</summary>
    public void ReportDamagedEnd(int lastLine, long nulBytes, int cutBytes)
    {
        int line = Math.Max(1, lastLine);
        if (cutBytes > 0)
        {
            Report(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidUtf8, line, null,
                $"the input ends inside a UTF-8 character (a file cut short?); its {cutBytes} byte(s) were dropped");
        }
        if (nulBytes > 0)
        {
            Report(DiagnosticSeverity.Warning, DiagnosticCodes.NulPadding, line, null,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the input ends in {nulBytes:N0} NUL bytes after this line (padding a crash leaves?); they were ignored"));
        }
    }

    /// <summary>Reports a diagnostic whose message is a constant.</summary>
    protected void Report(DiagnosticSeverity severity, string code, int line, int? column, string message)
    {
        if (Count(severity)) Deliver(severity, code, line, column, message);
    }

    /// <summary>Reports a diagnostic whose message is made from <paramref name="argument"/>, only when someone listens.</summary>
    protected void Report<TArgument>(DiagnosticSeverity severity, string code, int line, int? column, TArgument argument, Func<TArgument, string> message)
        where TArgument : allows ref struct
    {
        if (Count(severity)) Deliver(severity, code, line, column, message(argument));
    }

    /// <summary>Counts a diagnostic; true when it has anyone to reach (a listener, or strict mode that throws).</summary>
    protected bool Count(DiagnosticSeverity severity)
    {
        if (severity == DiagnosticSeverity.Info) _infos++;
        else _warnings++;
        return _diagnostics.IsObserved(severity);
    }

    /// <summary>The one place the text assemblers make a <see cref="FeedDiagnostic"/>, after <see cref="Count"/> said it is observed.</summary>
    protected void Deliver(DiagnosticSeverity severity, string code, int line, int? column, string message) =>
        _diagnostics.Report(new FeedDiagnostic(severity, code, DiagnosticLocation.AtLine(line, column), message, Options.SourceName));
}
