using System.Runtime.CompilerServices;
using PaperFeed.IO;
using PaperFeed.Text.Captures;

namespace PaperFeed;

/// <summary>
/// One entry point for every input PaperFeed reads: detects the kind of input from its first bytes (or takes the
/// one given) and reads it with the matching reader, streaming: the text listing (<see cref="FeedParser"/>),
/// PaperFeed's own JSON (<see cref="FeedJson"/>) and the Hugging Face API's JSON (<see cref="HuggingFaceJson"/>).
/// HTML pages need the PaperFeed.Html package, whose <c>AnyPaperReader</c> is this reader with HTML added; here
/// they give a <see cref="FeedFormatException"/> that says so. Rules: docs/inputs.md.
/// </summary>
public static class PaperReader
{
    /// <summary>How many leading bytes detection reads from a stream.</summary>
    private const int DetectionLength = 16 * 1024;

    /// <summary>
    /// Detects the format of an input from its first bytes (16 KiB is always enough, often far less), after an optional BOM and
    /// whitespace: <c>&lt;</c> is HTML; <c>[</c> or <c>{</c> starting JSON is told apart by the property names of its
    /// first object (the API's <c>paper</c>, <c>id</c>, <c>summary</c>, … or PaperFeed's <c>abstract</c>,
    /// <c>papers</c>, <c>date</c>, …); anything else, including text that starts with a bracket but is not JSON, is a
    /// text listing or a capture of the page made by a common tool (a Markdown reader's, a clipper's export) when its
    /// lines show one, and none of these otherwise.
    /// </summary>
    /// <param name="start">The input's first bytes (fewer when the input is shorter).</param>
    /// <param name="isEntireInput">True when <paramref name="start"/> is the whole input (its last line is then judged too, even without a line end).</param>
    /// <returns>The format; null for JSON whose first object has only keys no reader knows, and for text that is no Daily Papers
    /// listing (no header, metadata line or capture entry in <paramref name="start"/>; rules in docs/format.md).</returns>
    public static PaperFormat? DetectFormat(ReadOnlySpan<byte> start, bool isEntireInput = false) => PaperFormatDetector.Detect(start, isEntireInput);

    /// <summary>Reads feeds from any supported input, detecting its kind unless <paramref name="format"/> says it.</summary>
    /// <param name="stream">The input; not disposed. It need not be seekable: detected bytes are replayed.</param>
    /// <param name="format">The format; detected from the content when null.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.SourceName"/> names the input in diagnostics.</param>
    /// <param name="cancellationToken">Stops between reads.</param>
    /// <exception cref="FeedFormatException">(While enumerating.) The kind cannot be recognised
    /// (<see cref="DiagnosticCodes.UnknownFormat"/>), needs another package (<see cref="DiagnosticCodes.UnsupportedFormat"/>),
    /// or the input cannot be read as its kind.</exception>
    public static IAsyncEnumerable<Feed> ReadFeedsAsync(Stream stream, PaperFormat? format = null, FeedParserOptions? options = null,
        CancellationToken cancellationToken = default) =>
        ReadFeedsAsync(stream, format, options, html: null, cancellationToken);

    /// <summary>Reads papers from any supported input; see <see cref="ReadFeedsAsync(Stream, PaperFormat?, FeedParserOptions?, CancellationToken)"/>.</summary>
    /// <inheritdoc cref="ReadFeedsAsync(Stream, PaperFormat?, FeedParserOptions?, CancellationToken)" path="/param"/>
    /// <inheritdoc cref="ReadFeedsAsync(Stream, PaperFormat?, FeedParserOptions?, CancellationToken)" path="/exception"/>
    public static IAsyncEnumerable<Paper> ReadPapersAsync(Stream stream, PaperFormat? format = null, FeedParserOptions? options = null,
        CancellationToken cancellationToken = default) =>
        ReadPapersAsync(stream, format, options, html: null, cancellationToken);

    /// <summary>
    /// Reads any supported input as it is structured, for writers that stream: whole feeds where the input has them
    /// (text snapshots, JSON feeds, API listing pages, HTML pages) and single papers where it holds loose papers
    /// (JSON Lines, an array of papers or API items), so that at most one feed or one paper is in memory. Each item
    /// is a <see cref="Feed"/> or a <see cref="Paper"/>.
    /// </summary>
    internal static IAsyncEnumerable<object> ReadItemsAsync(Stream stream, PaperFormat? format, FeedParserOptions? options, CancellationToken cancellationToken) =>
        ReadItemsAsync(stream, format, options, html: null, cancellationToken);

