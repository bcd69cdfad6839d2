using System.Globalization;

namespace PaperFeed.Text;

/// <summary>
/// The listing's grammar as a state machine over classified lines: header → page date → entries of title,
/// abstract and optional metadata block, with a header line (or a stray page date) starting the next snapshot.
/// It copies the fields of the entry in progress into pooled buffers and makes strings only when an entry is
/// complete and papers are wanted, so the counting pass allocates nothing per line. Every non-blank line ends
/// in a field or in a diagnostic.
/// </summary>
internal sealed class EntryAssembler : IDisposable
{
    private enum State { Start, Header, ExpectTitle, ExpectAbstract, AfterAbstract, AfterAuthors, AfterSeparator }

    private const string HeaderStartsSnapshot = "a header line starts the next snapshot";

    private readonly FeedParserOptions _options;
    private readonly DiagnosticSink _diagnostics;
    private readonly bool _materialize;
    private readonly bool _collectFeeds;
    private readonly Queue<Paper> _papers = new();
    private readonly Queue<Feed> _feeds = new();

    private State _state = State.Start;
    private int _headerIndex;
    private bool _feedOpen;
    private PaperDate? _feedDate;
    private List<Paper>? _feedPapers;

    // The entry in progress.
    private TextBuffer _title;
    private TextBuffer _abstract;
    private int _titleLine;
    private int _abstractLine;
    private int _abstractIndent;
    private readonly List<int> _droppedRuns = [];
    private bool _hasAbstract;
    private bool _titleSkipped;
    private bool _hasMetadata;
    private int? _authorCount;
    private PaperDate? _published;
    private int? _upvotes;
    private int _metadataLine;
    private bool _blankSinceTitle;
    private bool _blankBefore;

    private long _feedCount, _paperCount, _withMetadata, _lineCount, _warnings, _infos;

    public EntryAssembler(FeedParserOptions options, bool materialize, bool collectFeeds)
    {
        _options = options;
        _diagnostics = new DiagnosticSink(options);
        _materialize = materialize || collectFeeds;
        _collectFeeds = collectFeeds;
    }

    public bool HasOutput => _collectFeeds ? _feeds.Count > 0 : _papers.Count > 0;

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

    public void PushLine(ReadOnlySpan<char> raw, int lineNumber, int invalidUtf8Column)
    {
        StartLine(lineNumber, invalidUtf8Column);
        var line = raw.Trim();
        if (line.IsEmpty)
        {
            _blankSinceTitle = true;
            _blankBefore = true;
            return;
        }
        PushNonBlank(raw, line, lineNumber);
        _blankBefore = false;
    }

    private void StartLine(int lineNumber, int invalidUtf8Column)
    {
        _lineCount++;
        if (invalidUtf8Column > 0)
        {
            Report(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidUtf8, lineNumber, invalidUtf8Column,
                "bytes that are not valid UTF-8 were replaced by U+FFFD");
        }
    }

    private void PushNonBlank(ReadOnlySpan<char> raw, ReadOnlySpan<char> line, int lineNumber)
    {
        var classified = LineClassifier.Classify(line);
        switch (classified.Kind)
        {
            case LineKind.Header: OnHeader(classified.HeaderIndex); break;
            case LineKind.Date: OnDate(classified.Date, classified.Upvotes, lineNumber); break;
            case LineKind.Authors: OnAuthors(classified.Count, lineNumber, line); break;
            case LineKind.Separator: OnSeparator(lineNumber, line); break;
            case LineKind.MalformedAuthors when _state is State.ExpectAbstract or State.AfterAbstract or State.AfterAuthors or State.AfterSeparator:
                OnAuthors(null, lineNumber, line);
                break;
            case LineKind.MalformedDate when _state is State.ExpectAbstract or State.AfterAbstract or State.AfterAuthors or State.AfterSeparator:
                OnMalformedDate(lineNumber, line);
                break;
            default: OnText(raw, line, lineNumber); break;
        }
    }

