using System.Runtime.CompilerServices;

namespace PaperFeed;

/// <summary>
/// One entry point for every input PaperFeed reads: detects the kind of input from its first bytes (or takes
/// the one given) and reads it with the matching reader, streaming.
/// </summary>
public static class PaperReader
{
    /// <summary>How many leading bytes detection reads from a stream.</summary>
    private const int DetectionLength = 512;

    /// <summary>
    /// Detects the format of an input from its first bytes: after an optional BOM and whitespace, <c>[</c> followed
    /// by <c>{</c> or <c>]</c> is a PaperFeed JSON document, <c>{</c> followed by <c>"</c> or <c>}</c> is PaperFeed
    /// JSON Lines (one object is a one-line JSON Lines input; both read alike); anything else is a text listing
    /// (whose reader reports input that is not text).
    /// </summary>
    /// <param name="start">The input's first bytes (a few hundred are plenty).</param>
    /// <param name="isEntireInput">True when <paramref name="start"/> is the whole input; unused by these rules.</param>
    /// <returns>The format; never null for the formats this package reads (null is kept for formats it cannot tell).</returns>
    public static PaperFormat? DetectFormat(ReadOnlySpan<byte> start, bool isEntireInput = false)
    {
        var head = start;
        if (head.StartsWith("\uFEFF"u8)) head = head[3..];
        head = TrimJsonWhitespace(head);
        if (head.IsEmpty) return PaperFormat.TextListing;
        byte first = head[0];
        if (first is not ((byte)'{' or (byte)'[')) return PaperFormat.TextListing;
        var rest = TrimJsonWhitespace(head[1..]);
        // A title may start with '[' ("[CLS] tokens ..."); JSON is told apart by what follows the bracket.
        var json = first == (byte)'[' ? PaperFormat.PaperFeedJson : PaperFormat.PaperFeedJsonLines;
        if (rest.IsEmpty) return json;
        return (first, rest[0]) switch
        {
            ((byte)'{', (byte)'"' or (byte)'}') or ((byte)'[', (byte)'{' or (byte)']') => json,
            _ => PaperFormat.TextListing,
        };
    }

    /// <summary>Reads feeds (snapshots) lazily from an input of any supported format.</summary>
    /// <param name="stream">The input; not disposed. It need not be seekable: detected bytes are replayed.</param>
    /// <param name="format">The format; detected from the content when null.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.SourceName"/> names the input in diagnostics.</param>
    /// <param name="cancellationToken">Stops between reads.</param>
    /// <exception cref="FeedFormatException">(While enumerating.) The input cannot be read as its kind.</exception>
    public static IAsyncEnumerable<Feed> ReadFeedsAsync(Stream stream, PaperFormat? format = null, FeedParserOptions? options = null,
        CancellationToken cancellationToken = default) =>
        ReadAsync(stream, format, options, FeedJson.ReadFeedsAsync, FeedParser.ReadFeedsAsync, cancellationToken);

    /// <summary>Reads papers lazily from an input of any supported format.</summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    /// <inheritdoc cref="ReadFeedsAsync" path="/exception"/>
    public static IAsyncEnumerable<Paper> ReadPapersAsync(Stream stream, PaperFormat? format = null, FeedParserOptions? options = null,
        CancellationToken cancellationToken = default) =>
        ReadAsync(stream, format, options, FeedJson.ReadPapersAsync, FeedParser.ReadPapersAsync, cancellationToken);

    /// <summary>
    /// Reads any supported input as it is structured, for writers that stream: whole feeds where the input has them
    /// (text snapshots, JSON feeds) and single papers where it holds loose papers (JSON Lines, an array of papers),
    /// so that at most one feed or one paper is in memory. Each item is a <see cref="Feed"/> or a <see cref="Paper"/>;
    /// written with <see cref="FeedJsonWriter.WriteFeed"/> and <see cref="FeedJsonWriter.WritePaper"/> they give the
    /// same document as <see cref="ReadFeedsAsync"/>.
    /// </summary>
    internal static IAsyncEnumerable<object> ReadItemsAsync(Stream stream, PaperFormat? format, FeedParserOptions? options, CancellationToken cancellationToken) =>
        ReadAsync(stream, format, options, FeedJson.ReadItemsAsync, FeedParser.ReadFeedsAsync, cancellationToken);

    /// <summary>Counts feeds, papers and diagnostics of any supported input without keeping papers.</summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    /// <exception cref="FeedFormatException">The input cannot be read as its kind.</exception>
    public static async Task<FeedStatistics> CountAsync(Stream stream, PaperFormat? format = null, FeedParserOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        (format, stream) = await ResolveAsync(stream, format, cancellationToken).ConfigureAwait(false);
        return format is PaperFormat.PaperFeedJson or PaperFormat.PaperFeedJsonLines
            ? await FeedJson.CountAsync(stream, options, cancellationToken).ConfigureAwait(false)
            : await FeedParser.CountAsync(stream, options, cancellationToken).ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<T> ReadAsync<T>(Stream stream, PaperFormat? format, FeedParserOptions? options,
        Func<Stream, FeedParserOptions?, CancellationToken, IAsyncEnumerable<T>> readJson,
        Func<Stream, FeedParserOptions?, CancellationToken, IAsyncEnumerable<T>> readText,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        (format, stream) = await ResolveAsync(stream, format, cancellationToken).ConfigureAwait(false);
        var read = format is PaperFormat.PaperFeedJson or PaperFormat.PaperFeedJsonLines ? readJson : readText;
        await foreach (var item in read(stream, options, cancellationToken).ConfigureAwait(false)) yield return item;
    }

    private static async ValueTask<(PaperFormat, Stream)> ResolveAsync(Stream stream, PaperFormat? format, CancellationToken cancellationToken)
    {
        if (format is PaperFormat known)
        {
            return Enum.IsDefined(known) ? (known, stream) : throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown PaperFormat.");
        }
        byte[] head = new byte[DetectionLength];
        int length = 0;
        while (length < head.Length)
        {
            int read = await stream.ReadAsync(head.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            length += read;
        }
        var detected = DetectFormat(head.AsSpan(0, length), isEntireInput: length < head.Length) ?? PaperFormat.TextListing;
        return (detected, new IO.ReplayStream(head.AsMemory(0, length), stream));
    }

    private static ReadOnlySpan<byte> TrimJsonWhitespace(ReadOnlySpan<byte> bytes) => bytes.TrimStart(" \t\r\n"u8);
}
