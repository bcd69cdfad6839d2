using System.Globalization;
using AngleSharp.Text;

namespace PaperFeed.Html;

/// <summary>
/// Reads a saved Hugging Face Daily Papers HTML page: the JSON the page embeds for its scripts when present
/// (every field the API gives), else the rendered paper cards. Never runs a script and never loads a
/// resource: AngleSharp's tokenizer is used without any browsing context. Thread-safe. See docs/inputs.md.
/// <see cref="HtmlFeedFormat"/> is the public way in; the overloads taking <see cref="FeedParserOptions"/> read a
/// page held in a string, or a single listing, as the tests do.
/// </summary>
internal static class HtmlPaperReader
{
    /// <summary>The largest page read, in bytes (256 MiB): a page is held in memory whole, so a larger input is an error, not an out-of-memory crash.</summary>
    public static long MaxPageBytes => HtmlReaderOptions.Default.MaxPageBytes;

    /// <summary>Reads the page held in a string.</summary>
    /// <param name="html">The page's markup.</param>
    /// <param name="options">
    /// Options; <see cref="FeedParserOptions.OnDiagnostic"/>, <see cref="FeedParserOptions.Strict"/>,
    /// <see cref="FeedParserOptions.DuplicateSentences"/>, <see cref="FeedParserOptions.ReferenceDate"/> (for cards'
    /// year-less dates) and <see cref="FeedParserOptions.SourceName"/> apply. Diagnostics give the page's line and column.
    /// </param>
    /// <returns>The page's feed, dated by the page's <c>dateString</c> or <c>date</c> (or its canonical <c>/papers/date/…</c> URL) when it is a day.</returns>
    /// <exception cref="FeedFormatException">
    /// The input holds more than one listing (several <c>DailyPapers</c> components, or pages one after another:
    /// read those with <see cref="ReadFeeds(string, FeedParserOptions?)"/>), or a warning in strict mode.
    /// </exception>
    public static Feed ReadFeed(string html, FeedParserOptions? options = null)
    {
        var context = Context(options);
        return Single(ReadFeeds(html, context), context);
    }

    /// <summary>Reads every listing the markup holds: one feed per <c>DailyPapers</c> component, pages one after another each in turn.</summary>
    /// <inheritdoc cref="ReadFeed(string, FeedParserOptions?)" path="/param"/>
    /// <returns>The feeds, in page order; at least one.</returns>
    /// <exception cref="FeedFormatException">A warning in strict mode.</exception>
    public static IReadOnlyList<Feed> ReadFeeds(string html, FeedParserOptions? options = null) => ReadFeeds(html, Context(options));

    /// <summary>Reads a page from its bytes, decoded as the page declares (a byte order mark, else its <c>meta</c> charset, else UTF-8).</summary>
    /// <param name="stream">The page; not disposed.</param>
    /// <param name="options">Options, as for <see cref="ReadFeed(string, FeedParserOptions?)"/>.</param>
    /// <param name="cancellationToken">Stops reading the stream.</param>
    /// <exception cref="FeedFormatException">
    /// The page is larger than <see cref="MaxPageBytes"/>, the input holds more than one listing, or a warning in strict mode.
    /// </exception>
    public static async Task<Feed> ReadFeedAsync(Stream stream, FeedParserOptions? options = null, CancellationToken cancellationToken = default)
    {
        var context = Context(options);
        return Single(await ReadAllAsync(stream, context, MaxPageBytes, cancellationToken).ConfigureAwait(false), context);
    }

    /// <summary>Reads the page's bytes (at most <paramref name="maxBytes"/>), decodes and reads them.</summary>
    internal static Task<IReadOnlyList<Feed>> ReadAllAsync(Stream stream, FeedParserOptions options, long maxBytes, CancellationToken cancellationToken) =>
        ReadAllAsync(stream, Context(options), maxBytes, cancellationToken);

    /// <inheritdoc cref="ReadAllAsync(Stream, FeedParserOptions, long, CancellationToken)"/>
    internal static async Task<IReadOnlyList<Feed>> ReadAllAsync(Stream stream, FeedReadContext context, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = await HtmlPageBytes.ReadAsync(stream, maxBytes, context, cancellationToken).ConfigureAwait(false);
        return ReadFeeds(HtmlPageText.Decode(bytes.Span, context), context);
    }

    /// <summary>Reads every listing the markup holds, reporting to <paramref name="context"/>.</summary>
    internal static IReadOnlyList<Feed> ReadFeeds(string html, FeedReadContext context)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var source = new TextSource(html);
        return new HtmlPageReader(html, source, context).Read();
    }

    /// <summary>The front door's options with the settings of <paramref name="options"/> (the flat options of the <see cref="FeedParser"/> era).</summary>
    internal static FeedReaderOptions ReaderOptions(FeedParserOptions options) => FeedReaderOptions.Default with
    {
        Text = new TextOptions { DuplicateSentences = options.DuplicateSentences, MaxLineLength = options.MaxLineLength },
        Dates = new DateOptions { ReferenceDate = options.ReferenceDate, ListingDate = options.ListingDate, ListingDateFromSourceName = options.ListingDateFromSourceName },
        Diagnostics = new DiagnosticOptions { OnDiagnostic = options.OnDiagnostic, Strict = options.Strict },
    };

    private static FeedReadContext Context(FeedParserOptions? options)
    {
        options ??= FeedParserOptions.Default;
        return new FeedReadContext(ReaderOptions(options), options.SourceName);
    }

    private static Feed Single(IReadOnlyList<Feed> feeds, FeedReadContext context) => feeds.Count == 1
        ? feeds[0]
        : throw new FeedFormatException(new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.MultipleListings, DiagnosticLocation.None,
            string.Create(CultureInfo.InvariantCulture, $"the HTML holds {feeds.Count} listings, not one; read them all with ReadFeeds or ReadFeedsAsync"), context.SourceName));
}
