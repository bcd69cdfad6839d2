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
        var readerOptions = ReaderOptions(options ?? FeedParserOptions.Default).WithFormat(HtmlFeedFormat.Default);
        return new FeedReader(readerOptions with { Format = format is null ? null : readerOptions.Formats.Concat(FeedFormat.BuiltIn).Single(f => f.Name == format) });
    }

    /// <summary>The front door's options with the settings of the flat <paramref name="options"/> (all but the source name, which goes with the input).</summary>
    public static FeedReaderOptions ReaderOptions(FeedParserOptions options) => FeedReaderOptions.Default with
    {
        Text = new TextOptions { DuplicateSentences = options.DuplicateSentences, MaxLineLength = options.MaxLineLength },
        Dates = new DateOptions { ReferenceDate = options.ReferenceDate, ListingDate = options.ListingDate, ListingDateFromSourceName = options.ListingDateFromSourceName },
        Diagnostics = new DiagnosticOptions { OnDiagnostic = options.OnDiagnostic, Strict = options.Strict },
    };

    /// <summary>Every feed of an input given as text (decoded already, as <see cref="FeedInput.FromText"/> takes it), read synchronously.</summary>
    public static IReadOnlyList<Feed> ReadFeeds(string text, string? format = null, FeedParserOptions? options = null) =>
        Reader(options, format).ReadFeeds(FeedInput.FromText(text, options?.SourceName)).ToList();

    public static IAsyncEnumerable<Feed> ReadFeedsAsync(Stream stream, string? format = null, FeedParserOptions? options = null, CancellationToken cancellationToken = default) =>
        Reader(options, format).ReadFeedsAsync(FeedInput.FromStream(stream, options?.SourceName), cancellationToken);

    public static IAsyncEnumerable<Paper> ReadPapersAsync(Stream stream, string? format = null, FeedParserOptions? options = null, CancellationToken cancellationToken = default) =>
        Reader(options, format).ReadPapersAsync(FeedInput.FromStream(stream, options?.SourceName), cancellationToken);

    public static IAsyncEnumerable<FeedItem> ReadItemsAsync(Stream stream, string? format = null, FeedParserOptions? options = null, CancellationToken cancellationToken = default) =>
        Reader(options, format).ReadItemsAsync(FeedInput.FromStream(stream, options?.SourceName), cancellationToken);

    public static Task<FeedStatistics> CountAsync(Stream stream, string? format = null, FeedParserOptions? options = null, CancellationToken cancellationToken = default) =>
        Reader(options, format).CountAsync(FeedInput.FromStream(stream, options?.SourceName), cancellationToken);
}
