namespace PaperFeed.Text;

/// <summary>What a finished entry becomes: counted always, then a paper, or an entry left for the caller to read.</summary>
internal sealed partial class EntryAssembler<T, TUnits>
{
    private readonly EntryOutput _output;
    // The runs of repeated sentences collapsed out of the abstract of the entry in progress (offsets into its line).
    private readonly List<int> _droppedRuns = [];

    private bool CollapseSentences => Options.DuplicateSentences == DuplicateSentenceHandling.Collapse;

    // The entry last finished (the fields swap with the entry in progress), and whether the caller has yet to take it.
    private EntryFields<T> _finished = new();
    private bool _entryReady;

    public override bool HasOutput => _output == EntryOutput.Entries ? _entryReady : base.HasOutput;

    /// <summary>
    /// Takes the finished entry (<see cref="EntryOutput.Entries"/>): its fields stay readable through
    /// <see cref="Finished"/> until the next line is pushed.
    /// </summary>
    public bool TryTakeEntry()
    {
        if (!_entryReady) return false;
        _entryReady = false;
        return true;
    }

    /// <summary>The entry last finished: title, abstract (collapsed), metadata with the year resolved, the snapshot's date.</summary>
    public EntryFields<T> Finished => _finished;

    private void EmitEntry()
    {
        _state = State.ExpectTitle;
        var entry = _entry;
        if (entry.TitleSkipped)
        {
            entry.TitleSkipped = false;
            return;
        }
        CountPaper(entry.AuthorCount, entry.Published);
        // The runs were collapsed when the abstract was set (SetAbstract); they are reported now, in entry order.
        if (entry.HasAbstract && CollapseSentences)
        {
            foreach (int offset in _droppedRuns) ReportCollapsedRun(entry, offset);
        }
        if (_output == EntryOutput.Count) return;
        // The year rule of the snapshot (docs/format.md): resolved now, while the entry's snapshot is the open one.
        if (entry.Published is PaperDate published) entry.Published = SnapshotDates.ResolvePaperDate(published, FeedDate, Options.ReferenceDate);
        entry.Featured = FeedDate;
        _entry = _finished;
        _finished = entry;
        if (_output == EntryOutput.Entries) _entryReady = true;
        else AddPaper(ToPaper(entry));
    }

    private static Paper ToPaper(EntryFields<T> entry) => EntryPaper.Create(
        entry.TitleString ?? TUnits.ToString(entry.Title), entry.HasAbstract ? entry.AbstractString ?? TUnits.ToString(entry.Abstract) : null,
        entry.AuthorCount, entry.Published, entry.Upvotes, entry.Featured, entry.TitleLine);

    /// <summary>The finished entry as a paper (for the span reader's convenience).</summary>
    public Paper FinishedPaper() => ToPaper(_finished);
}
