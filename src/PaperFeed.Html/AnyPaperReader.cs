namespace PaperFeed.Html;

/// <summary>
/// <see cref="PaperReader"/> with HTML pages added: one entry point for every input PaperFeed reads (text listing,
/// HTML page, Hugging Face API JSON, PaperFeed JSON and JSON Lines), detected from the first bytes or given.
/// </summary>
public static class AnyPaperReader
{
    /// <summary>Reads feeds from any supported input, detecting its kind unless <paramref name="format"/> says it.</summary>
    /// <param name="stream">The input; not disposed. It need not be seekable: detected bytes are replayed.</param>
    /// <param name="format">The kind of input, or null to detect it (see <see cref="PaperReader.DetectFormat"/>).</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.SourceName"/> names the input in diagnostics.</param>
    /// <param name="cancellationToken">Stops between reads.</param>
    /// <exception cref="FeedFormatException">(While enumerating.) The kind cannot be recognised, or the input cannot be read as its kind.</exception>
    public static IAsyncEnumerable<Feed> ReadFeedsAsync(Stream stream, PaperFormat? format = null, FeedParserOptions? options = null, CancellationToken cancellationToken = default) =>
        PaperReader.ReadFeedsAsync(stream, format, options, HtmlPaperReader.ReadFeedsAsync, cancellationToken);

    /// <summary>Reads papers from any supported input; see <see cref="ReadFeedsAsync"/>.</summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    /// <inheritdoc cref="ReadFeedsAsync" path="/exception"/>
    public static IAsyncEnumerable<Paper> ReadPapersAsync(Stream stream, PaperFormat? format = null, FeedParserOptions? options = null, CancellationToken cancellationToken = default) =>
        PaperReader.ReadPapersAsync(stream, format, options, HtmlPaperReader.ReadFeedsAsync, cancellationToken);

    /// <summary>Counts feeds, papers and diagnostics of any supported input.</summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    /// <exception cref="FeedFormatException">The kind cannot be recognised, or the input cannot be read as its kind.</exception>
    public static Task<FeedStatistics> CountAsync(Stream stream, PaperFormat? format = null, FeedParserOptions? options = null, CancellationToken cancellationToken = default) =>
        PaperReader.CountAsync(stream, format, options, HtmlPaperReader.ReadFeedsAsync, cancellationToken);

    /// <summary>Feeds where the input has them, single papers where it holds loose ones (for the CLI's streaming writer).</summary>
    internal static IAsyncEnumerable<object> ReadItemsAsync(Stream stream, PaperFormat? format, FeedParserOptions? options, CancellationToken cancellationToken) =>
        PaperReader.ReadItemsAsync(stream, format, options, HtmlPaperReader.ReadFeedsAsync, cancellationToken);
}
