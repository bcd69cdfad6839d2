namespace PaperFeed.Cli;

/// <summary>
/// <c>paperfeed parse</c> with filters (<c>--min-upvotes</c>, <c>--match</c>, <c>--has-code</c>, <c>--sort</c>,
/// <c>--top</c>) or an export format: the library's <see cref="PaperFilter"/> and exporters over the inputs' papers.
/// </summary>
internal static class FilteredParse
{
    public static async Task<int> RunAsync(string[]? files, CliContext context, FeedParserOptions options, Reporter reporter,
        PaperDeduplicator? dedupe, PaperFilter? filter, string format, Func<OutputTarget> openOutput, PaperFeed.Export.ExportOptions exportOptions, CancellationToken cancellationToken)
    {
        var inputs = Inputs.Resolve(files, context.Stdin);
        filter ??= new PaperFilter();
        await using var output = openOutput();
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
            await PaperOutput.WriteAsync(output.Stream, format, Papers(inputs, options, reporter, dedupe, filter, cancellationToken), exportOptions, cancellationToken).ConfigureAwait(false);
        }
        await output.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Every paper of the inputs, in order, deduplicated and filtered as asked, read as it is consumed.</summary>
    public static IAsyncEnumerable<Paper> Papers(Inputs inputs, FeedParserOptions options, Reporter reporter, PaperDeduplicator? dedupe,
        PaperFilter? filter, CancellationToken cancellationToken)
    {
        var papers = InputFeeds.ReadPapersAsync(inputs, inputs.Paths, options, reporter, cancellationToken);
        if (dedupe is not null) papers = papers.Where(dedupe.TryAdd);
        return (filter ?? new PaperFilter()).ApplyAsync(papers, cancellationToken);
    }
}