    /// <summary>Reads items (see the overload), handing HTML to <paramref name="html"/> (PaperFeed.Html supplies it).</summary>
    internal static IAsyncEnumerable<object> ReadItemsAsync(Stream stream, PaperFormat? format, FeedParserOptions? options, FeedStreamReader? html, CancellationToken cancellationToken) =>
        ReadAsync<object>(stream, format, options, FeedParser.ReadFeedsAsync, FeedJson.ReadItemsAsync, HuggingFaceJson.ReadItemsAsync, CaptureParser.ReadFeedsAsync,
            html is null ? null : (s, o, c) => html(s, o ?? FeedParserOptions.Default, c), cancellationToken);

    /// <summary>Counts feeds, papers and diagnostics of any supported input without keeping papers.</summary>
    /// <inheritdoc cref="ReadFeedsAsync(Stream, PaperFormat?, FeedParserOptions?, CancellationToken)" path="/param"/>
    /// <exception cref="FeedFormatException">The input cannot be read as its kind.</exception>
    public static Task<FeedStatistics> CountAsync(Stream stream, PaperFormat? format = null, FeedParserOptions? options = null,
        CancellationToken cancellationToken = default) =>
        CountAsync(stream, format, options, html: null, cancellationToken);

    /// <summary>Reads feeds, handing HTML to <paramref name="html"/> (PaperFeed.Html supplies it).</summary>
    internal static IAsyncEnumerable<Feed> ReadFeedsAsync(Stream stream, PaperFormat? format, FeedParserOptions? options, FeedStreamReader? html, CancellationToken cancellationToken) =>
        ReadAsync(stream, format, options, FeedParser.ReadFeedsAsync, FeedJson.ReadFeedsAsync, HuggingFaceJson.ReadFeedsAsync, CaptureParser.ReadFeedsAsync,
            html is null ? null : (s, o, c) => html(s, o ?? FeedParserOptions.Default, c), cancellationToken);

    /// <summary>Reads papers, handing HTML to <paramref name="html"/> (PaperFeed.Html supplies it).</summary>
    internal static IAsyncEnumerable<Paper> ReadPapersAsync(Stream stream, PaperFormat? format, FeedParserOptions? options, FeedStreamReader? html, CancellationToken cancellationToken) =>
        ReadAsync(stream, format, options, FeedParser.ReadPapersAsync, FeedJson.ReadPapersAsync, HuggingFaceJson.ReadPapersAsync, CaptureParser.ReadPapersAsync,
            html is null ? null : (s, o, c) => Flatten(html(s, o ?? FeedParserOptions.Default, c), c), cancellationToken);

    /// <summary>Counts, handing HTML to <paramref name="html"/> (PaperFeed.Html supplies it).</summary>
    internal static async Task<FeedStatistics> CountAsync(Stream stream, PaperFormat? format, FeedParserOptions? options, FeedStreamReader? html, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= FeedParserOptions.Default;
        (var resolved, stream) = await ResolveAsync(stream, format, options, cancellationToken).ConfigureAwait(false);
        switch (resolved)
        {
            case PaperFormat.TextListing:
                return await FeedParser.CountAsync(stream, options, cancellationToken).ConfigureAwait(false);
            case PaperFormat.PaperFeedJson or PaperFormat.PaperFeedJsonLines:
                return await FeedJson.CountAsync(stream, options, cancellationToken).ConfigureAwait(false);
            case PaperFormat.HuggingFaceApiJson:
                return await HuggingFaceJson.CountAsync(stream, options, cancellationToken).ConfigureAwait(false);
        }
        // The HTML reader has no counting pass of its own: count what it reads, one page at a time, and the lines of its bytes.
        long feeds = 0, papers = 0, withMetadata = 0;
        var tally = new DiagnosticTally();
        var lines = new LineCountingStream(stream);
        await foreach (var feed in ReadFeedsAsync(lines, resolved, tally.Counting(options), html, cancellationToken).ConfigureAwait(false))
        {
            feeds++;
            papers += feed.Papers.Count;
            withMetadata += feed.Papers.Count(p => p.AuthorCount is not null || p.Published is not null);
        }
        return new FeedStatistics { Feeds = feeds, Papers = papers, PapersWithMetadata = withMetadata, Warnings = tally.Warnings, Infos = tally.Infos, Lines = lines.Lines };
    }

