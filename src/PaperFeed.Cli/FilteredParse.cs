namespace PaperFeed.Cli;

/// <summary>
/// <c>paperfeed parse</c> with filters (<c>--min-upvotes</c>, <c>--match</c>, <c>--has-code</c>, <c>--sort</c>,
/// <c>--top</c>) or an export format: the library's <see cref="PaperFilter"/> and exporters over the inputs' papers.
/// </summary>
internal static class FilteredParse
{
    public static async Task<int> RunAsync(string[]? files, CliContext context, FeedParserOptions options, Reporter reporter,
        PaperDeduplicator? dedupe, PaperFilter? filter, string format, string? outputPath, PaperFeed.Export.ExportOptions exportOptions, CancellationToken cancellationToken)
    {
        var inputs = Inputs.Resolve(files, context.Stdin);
        filter ??= new PaperFilter();
        await using var output = OutputTarget.Open(outputPath, context.Stdout);
        if (format == "json")
        {
            // The document form keeps its feeds: the filter applies within each.
            await using var writer = new FeedJsonWriter(output.Stream, FeedJsonFormat.Document, indented: true, leaveOpen: true);
            await foreach (var (_, feed) in InputFeeds.ReadAsync(inputs, inputs.Paths, options, reporter, cancellationToken).ConfigureAwait(false))
            {
                var papers = dedupe is null ? feed.Papers : feed.Papers.Where(dedupe.TryAdd);
                await writer.WriteFeedAsync(feed with { Papers = filter.Apply(papers).ToList() }, cancellationToken).ConfigureAwait(false);
            }
            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var papers = InputFeeds.ReadPapersAsync(inputs, inputs.Paths, options, reporter, cancellationToken);
            if (dedupe is not null) papers = papers.Where(dedupe.TryAdd);
            await PaperOutput.WriteAsync(output.Stream, format, filter.ApplyAsync(papers, cancellationToken), exportOptions, cancellationToken).ConfigureAwait(false);
        }
        await output.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