    public void PushTooLong(int lineNumber, long length, int invalidUtf8Column)
    {
        StartLine(lineNumber, invalidUtf8Column);
        _blankBefore = false;
        Report(DiagnosticSeverity.Warning, DiagnosticCodes.LineTooLong, lineNumber, null,
            string.Create(CultureInfo.InvariantCulture, $"line of {length} characters is longer than the limit of {_options.MaxLineLength}; skipped"));
        switch (_state)
        {
            case State.ExpectAbstract:
                // An over-long abstract: the entry keeps its place, with a null abstract.
                _abstractLine = lineNumber;
                _state = State.AfterAbstract;
                return;
            case State.AfterAuthors or State.AfterSeparator:
                ReportIncompleteMetadata();
                EmitEntry();
                break;
            case State.AfterAbstract:
                EmitEntry();
                break;
            case State.Start:
                StartFeed();
                break;
        }
        // Where a title was expected: the entry keeps its place but is dropped, with every line it takes.
        BeginEntry(lineNumber);
        _titleSkipped = true;
    }

    /// <summary>End of input: the entry and the snapshot in progress are complete.</summary>
    /// <param name="nextSnapshotFollows">
    /// True for a piece of a larger input cut just before a snapshot header (a parallel parse): the entry in
    /// progress then ends as that header ends it in the whole input, diagnostics included.
    /// </param>
    public void Complete(bool nextSnapshotFollows = false)
    {
        CloseEntry(nextSnapshotFollows ? HeaderStartsSnapshot : "the input ends");
        FinishFeed();
        _state = State.Start;
    }

    private void OnHeader(int index)
    {
        if (_state == State.Header && index > _headerIndex)
        {
            _headerIndex = index;
            return;
        }
        CloseEntry(HeaderStartsSnapshot);
        StartFeed();
        _state = State.Header;
        _headerIndex = index;
    }

    private void OnDate(PaperDate date, int? upvotes, int lineNumber)
    {
        switch (_state)
        {
            case State.Start:
                StartFeed();
                SetFeedDate(date, upvotes, lineNumber);
                return;
            case State.Header:
                SetFeedDate(date, upvotes, lineNumber);
                return;
            case State.ExpectTitle:
                StartHeaderlessFeed(date, upvotes, lineNumber);
                return;
            case State.ExpectAbstract or State.AfterAbstract when _blankBefore && !date.HasYear && upvotes is null:
                // A block of just a year-less date after a title or an abstract has the page date's shape, not a
                // metadata block's (whose date follows its author and separator lines directly): a snapshot without header.
                CloseEntry("a page date starts the next snapshot");
                StartHeaderlessFeed(date, upvotes, lineNumber);
                return;
            case State.ExpectAbstract:
                ReportMissingAbstract("a metadata block follows the title");
                ReportIncompleteMetadata(lineNumber, "the metadata block has no author line");
                break;
            case State.AfterAbstract:
                ReportIncompleteMetadata(lineNumber, "the metadata block has no author line");
                break;
        }
        NoteEntryLine(lineNumber);
        _hasMetadata = true;
        _published = date;
        _upvotes = upvotes;
        EmitEntry();
        _state = State.ExpectTitle;
    }

    private void StartHeaderlessFeed(PaperDate date, int? upvotes, int lineNumber)
    {
        Report(DiagnosticSeverity.Warning, DiagnosticCodes.HeaderlessSnapshot, lineNumber, null,
            "a page date with no header before it starts a new snapshot");
        StartFeed();
        SetFeedDate(date, upvotes, lineNumber);
    }

    private void OnAuthors(int? count, int lineNumber, ReadOnlySpan<char> line)
    {
        switch (_state)
        {
            case State.ExpectAbstract:
                ReportMissingAbstract("a metadata block follows the title");
                break;
            case State.AfterAbstract:
                break;
            case State.Start or State.Header or State.ExpectTitle or State.AfterAuthors or State.AfterSeparator:
                IgnoreStrayMetadata(lineNumber, line);
                return;
        }
        NoteEntryLine(lineNumber);
        if (count is null)
        {
            Report(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidMetadata, lineNumber, null,
                $"'{LineQuote.Shorten(line)}' is not a valid author count");
        }
        _hasMetadata = true;
        _metadataLine = lineNumber;
        _authorCount = count;
        _state = State.AfterAuthors;
    }

