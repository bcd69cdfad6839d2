using AngleSharp.Text;

namespace PaperFeed.Html;

/// <summary>
/// Saved Hugging Face Daily Papers HTML pages, as a format of <see cref="FeedReader"/>: add it to
/// <see cref="FeedReaderOptions.Formats"/> (<c>FeedReaderOptions.Default.WithFormat(HtmlFeedFormat.Default)</c>) and the
/// reader detects and reads pages beside every built-in format. Reads the JSON the page embeds for its scripts when
/// present (every field the API gives), else the rendered paper cards; never runs a script or loads a resource.
/// A page is held in memory whole, up to <see cref="HtmlReaderOptions.MaxPageBytes"/>. Rules: docs/inputs.md.
/// </summary>
public sealed class HtmlFeedFormat : FeedFormat
{
    /// <summary>Creates the format with its options.</summary>
    /// <param name="options">HTML options; <see cref="HtmlReaderOptions.Default"/> when null.</param>
    public HtmlFeedFormat(HtmlReaderOptions? options = null)
        : base("html") => Options = options ?? HtmlReaderOptions.Default;

    /// <summary>The format with the default options.</summary>
    public static HtmlFeedFormat Default { get; } = new();

    /// <summary>The format's options.</summary>
    public HtmlReaderOptions Options { get; }

    /// <summary>
    /// True when the content (after a byte order mark and whitespace) is markup that shows it is a Hugging Face papers
    /// page: the listing component (<c>data-target="DailyPapers"</c>), the page's own address (<c>og:url</c> or canonical
    /// link on <c>huggingface.co/papers</c>), the site's page class, or cards linking to <c>/papers/ID</c> on the site
    /// itself. Other sites' pages (which may well link to Hugging Face) and RSS or Atom feeds are not matched.
    /// </summary>
    /// <param name="start">The input's first bytes.</param>
    /// <param name="isEntireInput">Unused: the markers are looked for in the bytes given.</param>
    public override bool IsMatch(ReadOnlySpan<byte> start, bool isEntireInput) => HtmlPageMarkers.IsPapersPage(start);

    /// <summary>Reads every listing of the page: one feed per <c>DailyPapers</c> component, pages one after another each in turn.</summary>
    /// <param name="input">The page's bytes, decoded as the page declares (a byte order mark, else its <c>meta</c> charset, else UTF-8).</param>
    /// <param name="context">Options, name and diagnostic sink; diagnostics give the page's line and column.</param>
    /// <param name="cancellationToken">Stops reading the stream.</param>
    /// <exception cref="FeedFormatException">The page is larger than <see cref="HtmlReaderOptions.MaxPageBytes"/>, or a warning in strict mode.</exception>
    public override async IAsyncEnumerable<Feed> ReadFeedsAsync(Stream input, FeedReadContext context,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var feed in await ReadAllAsync(input, context, cancellationToken).ConfigureAwait(false))
        {
            yield return feed;
        }
    }

    /// <summary>Reads every listing of the page on the caller's thread, with synchronous reads of the stream.</summary>
    /// <param name="input">The page's bytes, decoded as the page declares (a byte order mark, else its <c>meta</c> charset, else UTF-8).</param>
    /// <param name="context">Options, name and diagnostic sink; diagnostics give the page's line and column.</param>
    /// <exception cref="FeedFormatException">The page is larger than <see cref="HtmlReaderOptions.MaxPageBytes"/>, or a warning in strict mode.</exception>
    public override IEnumerable<Feed> ReadFeeds(Stream input, FeedReadContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        return ReadPage(HtmlPageBytes.Read(input, Options.MaxPageBytes, context), context);
    }

    /// <summary>Reads the page's bytes (at most <see cref="HtmlReaderOptions.MaxPageBytes"/>), decodes them and reads every listing. Thread-safe.</summary>
    private async Task<IReadOnlyList<Feed>> ReadAllAsync(Stream input, FeedReadContext context, CancellationToken cancellationToken) =>
        ReadPage(await HtmlPageBytes.ReadAsync(input, Options.MaxPageBytes, context, cancellationToken).ConfigureAwait(false), context);

    private static IReadOnlyList<Feed> ReadPage(ReadOnlyMemory<byte> bytes, FeedReadContext context)
    {
        string html = HtmlPageText.Decode(bytes.Span, context);
        using var source = new TextSource(html);
        return new HtmlPageReader(html, source, context).Read();
    }
}

/// <summary>Options of <see cref="HtmlFeedFormat"/>. Immutable.</summary>
public sealed record HtmlReaderOptions
{
    private readonly long _maxPageBytes = 256L * 1024 * 1024;

    /// <summary>The defaults: pages up to 256 MiB.</summary>
    public static HtmlReaderOptions Default { get; } = new();

    /// <summary>The largest page read, in bytes (256 MiB by default): a page is held in memory whole, so a larger input is an error, not an out-of-memory crash.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public long MaxPageBytes
    {
        get => _maxPageBytes;
        init => _maxPageBytes = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxPageBytes), value, "MaxPageBytes must be at least 1.");
    }
}
