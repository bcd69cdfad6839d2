using System.Runtime.CompilerServices;

namespace PaperFeed;

/// <summary>
/// One entry point for every input PaperFeed reads: detects the kind of input from its first bytes (or takes
/// the one given) and reads it with the matching reader, streaming.
/// </summary>
public static class PaperReader
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at, at most.</summary>
    public const int DetectionLength = 512;

    /// <summary>
    /// Detects the kind of input from its first bytes (up to <see cref="DetectionLength"/>): after an optional BOM
    /// and whitespace, <c>{</c> followed by <c>"</c> or <c>}</c>, or <c>[</c> followed by <c>{</c> or <c>]</c>, is
    /// PaperFeed JSON; anything else is a text listing (which also reports input that is not text).
    /// </summary>
    /// <param name="head">The first bytes of the input (fewer when the input is shorter).</param>
    public static PaperFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8)) head = head[3..];
        head = TrimJsonWhitespace(head);
        if (head.IsEmpty) return PaperFormat.Text;
        byte first = head[0];
        if (first is not ((byte)'{' or (byte)'[')) return PaperFormat.Text;
        var rest = TrimJsonWhitespace(head[1..]);
        // A title may start with '[' ("[CLS] tokens ..."); JSON is told apart by what follows the bracket.
        if (rest.IsEmpty) return PaperFormat.PaperFeedJson;
        return (first, rest[0]) switch
        {
            ((byte)'{', (byte)'"' or (byte)'}') => PaperFormat.PaperFeedJson,
            ((byte)'[', (byte)'{' or (byte)']') => PaperFormat.PaperFeedJson,
            _ => PaperFormat.Text,
        };
    }

    /// <summary>Reads feeds from any supported input, detecting its kind unless <paramref name="format"/> says it.</summary>
    /// <param name="stream">The input; not disposed. It need not be seekable: detected bytes are replayed.</param>
    /// <param name="format">The kind of input, or <see cref="PaperFormat.Auto"/>.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.SourceName"/> names the input in diagnostics.</param>
    /// <param name="cancellationToken">Stops between reads.</param>
    /// <exception cref="FeedFormatException">(While enumerating.) The input cannot be read as its kind.</exception>
    public static IAsyncEnumerable<Feed> ReadFeedsAsync(Stream stream, PaperFormat format = PaperFormat.Auto, FeedParserOptions? options = null,
        CancellationToken cancellationToken = default) =>
        ReadAsync(stream, format, options, FeedJson.ReadFeedsAsync, FeedParser.ReadFeedsAsync, cancellationToken);

    /// <summary>Reads papers from any supported input; see <see cref="ReadFeedsAsync"/>.</summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    /// <inheritdoc cref="ReadFeedsAsync" path="/exception"/>
    public static IAsyncEnumerable<Paper> ReadPapersAsync(Stream stream, PaperFormat format = PaperFormat.Auto, FeedParserOptions? options = null,
        CancellationToken cancellationToken = default) =>
        ReadAsync(stream, format, options, FeedJson.ReadPapersAsync, FeedParser.ReadPapersAsync, cancellationToken);

    /// <summary>Counts feeds, papers and diagnostics of any supported input without keeping papers.</summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    /// <exception cref="FeedFormatException">The input cannot be read as its kind.</exception>
    public static async Task<FeedStatistics> CountAsync(Stream stream, PaperFormat format = PaperFormat.Auto, FeedParserOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        (format, stream) = await ResolveAsync(stream, format, cancellationToken).ConfigureAwait(false);
        return format == PaperFormat.PaperFeedJson
            ? await FeedJson.CountAsync(stream, options, cancellationToken).ConfigureAwait(false)
            : await FeedParser.CountAsync(stream, options, cancellationToken).ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<T> ReadAsync<T>(Stream stream, PaperFormat format, FeedParserOptions? options,
        Func<Stream, FeedParserOptions?, CancellationToken, IAsyncEnumerable<T>> readJson,
        Func<Stream, FeedParserOptions?, CancellationToken, IAsyncEnumerable<T>> readText,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        (format, stream) = await ResolveAsync(stream, format, cancellationToken).ConfigureAwait(false);
        var read = format == PaperFormat.PaperFeedJson ? readJson : readText;
        await foreach (var item in read(stream, options, cancellationToken).ConfigureAwait(false)) yield return item;
    }

    private static async ValueTask<(PaperFormat, Stream)> ResolveAsync(Stream stream, PaperFormat format, CancellationToken cancellationToken)
    {
        if (format != PaperFormat.Auto)
        {
            return Enum.IsDefined(format) ? (format, stream) : throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown PaperFormat.");
        }
        byte[] head = new byte[DetectionLength];
        int length = 0;
        while (length < head.Length)
        {
            int read = await stream.ReadAsync(head.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            length += read;
        }
        return (Detect(head.AsSpan(0, length)), new ReplayStream(head.AsMemory(0, length), stream));
    }

    private static ReadOnlySpan<byte> TrimJsonWhitespace(ReadOnlySpan<byte> bytes) => bytes.TrimStart(" \t\r\n"u8);
}