    private void OnSeparator(int lineNumber, ReadOnlySpan<char> line)
    {
        switch (_state)
        {
            case State.ExpectAbstract:
                ReportMissingAbstract("a metadata block follows the title");
                ReportIncompleteMetadata(lineNumber, "the metadata block has no author line");
                break;
            case State.AfterAbstract:
                ReportIncompleteMetadata(lineNumber, "the metadata block has no author line");
                break;
            case State.AfterAuthors:
                break;
            default:
                IgnoreStrayMetadata(lineNumber, line);
                return;
        }
        NoteEntryLine(lineNumber);
        _hasMetadata = true;
        if (_metadataLine == 0) _metadataLine = lineNumber;
        _state = State.AfterSeparator;
    }

    /// <summary>A metadata line where no entry can take it: reported and ignored (at the very start, it opens the first snapshot).</summary>
    private void IgnoreStrayMetadata(int lineNumber, ReadOnlySpan<char> line)
    {
        ReportUnexpected(lineNumber, line);
        if (_state == State.Start)
        {
            StartFeed();
            _state = State.ExpectTitle;
        }
    }

    private void OnMalformedDate(int lineNumber, ReadOnlySpan<char> line)
    {
        if (_state == State.ExpectAbstract) ReportMissingAbstract("a metadata block follows the title");
        NoteEntryLine(lineNumber);
        Report(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidMetadata, lineNumber, null, $"'{LineQuote.Shorten(line)}' is not a valid date");
        _hasMetadata = true;
        EmitEntry();
        _state = State.ExpectTitle;
    }

    private void OnText(ReadOnlySpan<char> raw, ReadOnlySpan<char> line, int lineNumber)
    {
        switch (_state)
        {
            case State.Start:
                StartFeed();
                BeginEntry(lineNumber, line);
                return;
            case State.Header or State.ExpectTitle:
                BeginEntry(lineNumber, line);
                return;
            case State.ExpectAbstract:
                if (!_blankSinceTitle && raw.Length > 0 && raw[0] is ' ' or '\t' && !_titleSkipped)
                {
                    // An arXiv-style wrapped title: the indented continuation joins with one space.
                    _title.Append(" ");
                    _title.Append(line);
                    return;
                }
                if (!_titleSkipped && line.SequenceEqual(_title.Span))
                {
                    Report(DiagnosticSeverity.Info, DiagnosticCodes.DuplicateTitle, lineNumber, null, "the title line is repeated; kept once");
                    return;
                }
                NoteEntryLine(lineNumber);
                _abstract.Set(line);
                _abstractIndent = raw.Length - raw.TrimStart().Length;
                _hasAbstract = true;
                _abstractLine = lineNumber;
                _state = State.AfterAbstract;
                return;
            case State.AfterAbstract:
                if (_hasAbstract && line.SequenceEqual(_abstract.Span))
                {
                    if (_titleSkipped) NoteEntryLine(lineNumber);
                    else Report(DiagnosticSeverity.Info, DiagnosticCodes.DuplicateAbstract, lineNumber, null, "the abstract line is repeated; kept once");
                    return;
                }
                EmitEntry();
                BeginEntry(lineNumber, line);
                return;
            default:
                ReportIncompleteMetadata();
                EmitEntry();
                BeginEntry(lineNumber, line);
                return;
        }
    }

    private void BeginEntry(int lineNumber, ReadOnlySpan<char> title = default)
    {
        _title.Set(title);
        _abstract.Clear();
        _titleLine = lineNumber;
        _abstractLine = 0;
        _metadataLine = 0;
        _hasAbstract = false;
        _titleSkipped = false;
        _hasMetadata = false;
        _authorCount = null;
        _published = null;
        _upvotes = null;
        _blankSinceTitle = false;
        _state = State.ExpectAbstract;
    }

    /// <summary>Ends the entry in progress, if any, before a new snapshot starts.</summary>
    private void CloseEntry(string reason)
    {
        switch (_state)
        {
            case State.ExpectAbstract:
                ReportMissingAbstract(reason);
                EmitEntry();
                break;
            case State.AfterAbstract:
                EmitEntry();
                break;
            case State.AfterAuthors or State.AfterSeparator:
                ReportIncompleteMetadata();
                EmitEntry();
                break;
        }
    }

