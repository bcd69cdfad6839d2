using PaperFeed.Export;

namespace PaperFeed.Cli;

/// <summary>Writes a stream of papers in a <c>--format</c>: PaperFeed JSON (one feed), JSON Lines, or a standard export.</summary>
internal static class PaperOutput
{
    public static async Task WriteAsync(Stream destination, string format, IAsyncEnumerable<Paper> papers, ExportOptions exportOptions, CancellationToken cancellationToken)
    {
        if (FilterOptions.ExportOf(format) is ExportFormat export)
        {
            await FeedExporter.WriteAsync(destination, papers, export, exportOptions, cancellationToken).ConfigureAwait(false);
            return;
        }
        var jsonFormat = format == "jsonl" ? FeedJsonFormat.JsonLines : FeedJsonFormat.Document;
        await using var writer = new FeedJsonWriter(destination, jsonFormat, indented: jsonFormat == FeedJsonFormat.Document, leaveOpen: true);
        if (jsonFormat == FeedJsonFormat.JsonLines)
        {
            await foreach (var paper in papers.WithCancellation(cancellationToken).ConfigureAwait(false)) await writer.WritePaperAsync(paper, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var list = new List<Paper>();
            await foreach (var paper in papers.WithCancellation(cancellationToken).ConfigureAwait(false)) list.Add(paper);
            await writer.WriteFeedAsync(new Feed { Papers = list }, cancellationToken).ConfigureAwait(false);
        }
        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
