using PaperFeed.Html;

namespace PaperFeed.Tests;

/// <summary>
/// The tests' way into the front door: a <see cref="FeedReader"/> with HTML registered (as the CLI has it), taking the
/// flat <see cref="FeedParserOptions"/> most tests already build, and formats by their <see cref="FeedFormat.Name"/>.
/// </summary>
internal static class TestReaders
{
    private static readonly FeedReader Detecting = new(FeedReaderOptions.Default.WithFormat(HtmlFeedFormat.Default));

    /// <summary>The name of the detected format (<c>text</c>, <c>html</c>, <c>hf-api</c>, …), or null.</summary>
    public static string? DetectFormat(ReadOnlySpan<byte> start, bool isEntireInput = false) => Detecting.DetectFormat(start, isEntireInput)?.Name;

    /// <summary>The reader for these options and this forced format (by name; null detects).</summary>
    public static FeedReader Reader(FeedParserOptions? options = null, string? format = null)
    {
        var readerOptions = HtmlPaperReader.ReaderOptions(options ?? FeedParserOptions.Default).WithFormat(HtmlFeedFormat.Default);
        return new FeedReader(readerOptions with { Format = format is null ? null : readerOptions.Formats.Concat(FeedFormat.BuiltIn).Single(f => f.Name == format) });
    }

    public static IAsyncEnumerable<Feed> ReadFeedsAsync(Stream stream, string? format = null, FeedParserOptions? options = null, CancellationToken cancellationToken = default) =>
        Reader(options, format).ReadFeedsAsync(FeedInput.FromStream(stream, options?.SourceName), cancellationToken);

    public static IAsyncEnumerable<Paper> ReadPapersAsync(Stream stream, string? format = null, FeedParserOptions? options = null, CancellationToken cancellationToken = default) =>
        Reader(options, format).ReadPapersAsync(FeedInput.FromStream(stream, options?.SourceName), cancellationToken);

    public static IAsyncEnumerable<FeedItem> ReadItemsAsync(Stream stream, string? format = null, FeedParserOptions? options = null, CancellationToken cancellationToken = default) =>
        Reader(options, format).ReadItemsAsync(FeedInput.FromStream(stream, options?.SourceName), cancellationToken);

    public static Task<FeedStatistics> CountAsync(Stream stream, string? format = null, FeedParserOptions? options = null, CancellationToken cancellationToken = default) =>
        Reader(options, format).CountAsync(FeedInput.FromStream(stream, options?.SourceName), cancellationToken);
}
