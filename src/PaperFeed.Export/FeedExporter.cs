using System.Text;

namespace PaperFeed.Export;

/// <summary>
/// Writes papers as a standard document (<see cref="ExportFormat"/>), a paper at a time, in bounded memory whatever the
/// input's size. Deterministic: the same papers give the same bytes on every run, so exports can be diffed and cached.
/// Item ids are the paper's Hugging Face page (from its arXiv id), else <see cref="PaperIdentity.TitleUrn"/>, made
/// unique within the document (<c>#2</c> for a second copy). Item dates are the featured day, else the published day
/// (00:00 UTC), year-less days resolved with <see cref="ExportOptions.ReferenceDate"/> or their snapshot's explicit
/// dates, never the time of the run. Only
/// http/https URLs become links. No character in any field stops an export. Zero papers give a valid empty document.
/// Output is UTF-8 without a byte-order mark. The document reaches the destination in batches of about 64 KiB (one
/// write each) and is flushed at the end; <see cref="WriteAsync"/> writes and flushes only asynchronously, so it suits
/// streams that refuse synchronous I/O (an ASP.NET Core response body).
/// </summary>
public static class FeedExporter
{
    internal static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="papers"/> (already filtered and ordered) to <paramref name="destination"/>.</summary>
    /// <param name="destination">The output; not disposed.</param>
    /// <param name="papers">The papers, in output order; enumerated once.</param>
    /// <param name="format">The document format.</param>
    /// <param name="options">Feed-level settings; <see cref="ExportOptions.Default"/> when null.</param>
    public static void Write(Stream destination, IEnumerable<Paper> papers, ExportFormat format, ExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(papers);
        using var run = new ExportRun(destination, format, options ?? ExportOptions.Default, static () => PaperSpool.OpenTempFile(asynchronous: false));
        foreach (var paper in papers) run.Add(paper);
        run.Complete();
    }

    /// <summary>
    /// Writes an asynchronous sequence (a streaming parse, a filter) as it arrives. Every write and the flush to
    /// <paramref name="destination"/> are asynchronous. RSS and Atom without <see cref="ExportOptions.Updated"/> first park the
    /// papers in a local temporary file, to learn the feed's date before writing the items: that file is written and read
    /// asynchronously too, and deleted however the export ends (completed, failed or cancelled). A failure of the file
    /// (a full disk, a file size limit) is an <see cref="IOException"/> that says so.
    /// </summary>
    /// <inheritdoc cref="Write(Stream, IEnumerable{Paper}, ExportFormat, ExportOptions?)"/>
    public static Task WriteAsync(Stream destination, IAsyncEnumerable<Paper> papers, ExportFormat format, ExportOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(destination, papers, format, options, static () => PaperSpool.OpenTempFile(asynchronous: true), cancellationToken);

    /// <summary><see cref="WriteAsync(Stream, IAsyncEnumerable{Paper}, ExportFormat, ExportOptions?, CancellationToken)"/>, parking papers in the file <paramref name="openSpool"/> opens.</summary>
    internal static async Task RunAsync(Stream destination, IAsyncEnumerable<Paper> papers, ExportFormat format, ExportOptions? options, Func<Stream> openSpool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(papers);
        using var run = new ExportRun(destination, format, options ?? ExportOptions.Default, openSpool);
        await foreach (var paper in papers.WithCancellation(cancellationToken).ConfigureAwait(false)) await run.AddAsync(paper, cancellationToken).ConfigureAwait(false);
        await run.CompleteAsync(cancellationToken).ConfigureAwait(false);
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
