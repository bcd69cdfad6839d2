using System.Runtime.CompilerServices;
using PaperFeed.IO;

namespace PaperFeed;

/// <summary>
/// One entry point for every input this package reads: the text listing, the Hugging Face API's JSON, and
/// PaperFeed's own JSON and JSON Lines, detected from the first bytes (or forced). HTML pages need the
/// PaperFeed.Html package, whose <c>AnyPaperReader</c> is this reader with HTML added; here they give a
/// <see cref="FeedFormatException"/> that says so. Detection rules: docs/inputs.md.
/// </summary>
public static class PaperReader
{
    /// <summary>Detects the format of an input from its first bytes.</summary>
    /// <param name="start">The input's first bytes; 64 KiB is always enough, often far less.</param>
    /// <param name="isEntireInput">True when <paramref name="start"/> is the whole input (it helps tell one JSON document from JSON Lines).</param>
    /// <returns>The format, or null when the content is not one PaperFeed reads (binary, or JSON of an unknown shape).</returns>
    public static PaperFormat? DetectFormat(ReadOnlySpan<byte> start, bool isEntireInput = false) =>
        PaperFormatDetector.Detect(start, isEntireInput);

    /// <summary>Reads papers lazily from an input of any supported format.</summary>
    /// <param name="stream">The input's bytes; not disposed. Need not be seekable.</param>
    /// <param name="format">The format; detected from the content when null.</param>
    /// <param name="options">Options; <see cref="FeedParserOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="FeedFormatException">(While enumerating.) The format cannot be recognised
    /// (<see cref="DiagnosticCodes.UnknownFormat"/>), needs another package (<see cref="DiagnosticCodes.UnsupportedFormat"/>),
    /// or its reader rejects the input.</exception>
    public static IAsyncEnumerable<Paper> ReadPapersAsync(Stream stream, PaperFormat? format = null, FeedParserOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadPapersAsync(stream, format, options, html: null, cancellationToken);

    /// <summary>Reads feeds (snapshots) lazily from an input of any supported format.</summary>
    /// <inheritdoc cref="ReadPapersAsync(Stream, PaperFormat?, FeedParserOptions?, CancellationToken)" path="/param"/>
    /// <inheritdoc cref="ReadPapersAsync(Stream, PaperFormat?, FeedParserOptions?, CancellationToken)" path="/exception"/>
    public static IAsyncEnumerable<Feed> ReadFeedsAsync(Stream stream, PaperFormat? format = null, FeedParserOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadFeedsAsync(stream, format, options, html: null, cancellationToken);

    /// <summary>Reads papers, handing HTML to <paramref name="html"/> (PaperFeed.Html supplies it).</summary>
    internal static IAsyncEnumerable<Paper> ReadPapersAsync(Stream stream, PaperFormat? format, FeedParserOptions? options, FeedStreamReader? html, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadPapersIterator(stream, format, options ?? FeedParserOptions.Default, html, cancellationToken);
    }

    /// <summary>Reads feeds, handing HTML to <paramref name="html"/> (PaperFeed.Html supplies it).</summary>
    internal static IAsyncEnumerable<Feed> ReadFeedsAsync(Stream stream, PaperFormat? format, FeedParserOptions? options, FeedStreamReader? html, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadFeedsIterator(stream, format, options ?? FeedParserOptions.Default, html, cancellationToken);
    }

    private static async IAsyncEnumerable<Paper> ReadPapersIterator(Stream stream, PaperFormat? format, FeedParserOptions options, FeedStreamReader? html,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (stream, var detected) = await ResolveAsync(stream, format, options, cancellationToken).ConfigureAwait(false);
        var papers = detected switch
        {
            PaperFormat.TextListing => FeedParser.ReadPapersAsync(stream, options, cancellationToken),
            PaperFormat.HuggingFaceApiJson => HuggingFaceJson.ReadPapersAsync(stream, options, cancellationToken),
            PaperFormat.Html when html is not null => Flatten(html(stream, options, cancellationToken), cancellationToken),
            _ => throw Unsupported(detected, options),
        };
        await foreach (var paper in papers.ConfigureAwait(false)) yield return paper;
    }

    private static async IAsyncEnumerable<Feed> ReadFeedsIterator(Stream stream, PaperFormat? format, FeedParserOptions options, FeedStreamReader? html,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (stream, var detected) = await ResolveAsync(stream, format, options, cancellationToken).ConfigureAwait(false);
        var feeds = detected switch
        {
            PaperFormat.TextListing => FeedParser.ReadFeedsAsync(stream, options, cancellationToken),
            PaperFormat.HuggingFaceApiJson => HuggingFaceJson.ReadFeedsAsync(stream, options, cancellationToken),
            PaperFormat.Html when html is not null => html(stream, options, cancellationToken),
            _ => throw Unsupported(detected, options),
        };
        await foreach (var feed in feeds.ConfigureAwait(false)) yield return feed;
    }

    /// <summary>The format to read with, and a stream that still starts at the first byte when detection read some.</summary>
    private static async ValueTask<(Stream Stream, PaperFormat Format)> ResolveAsync(Stream stream, PaperFormat? format, FeedParserOptions options, CancellationToken cancellationToken)
    {
        if (format is PaperFormat forced)
        {
            if (!Enum.IsDefined(forced)) throw new ArgumentOutOfRangeException(nameof(format), forced, "Not a PaperFormat.");
            return (stream, forced);
        }
        var (prefix, length) = await PrefixedStream.ReadPrefixAsync(stream, PaperFormatDetector.PrefixLength, cancellationToken).ConfigureAwait(false);
        var detected = PaperFormatDetector.Detect(prefix.AsSpan(0, length), isEntireInput: length < PaperFormatDetector.PrefixLength)
            ?? throw new FeedFormatException(new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.UnknownFormat, 1, 1,
                "the input is not a format PaperFeed reads (text listing, HTML page, Hugging Face API JSON, PaperFeed JSON or JSON Lines); " +
                "it is binary, or JSON whose first object has no property PaperFeed knows", options.SourceName));
        return (new PrefixedStream(prefix, length, stream), detected);
    }

    private static FeedFormatException Unsupported(PaperFormat format, FeedParserOptions options) =>
        new(new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.UnsupportedFormat, 1, null, format switch
        {
            PaperFormat.Html => "HTML input needs the PaperFeed.Html package: read it with PaperFeed.Html.AnyPaperReader (every format) or HtmlPaperReader",
            _ => $"reading {format} input is not supported by this version of PaperFeed",
        }, options.SourceName));

    private static async IAsyncEnumerable<Paper> Flatten(IAsyncEnumerable<Feed> feeds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var feed in feeds.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var paper in feed.Papers) yield return paper;
        }
    }
}
