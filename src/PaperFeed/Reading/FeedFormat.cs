using System.Runtime.CompilerServices;
using PaperFeed.IO;

namespace PaperFeed;

/// <summary>
/// A kind of input <see cref="FeedReader"/> reads, and the extension point for new ones. The core's formats are the
/// static properties (<see cref="TextListing"/>, <see cref="PaperFeedJson"/>, …); a package adds its own by deriving
/// from this class and being listed in <see cref="FeedReaderOptions.Formats"/> (PaperFeed.Html's <c>HtmlFeedFormat</c>
/// reads saved pages this way). Instances are immutable and thread-safe. Rules for detection: docs/inputs.md.
/// </summary>
public abstract class FeedFormat
{
    /// <summary>Creates a format with a short, stable name.</summary>
    /// <param name="name">A short lowercase name (<c>text</c>, <c>html</c>, …) used in messages and by the CLI's <c>--input-format</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or blank.</exception>
    protected FeedFormat(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The format's short, stable name (<c>text</c>, <c>paperfeed-json</c>, <c>html</c>, …).</summary>
    public string Name { get; }

    /// <summary>The plain-text copy of the Daily Papers page (docs/format.md).</summary>
    public static FeedFormat TextListing { get; } = new BuiltInFormat("text", PaperFormat.TextListing);

    /// <summary>PaperFeed's own JSON document: an array of feeds or papers, or one feed or paper (docs/json.md).</summary>
    public static FeedFormat PaperFeedJson { get; } = new BuiltInFormat("paperfeed-json", PaperFormat.PaperFeedJson);

    /// <summary>PaperFeed's own JSON Lines: one paper (or feed) per line (docs/json.md).</summary>
    public static FeedFormat PaperFeedJsonLines { get; } = new BuiltInFormat("paperfeed-jsonl", PaperFormat.PaperFeedJsonLines);

    /// <summary>
    /// The Hugging Face API's JSON: an array of <c>/api/daily_papers</c> or <c>/api/papers/search</c> items, one
    /// <c>/api/papers/{id}</c> object, a listing page object, or JSON Lines of these (docs/inputs.md).
    /// </summary>
    public static FeedFormat HuggingFaceApiJson { get; } = new BuiltInFormat("hf-api", PaperFormat.HuggingFaceApiJson);

    /// <summary>A Markdown capture of the page (web-to-Markdown readers, <c>lynx -dump</c>-like tools; docs/format.md).</summary>
    public static FeedFormat MarkdownCapture { get; } = new BuiltInFormat("markdown", PaperFormat.MarkdownCapture);

    /// <summary>A clipper or notebook export of the page: each link's text on one line and its URL on the next (docs/format.md).</summary>
    public static FeedFormat ClipperCapture { get; } = new BuiltInFormat("clipper", PaperFormat.ClipperCapture);

    /// <summary>The formats the core package reads, in no particular order (detection decides among them).</summary>
    public static IReadOnlyList<FeedFormat> BuiltIn { get; } = [TextListing, PaperFeedJson, PaperFeedJsonLines, HuggingFaceApiJson, MarkdownCapture, ClipperCapture];

    /// <summary>
    /// Whether an input that starts with <paramref name="start"/> is of this format. <see cref="FeedReader"/> asks the
    /// formats of <see cref="FeedReaderOptions.Formats"/> first, in order, then decides among the built-in ones.
    /// </summary>
    /// <param name="start">The input's first bytes (up to 16 KiB; fewer when the input is shorter), after any byte order mark.</param>
    /// <param name="isEntireInput">True when <paramref name="start"/> is the whole input.</param>
    public abstract bool IsMatch(ReadOnlySpan<byte> start, bool isEntireInput);

    /// <summary>
    /// Reads the feeds of one input of this format, streaming. <see cref="FeedReader"/> calls it after detection; a
    /// format may also call another's (a decompressing format that hands on to the format inside).
    /// </summary>
    /// <param name="input">The input's bytes from its first byte (UTF-16/32 with a byte order mark already turned into UTF-8); not to be disposed.</param>
    /// <param name="context">The options, the input's name and the diagnostic sink every problem goes to.</param>
    /// <param name="cancellationToken">Stops between reads.</param>
    public abstract IAsyncEnumerable<Feed> ReadFeedsAsync(Stream input, FeedReadContext context, CancellationToken cancellationToken);

    /// <summary>Reads the papers of one input; by default the papers of <see cref="ReadFeedsAsync"/>, feed after feed.</summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    public virtual async IAsyncEnumerable<Paper> ReadPapersAsync(Stream input, FeedReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var feed in ReadFeedsAsync(input, context, cancellationToken).ConfigureAwait(false))
        {
            foreach (var paper in feed.Papers) yield return paper;
        }
    }

