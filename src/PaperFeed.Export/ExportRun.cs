namespace PaperFeed.Export;

/// <summary>
/// One export, fed a paper at a time (by the synchronous and the asynchronous API alike). The document is written into
/// an <see cref="OutputBatch"/> that goes to the destination in 64 KiB batches, synchronously from <see cref="Add"/> and
/// <see cref="Complete"/>, asynchronously from <see cref="AddAsync"/> and <see cref="CompleteAsync"/>. RSS and Atom put
/// the feed's date, the latest paper date, before the items: unless <see cref="ExportOptions.Updated"/> gives it, the
/// papers go to a <see cref="PaperSpool"/> on disk first and are written in a second pass, so memory stays bounded
/// either way; the spool's file is written and read back asynchronously too by the asynchronous API. A run that fails writes nothing more: what is still batched is dropped.
/// </summary>
internal sealed class ExportRun : IDisposable
{
    private readonly ExportOptions _options;
    private readonly OutputBatch _batch;
    private readonly DocumentWriter _writer;
    private readonly PaperSpool? _spool;
    private readonly ExportYears? _years;
    // The formats whose items carry a date (CSV and Markdown write the paper's dates as they are).
    private readonly bool _dated;
    private ExportItems? _items;
    private DateTimeOffset? _latest;

    /// <param name="destination">The output; not disposed.</param>
    /// <param name="format">The document format.</param>
    /// <param name="options">Feed-level settings.</param>
    /// <param name="openSpool">Opens the empty file the papers are parked in when the head waits for their latest date; the run disposes it.</param>
    public ExportRun(Stream destination, ExportFormat format, ExportOptions options, Func<Stream> openSpool)
    {
        _options = options;
        _batch = new OutputBatch(destination);
        _writer = DocumentWriter.Create(_batch, format, options);
        // The head of RSS and Atom waits for the latest date, and year-less item days for their snapshot's explicit dates.
        _dated = format is ExportFormat.Rss or ExportFormat.Atom or ExportFormat.JsonFeed;
        if (_dated && (options.ReferenceDate is null || (format != ExportFormat.JsonFeed && options.Updated is null)))
        {
            _spool = new PaperSpool(openSpool());
            if (options.ReferenceDate is null) _years = new ExportYears();
        }
    }

    public void Add(Paper paper)
    {
        if (Spool(paper) is PaperSpool spool)
        {
            spool.Add(paper);
            return;
        }
        WriteItem(paper);
        _batch.DrainIfFull();
    }

    public ValueTask AddAsync(Paper paper, CancellationToken cancellationToken)
    {
        if (Spool(paper) is PaperSpool spool) return spool.AddAsync(paper, cancellationToken);
        WriteItem(paper);
        return _batch.DrainIfFullAsync(cancellationToken);
    }

    public void Complete()
    {
        Begin();
        foreach (var paper in _spool?.ReadBack() ?? [])
        {
            WriteItem(paper);
            _batch.DrainIfFull();
        }
        _writer.End();
        if (_dated) _items?.ReportUndated();
        _batch.Complete();
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        Begin();
        if (_spool is not null)
        {
            await foreach (var paper in _spool.ReadBackAsync(cancellationToken).ConfigureAwait(false))
            {
                WriteItem(paper);
                await _batch.DrainIfFullAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        _writer.End();
        if (_dated) _items?.ReportUndated();
        await _batch.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _spool?.Dispose();
    }

    /// <summary>
    /// The spool, when the document's head waits for the latest date (the paper's date is taken into account); null
    /// when the paper is to be written as an item at once.
    /// </summary>
    private PaperSpool? Spool(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        if (_spool is null) return null;
        _years?.Observe(paper);
        if (ExportItem.DateOf(paper, _options.ReferenceDate, years: null) is DateTimeOffset date && (_latest is null || date > _latest)) _latest = date;
        return _spool;
    }

    /// <summary>Writes the paper as the document's next item (after the head, written first).</summary>
    private void WriteItem(Paper paper)
    {
        Begin();
        _writer.Write(_items!.Next(paper));
    }

    private void Begin()
    {
        if (_items is not null) return;
        // Year-less days take their year from the reference day, else from their snapshot's explicit dates.
        if (_years?.LatestResolved() is DateOnly day && (_latest is null || day.ToDateTime(TimeOnly.MinValue) > _latest.Value.UtcDateTime))
        {
            _latest = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }
        _items = new ExportItems(_options, _years);
        var updated = _options.Updated ?? _latest ?? (_options.ReferenceDate is DateOnly reference ? new DateTimeOffset(reference.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
        _writer.Begin(updated);
    }
}