    /// <summary>Resolves the kind of input, then reads it with the reader for that kind.</summary>
    private static async IAsyncEnumerable<T> ReadAsync<T>(Stream stream, PaperFormat? format, FeedParserOptions? options,
        Func<Stream, FeedParserOptions?, CancellationToken, IAsyncEnumerable<T>> readText,
        Func<Stream, FeedParserOptions?, CancellationToken, IAsyncEnumerable<T>> readJson,
        Func<Stream, FeedParserOptions?, CancellationToken, IAsyncEnumerable<T>> readApi,
        Func<Stream, PaperFormat, FeedParserOptions, CancellationToken, IAsyncEnumerable<T>> readCapture,
        Func<Stream, FeedParserOptions?, CancellationToken, IAsyncEnumerable<T>>? readHtml,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= FeedParserOptions.Default;
        (var resolved, stream) = await ResolveAsync(stream, format, options, cancellationToken).ConfigureAwait(false);
        if (resolved is PaperFormat.MarkdownCapture or PaperFormat.ClipperCapture)
        {
            await foreach (var item in readCapture(stream, resolved, options, cancellationToken).ConfigureAwait(false)) yield return item;
            yield break;
        }
        var read = resolved switch
        {
            PaperFormat.TextListing => readText,
            PaperFormat.PaperFeedJson or PaperFormat.PaperFeedJsonLines => readJson,
            PaperFormat.HuggingFaceApiJson => readApi,
            _ => readHtml ?? throw Unsupported(resolved, options),
        };
        await foreach (var item in read(stream, options, cancellationToken).ConfigureAwait(false)) yield return item;
    }

    /// <summary>
    /// The kind to read with, and a stream that still starts at the first byte when detection read some. UTF-16 and
    /// UTF-32 input with a byte order mark (Notepad's "Unicode") is decoded to UTF-8 first, whatever the kind.
    /// </summary>
    private static async ValueTask<(PaperFormat, Stream)> ResolveAsync(Stream stream, PaperFormat? format, FeedParserOptions options, CancellationToken cancellationToken)
    {
        if (format is PaperFormat known && !Enum.IsDefined(known)) throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown PaperFormat.");
        // A JSON kind that is given is still checked against the other JSON kind: it needs as many bytes as detection.
        bool check = format is PaperFormat.HuggingFaceApiJson or PaperFormat.PaperFeedJson or PaperFormat.PaperFeedJsonLines;
        var head = await ReplayStream.ReadHeadAsync(stream, format is null || check ? DetectionLength : WideBom.Length, cancellationToken).ConfigureAwait(false);
        stream = new ReplayStream(head, stream);
        if (WideBom.Encoding(head.Span) is System.Text.Encoding wide)
        {
            stream = System.Text.Encoding.CreateTranscodingStream(stream, wide, System.Text.Encoding.UTF8, leaveOpen: true);
            if (format is null || check)
            {
                head = await ReplayStream.ReadHeadAsync(stream, DetectionLength, cancellationToken).ConfigureAwait(false);
                stream = new ReplayStream(head, stream);
            }
        }
        if (format is PaperFormat given)
        {
            // JSON of the other kind would read as bogus papers, silently: say so instead.
            if (check && PaperFormatDetector.Contradiction(head.Span, given) is PaperFormat actual) throw Mismatch(given, actual, options);
            return (given, stream);
        }
        var content = InputStart.Content(head.Span);
        var detected = DetectFormat(head.Span, isEntireInput: head.Length < DetectionLength) ?? throw new FeedFormatException(
            content.IsEmpty || content[0] is not ((byte)'[' or (byte)'{')
                ? new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.NotAListing, DiagnosticLocation.AtLine(1),
                    "not a Daily Papers listing: its first 16 KiB have no header line (Daily Papers, Subscribe, …), metadata line " +
                    "(4 authors, Aug 25, ·) or captured entry (### [Title](https://huggingface.co/papers/…)); " +
                    "read it as a text listing explicitly to parse it anyway", options.SourceName)
                : new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.UnknownFormat, DiagnosticLocation.AtLine(1, 1),
                    "the input is JSON of no shape PaperFeed reads: expected Hugging Face API items (with keys such as paper, id, summary, …), " +
                    "a listing page (dailyPapers) or PaperFeed's own feeds and papers (abstract, papers, date, …)", options.SourceName));
        return (detected, stream);
    }

    private static FeedFormatException Mismatch(PaperFormat given, PaperFormat actual, FeedParserOptions options) =>
        new(new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.UnknownFormat, DiagnosticLocation.AtLine(1, 1),
            $"the input is {Describe(actual)}, not {Describe(given)} as the format given says; read it as {Describe(actual)} or let the format be detected", options.SourceName));

    private static string Describe(PaperFormat format) => format == PaperFormat.HuggingFaceApiJson ? "Hugging Face API JSON" : "PaperFeed's own JSON";

    private static FeedFormatException Unsupported(PaperFormat format, FeedParserOptions options) =>
        new(new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.UnsupportedFormat, DiagnosticLocation.None, format == PaperFormat.Html
            ? "HTML input needs the PaperFeed.Html package: read it with PaperFeed.Html.AnyPaperReader (every kind of input) or HtmlPaperReader"
            : $"{format} input cannot be read by this reader", options.SourceName));

    private static async IAsyncEnumerable<Paper> Flatten(IAsyncEnumerable<Feed> feeds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var feed in feeds.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var paper in feed.Papers) yield return paper;
        }
    }
}
