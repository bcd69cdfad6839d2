namespace PaperFeed.Export;

/// <summary>
/// One document being written: the head (with the feed's date), then one item at a time, then the tail. Nothing but
/// the item being written is held, so a document of any size is written in bounded memory.
/// </summary>
internal abstract class DocumentWriter : IDisposable
{
    /// <summary>Writes what comes before the items. <paramref name="updated"/> is the feed's date, when known.</summary>
    public abstract void Begin(DateTimeOffset? updated);

    public abstract void Write(ExportItem item);

    /// <summary>Writes what comes after the items and flushes the writer's own buffer into the destination.</summary>
    public abstract void End();

    public abstract void Dispose();

    /// <summary>A writer of <paramref name="format"/> into <paramref name="destination"/>, which its owner drains.</summary>
    public static DocumentWriter Create(OutputBatch destination, ExportFormat format, ExportOptions options) => format switch
    {
        ExportFormat.Rss => new RssWriter(destination, options),
        ExportFormat.Atom => new AtomWriter(destination, options),
        ExportFormat.JsonFeed => new JsonFeedWriter(destination, options),
        ExportFormat.Csv => new CsvWriter(destination, options),
        ExportFormat.Markdown => new MarkdownWriter(destination, options),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format."),
    };
}