    /// <summary>
    /// Reads one input as it is structured, for writers that stream: whole feeds where it has them, single papers where
    /// it holds loose ones. By default every item is a feed of <see cref="ReadFeedsAsync"/>.
    /// </summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    public virtual async IAsyncEnumerable<FeedItem> ReadItemsAsync(Stream input, FeedReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var feed in ReadFeedsAsync(input, context, cancellationToken).ConfigureAwait(false)) yield return new FeedItem(feed);
    }

    /// <summary>
    /// Counts the feeds, papers, diagnostics and lines of one input without keeping papers. By default it reads the
    /// feeds and counts them (and the line ends of the bytes read); formats with a cheaper pass override it.
    /// </summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    public virtual async Task<FeedStatistics> CountAsync(Stream input, FeedReadContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lines = new LineCountingStream(input);
        var counting = context.Counting();
        var tally = new FeedTally();
        await foreach (var feed in ReadFeedsAsync(lines, counting, cancellationToken).ConfigureAwait(false)) tally.Add(feed);
        return tally.Statistics(lines, counting);
    }

    /// <summary>
    /// Reads the feeds of one input on the caller's thread, with synchronous reads of <paramref name="input"/>: what
    /// <see cref="FeedReader"/>'s sync methods call. Every format of PaperFeed's packages overrides it. The default,
    /// for a format that reads only asynchronously, runs <see cref="ReadFeedsAsync"/> and waits for each step; override
    /// it to read without waiting.
    /// </summary>
    /// <param name="input">The input's bytes from its first byte (UTF-16/32 with a byte order mark already turned into UTF-8); not to be disposed.</param>
    /// <param name="context">The options, the input's name and the diagnostic sink every problem goes to.</param>
    public virtual IEnumerable<Feed> ReadFeeds(Stream input, FeedReadContext context) =>
        ReadFeedsAsync(input, context, CancellationToken.None).ToBlockingEnumerable();

    /// <summary>Reads the papers of one input on the caller's thread; by default the papers of <see cref="ReadFeeds"/>, feed after feed.</summary>
    /// <inheritdoc cref="ReadFeeds" path="/param"/>
    public virtual IEnumerable<Paper> ReadPapers(Stream input, FeedReadContext context)
    {
        foreach (var feed in ReadFeeds(input, context))
        {
            foreach (var paper in feed.Papers) yield return paper;
        }
    }

    /// <summary>Reads one input as it is structured (see <see cref="ReadItemsAsync"/>), on the caller's thread; by default every item is a feed of <see cref="ReadFeeds"/>.</summary>
    /// <inheritdoc cref="ReadFeeds" path="/param"/>
    public virtual IEnumerable<FeedItem> ReadItems(Stream input, FeedReadContext context)
    {
        foreach (var feed in ReadFeeds(input, context)) yield return new FeedItem(feed);
    }

    /// <summary>Counts one input (see <see cref="CountAsync"/>) on the caller's thread; by default by reading the feeds of <see cref="ReadFeeds"/>.</summary>
    /// <inheritdoc cref="ReadFeeds" path="/param"/>
    public virtual FeedStatistics Count(Stream input, FeedReadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lines = new LineCountingStream(input);
        var counting = context.Counting();
        var tally = new FeedTally();
        foreach (var feed in ReadFeeds(lines, counting)) tally.Add(feed);
        return tally.Statistics(lines, counting);
    }

    /// <summary>The format's name.</summary>
    public override string ToString() => Name;
}
