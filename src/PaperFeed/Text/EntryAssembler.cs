namespace PaperFeed.Text;

/// <summary>
/// The listing's grammar as a state machine over classified lines: header → page date → entries of title,
/// abstract and optional metadata block, with a header line (or a stray page date) starting the next snapshot
/// (docs/format.md §2). Written over code units (<see cref="ITextUnits{T}"/>); every input reaches it as UTF-8 bytes
/// split by <see cref="Utf8LineReader"/> and read without decoding (text given as characters is encoded on the way in).
/// Every non-blank line ends in a field or in a diagnostic.
/// </summary>
/// <remarks>
/// The other concerns live beside it: the fields of the entry in progress in <see cref="EntryFields{T}"/>; what a
/// finished entry becomes (a paper, a count, an entry handed out as spans) in EntryAssembler.Output.cs; the
/// diagnostics' wording in EntryAssembler.Diagnostics.cs; feeds, queues and statistics in <see cref="AssemblerBase"/>.
/// </remarks>
internal sealed partial class EntryAssembler<T, TUnits> : AssemblerBase, IDisposable
    where T : unmanaged, IEquatable<T>
    where TUnits : ITextUnits<T>
{
    private enum State { Start, Header, ExpectTitle, ExpectAbstract, AfterAbstract, AfterAuthors, AfterSeparator }

    private State _state = State.Start;
    private int _headerIndex;
    private bool _blankBefore;

    // The entry in progress.
    private EntryFields<T> _entry = new();

    // Where the lines come from: an abstract is read where the line reader holds it until the reader refills.
    private readonly ILineReader<T> _lines;

    public EntryAssembler(ReadSettings options, EntryOutput output, ILineReader<T> lines) : base(options, output == EntryOutput.Feeds)
    {
        _output = output;
        _lines = lines;
    }

    /// <summary>The line reader is about to refill its buffer: the fields still reading lines there take their own copy.</summary>
    public void BeforeFill()
    {
        _entry.KeepLines();
        _finished.KeepLines();
    }

    public void PushLine(ReadOnlySpan<T> raw, int lineNumber, int invalidUtf8Column)
    {
        StartLine(lineNumber, invalidUtf8Column);
        var line = TUnits.Trim(raw);
        if (line.IsEmpty)
        {
            _entry.BlankSinceTitle = true;
            _blankBefore = true;
            return;
        }
        PushNonBlank(raw, line, lineNumber);
        _blankBefore = false;
    }

    private void StartLine(int lineNumber, int invalidUtf8Column)
    {
        CountLine();
        if (invalidUtf8Column > 0) ReportInvalidUtf8(lineNumber, invalidUtf8Column);
    }

    private void PushNonBlank(ReadOnlySpan<T> raw, ReadOnlySpan<T> line, int lineNumber)
    {
        var classified = TUnits.Classify(line);
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
            case LineKind.Furniture:
                // Whatever the state: the cut-finder relies on furniture changing nothing. An indented line after it
                // continues the furniture, not the title before it.
                ReportFurniture(lineNumber, line);
                _entry.BlankSinceTitle = true;
                break;
            default: OnText(raw, line, lineNumber); break;
        }
    }

    public void PushTooLong(int lineNumber, long length, int invalidUtf8Column)
    {
        StartLine(lineNumber, invalidUtf8Column);
        _blankBefore = false;
        ReportTooLong(lineNumber, length);
        switch (_state)
        {
            case State.ExpectAbstract:
                // An over-long abstract: the entry keeps its place, with a null abstract.
                _entry.AbstractLine = lineNumber;
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
        BeginEntry(lineNumber, default);
        _entry.TitleSkipped = true;
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
                ReportMissingAbstract(MetadataFollowsTitle);
                ReportIncompleteMetadata(lineNumber, NoAuthorLine);
                break;
            case State.AfterAbstract:
                ReportIncompleteMetadata(lineNumber, NoAuthorLine);
                break;
        }
        NoteEntryLine(lineNumber);
        _entry.Published = date;
        _entry.Upvotes = upvotes;
        EmitEntry();
        _state = State.ExpectTitle;
    }

    private void StartHeaderlessFeed(PaperDate date, int? upvotes, int lineNumber)
    {
        ReportHeaderlessSnapshot(lineNumber);
        StartFeed();
        SetFeedDate(date, upvotes, lineNumber);
    }

    private void OnAuthors(int? count, int lineNumber, ReadOnlySpan<T> line)
    {
        switch (_state)
        {
            case State.ExpectAbstract:
                ReportMissingAbstract(MetadataFollowsTitle);
                break;
            case State.AfterAbstract:
                break;
            case State.Start or State.Header or State.ExpectTitle or State.AfterAuthors or State.AfterSeparator:
                IgnoreStrayMetadata(lineNumber, line);
                return;
        }
        NoteEntryLine(lineNumber);
        if (count is null) ReportInvalidAuthorCount(lineNumber, line);
        _entry.MetadataLine = lineNumber;
        _entry.AuthorCount = count;
        _state = State.AfterAuthors;
    }

    private void OnSeparator(int lineNumber, ReadOnlySpan<T> line)
    {
        switch (_state)
        {
            case State.ExpectAbstract:
                ReportMissingAbstract(MetadataFollowsTitle);
                ReportIncompleteMetadata(lineNumber, NoAuthorLine);
                break;
            case State.AfterAbstract:
                ReportIncompleteMetadata(lineNumber, NoAuthorLine);
                break;
            case State.AfterAuthors:
                break;
            default:
                IgnoreStrayMetadata(lineNumber, line);
                return;
        }
        NoteEntryLine(lineNumber);
        if (_entry.MetadataLine == 0) _entry.MetadataLine = lineNumber;
        _state = State.AfterSeparator;
    }

    /// <summary>A metadata line where no entry can take it: reported and ignored (at the very start, it opens the first snapshot).</summary>
    private void IgnoreStrayMetadata(int lineNumber, ReadOnlySpan<T> line)
    {
        ReportUnexpected(lineNumber, line);
        if (_state == State.Start)
        {
            StartFeed();
            _state = State.ExpectTitle;
        }
    }

    private void OnMalformedDate(int lineNumber, ReadOnlySpan<T> line)
    {
        if (_state == State.ExpectAbstract) ReportMissingAbstract(MetadataFollowsTitle);
        NoteEntryLine(lineNumber);
        ReportInvalidDate(lineNumber, line);
        EmitEntry();
        _state = State.ExpectTitle;
    }

    private void OnText(ReadOnlySpan<T> raw, ReadOnlySpan<T> line, int lineNumber)
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
                if (!_entry.BlankSinceTitle && raw.Length > 0 && TUnits.IsIndent(raw[0]) && !_entry.TitleSkipped)
                {
                    // An arXiv-style wrapped title: the indented continuation joins with one space.
                    _entry.ContinueTitle(TUnits.Space, line);
                    return;
                }
                if (!_entry.TitleSkipped && line.SequenceEqual(_entry.Title))
                {
                    Report(DiagnosticSeverity.Info, DiagnosticCodes.DuplicateTitle, lineNumber, null, "the title line is repeated; kept once");
                    return;
                }
                NoteEntryLine(lineNumber);
                int indent = TUnits.LeadingWhiteSpace(raw);
                _entry.SetAbstract<TUnits>(line, _lines.Buffer, lineNumber, indent == 0 ? 0 : TUnits.CharCount(raw[..indent]), CollapseSentences ? _droppedRuns : null, _output);
                _state = State.AfterAbstract;
                return;
            case State.AfterAbstract:
                if (_entry.HasAbstract && line.SequenceEqual(_entry.RawAbstract))
                {
                    if (_entry.TitleSkipped) NoteEntryLine(lineNumber);
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

    private void BeginEntry(int lineNumber, ReadOnlySpan<T> title)
    {
        _entry.Begin(lineNumber, title, _output);
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

    private void SetFeedDate(PaperDate date, int? upvotes, int lineNumber)
    {
        FeedDate = SnapshotDates.ResolvePageDate(date, Options.ReferenceDate);
        _state = State.ExpectTitle;
        if (upvotes is not null) ReportPageDateNumber(lineNumber);
    }

    public void Dispose()
    {
        _entry.Dispose();
        _finished.Dispose();
    }
}
