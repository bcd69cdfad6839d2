namespace PaperFeed.Export;

/// <summary>
/// One export, fed a paper at a time (by the synchronous and the asynchronous API alike). RSS and Atom put the feed's
/// date, the latest paper date, before the items: unless <see cref="ExportOptions.Updated"/> gives it, the papers go to
/// a <see cref="PaperSpool"/> on disk first and are written in a second pass, so memory stays bounded either way.
/// </summary>
internal sealed class ExportRun : IDisposable
{
    private readonly ExportOptions _options;
    private readonly DocumentWriter _writer;
    private readonly PaperSpool? _spool;
    private ExportItems? _items;
    private DateTimeOffset? _latest;

    public ExportRun(Stream destination, ExportFormat format, ExportOptions options)
    {
        _options = options;
        _writer = DocumentWriter.Create(destination, format, options);
        if (format is ExportFormat.Rss or ExportFormat.Atom && options.Updated is null) _spool = new PaperSpool();
    }

    public void Add(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        if (_spool is not null)
        {
            _spool.Add(paper);
            if (ExportItem.DateOf(paper, _options.ReferenceDate) is DateTimeOffset date && (_latest is null || date > _latest)) _latest = date;
            return;
        }
        Begin();
        _writer.Write(_items!.Next(paper));
    }

    public void Complete(CancellationToken cancellationToken)
    {
        Begin();
        if (_spool is not null)
        {
            foreach (var paper in _spool.ReadBack())
            {
                cancellationToken.ThrowIfCancellationRequested();
                _writer.Write(_items!.Next(paper));
            }
        }
        _writer.End();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _spool?.Dispose();
    }

    private void Begin()
    {
        if (_items is not null) return;
        // Year-less dates take their year from the reference day, else from the latest dated paper.
        var reference = _options.ReferenceDate ?? (_latest is DateTimeOffset latest ? DateOnly.FromDateTime(latest.UtcDateTime) : null);
        _items = new ExportItems(_options, reference);
        var updated = _options.Updated ?? _latest ?? (_options.ReferenceDate is DateOnly day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
        _writer.Begin(updated);
    }
}
