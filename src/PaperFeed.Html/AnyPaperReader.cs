namespace PaperFeed.Html;

/// <summary>
/// <see cref="PaperReader"/> with HTML pages added: one entry point for every input PaperFeed reads (text listing,
/// HTML page, Hugging Face API JSON, PaperFeed JSON and JSON Lines), detected from the first bytes or forced.
/// </summary>
public static class AnyPaperReader
{
    /// <summary>Reads papers lazily from an input of any supported format.</summary>
    /// <param name="stream">The input's bytes; not disposed. Need not be seekable.</param>
    /// <param name="format">The format; detected from the content when null (see <see cref="PaperReader.DetectFormat"/>).</param>
    /// <param name="options">Options; <see cref="FeedParserOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="FeedFormatException">(While enumerating.) The format cannot be recognised, or its reader rejects the input.</exception>
    public static IAsyncEnumerable<Paper> ReadPapersAsync(Stream stream, PaperFormat? format = null, FeedParserOptions? options = null, CancellationToken cancellationToken = default) =>
        PaperReader.ReadPapersAsync(stream, format, options, HtmlPaperReader.ReadFeedsAsync, cancellationToken);

    /// <summary>Reads feeds (snapshots) lazily from an input of any supported format.</summary>
    /// <inheritdoc cref="ReadPapersAsync(Stream, PaperFormat?, FeedParserOptions?, CancellationToken)" path="/param"/>
    /// <inheritdoc cref="ReadPapersAsync(Stream, PaperFormat?, FeedParserOptions?, CancellationToken)" path="/exception"/>
    public static IAsyncEnumerable<Feed> ReadFeedsAsync(Stream stream, PaperFormat? format = null, FeedParserOptions? options = null, CancellationToken cancellationToken = default) =>
        PaperReader.ReadFeedsAsync(stream, format, options, HtmlPaperReader.ReadFeedsAsync, cancellationToken);
}
