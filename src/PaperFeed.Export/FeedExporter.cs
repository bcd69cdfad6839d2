using System.Text;

namespace PaperFeed.Export;

/// <summary>
/// Writes papers as a standard document (<see cref="ExportFormat"/>). Deterministic: the same papers give the same
/// bytes on every run, so exports can be diffed and cached. Item ids are <see cref="PaperLinks.GetStableId"/>; item
/// dates are the featured day, else the published day (00:00 UTC), never the time of the run; the feed's date is the
/// latest item date (when there is none, RSS omits it and Atom, which requires it, gets 1970-01-01Z). Zero papers give a valid empty document. Output is UTF-8
/// without a byte-order mark.
/// </summary>
public static class FeedExporter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="papers"/> (already filtered and ordered) to <paramref name="destination"/>.</summary>
    /// <param name="destination">The output; not disposed.</param>
    /// <param name="papers">The papers, in output order.</param>
    /// <param name="format">The document format.</param>
    /// <param name="options">Feed-level settings; <see cref="ExportOptions.Default"/> when null.</param>
    public static void Write(Stream destination, IEnumerable<Paper> papers, ExportFormat format, ExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(papers);
        options ??= ExportOptions.Default;
        switch (format)
        {
            case ExportFormat.Rss:
            case ExportFormat.Atom:
                SyndicationExport.Write(destination, papers, options, atom: format == ExportFormat.Atom);
                break;
            case ExportFormat.JsonFeed:
                JsonFeedExport.Write(destination, papers, options);
                break;
            case ExportFormat.Csv:
            case ExportFormat.Markdown:
                using (var writer = new StreamWriter(destination, Utf8, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\n" })
                {
                    if (format == ExportFormat.Csv) CsvExport.Write(writer, papers);
                    else MarkdownExport.Write(writer, papers, options);
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format.");
        }
    }

    /// <summary>Collects an asynchronous sequence (a streaming parse, a filter) and writes it.</summary>
    /// <inheritdoc cref="Write(Stream, IEnumerable{Paper}, ExportFormat, ExportOptions?)"/>
    public static async Task WriteAsync(Stream destination, IAsyncEnumerable<Paper> papers, ExportFormat format, ExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(papers);
        // Feed-level dates precede the items in RSS and Atom, so every format sees the whole list first.
        var list = new List<Paper>();
        await foreach (var paper in papers.WithCancellation(cancellationToken).ConfigureAwait(false)) list.Add(paper);
        Write(destination, list, format, options);
    }

    /// <summary>Writes a document to a string (for tests and small outputs).</summary>
    public static string WriteToString(IEnumerable<Paper> papers, ExportFormat format, ExportOptions? options = null)
    {
        using var buffer = new MemoryStream();
        Write(buffer, papers, format, options);
        return Utf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Parses a format name as the CLI spells it: <c>rss</c>, <c>atom</c>, <c>jsonfeed</c>, <c>csv</c>, <c>markdown</c> (any case).</summary>
    public static bool TryParseFormat(string? name, out ExportFormat format)
    {
        format = default;
        if (name is null) return false;
        switch (name.ToLowerInvariant())
        {
            case "rss": format = ExportFormat.Rss; return true;
            case "atom": format = ExportFormat.Atom; return true;
            case "jsonfeed": format = ExportFormat.JsonFeed; return true;
            case "csv": format = ExportFormat.Csv; return true;
            case "markdown" or "md": format = ExportFormat.Markdown; return true;
            default: return false;
        }
    }
}