    private void EmitEntry()
    {
        _state = State.ExpectTitle;
        if (_titleSkipped)
        {
            _titleSkipped = false;
            return;
        }
        _paperCount++;
        if (_hasMetadata) _withMetadata++;
        string? collapsed = null;
        if (_hasAbstract && _options.DuplicateSentences == DuplicateSentenceHandling.Collapse)
        {
            collapsed = DuplicateSentenceCollapser.Collapse(_abstract.Span, _droppedRuns, rebuild: _materialize);
            foreach (int offset in _droppedRuns)
            {
                Report(DiagnosticSeverity.Info, DiagnosticCodes.DuplicateSentences, _abstractLine, _abstractIndent + offset + 1,
                    "a run of sentences repeated in the abstract was collapsed; this copy was dropped");
            }
        }
        if (!_materialize) return;
        var paper = new Paper
        {
            Title = new string(_title.Span),
            Abstract = _hasAbstract ? collapsed ?? new string(_abstract.Span) : null,
            AuthorCount = _authorCount,
            Published = _published is PaperDate published ? SnapshotDates.ResolvePaperDate(published, _feedDate, _options.ReferenceDate) : null,
            Upvotes = _upvotes,
            Featured = _feedDate,
            SourceLine = _titleLine,
        };
        if (_collectFeeds) _feedPapers!.Add(paper);
        else _papers.Enqueue(paper);
    }

    private void StartFeed()
    {
        FinishFeed();
        _feedOpen = true;
        _feedDate = null;
        _feedCount++;
        if (_collectFeeds) _feedPapers = [];
    }

    private void FinishFeed()
    {
        if (!_feedOpen) return;
        _feedOpen = false;
        if (_collectFeeds)
        {
            _feeds.Enqueue(new Feed { Date = _feedDate, Papers = _feedPapers! });
            _feedPapers = null;
        }
    }

    private void SetFeedDate(PaperDate date, int? upvotes, int lineNumber)
    {
        _feedDate = SnapshotDates.ResolvePageDate(date, _options.ReferenceDate);
        _state = State.ExpectTitle;
        if (upvotes is not null)
        {
            Report(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidMetadata, lineNumber, null,
                "the page date carries a trailing number; it was ignored");
        }
    }

    /// <summary>A line taken by an entry whose title was skipped is dropped with it, and says so.</summary>
    private void NoteEntryLine(int lineNumber)
    {
        if (_titleSkipped)
        {
            Report(DiagnosticSeverity.Warning, DiagnosticCodes.SkippedEntry, lineNumber, null,
                "dropped with its entry, whose title line was too long");
        }
    }

    private void ReportMissingAbstract(string reason)
    {
        if (_titleSkipped) return;
        Report(DiagnosticSeverity.Warning, DiagnosticCodes.MissingAbstract, _titleLine, null, $"the entry has no abstract: {reason}");
    }

    private void ReportIncompleteMetadata() =>
        ReportIncompleteMetadata(_metadataLine == 0 ? _titleLine : _metadataLine, "the metadata block has no date");

    private void ReportIncompleteMetadata(int lineNumber, string message) =>
        Report(DiagnosticSeverity.Warning, DiagnosticCodes.IncompleteMetadata, lineNumber, null, message);

    private void ReportUnexpected(int lineNumber, ReadOnlySpan<char> line) =>
        Report(DiagnosticSeverity.Warning, DiagnosticCodes.UnexpectedLine, lineNumber, null,
            $"'{LineQuote.Shorten(line)}' is a metadata line where a title was expected; ignored");

    private void Report(DiagnosticSeverity severity, string code, int line, int? column, string message)
    {
        if (severity == DiagnosticSeverity.Info) _infos++;
        else _warnings++;
        if (!_diagnostics.IsObserved(severity)) return;
        _diagnostics.Report(new FeedDiagnostic(severity, code, DiagnosticLocation.AtLine(line, column), message, _options.SourceName));
    }

    public void Dispose()
    {
        _title.Release();
        _abstract.Release();
    }
}
