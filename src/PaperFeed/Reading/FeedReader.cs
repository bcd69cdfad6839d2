using System.Runtime.CompilerServices;
using PaperFeed.IO;
using PaperFeed.Json;
using PaperFeed.Partitioning;

namespace PaperFeed;

/// <summary>
/// The front door: reads every input PaperFeed knows (text listing, captures, PaperFeed JSON and JSON Lines, the
/// Hugging Face API's JSON, and formats added through <see cref="FeedReaderOptions.Formats"/> such as PaperFeed.Html's
/// pages) from any <see cref="FeedInput"/>, sync or async, detecting the format from the first bytes unless
/// <see cref="FeedReaderOptions.Format"/> gives it. Immutable and thread-safe: make one and reuse it.
/// </summary>
/// <example>
/// <code>
/// var reader = new FeedReader(FeedReaderOptions.Default with { Dates = new() { ReferenceDate = new(2025, 3, 11) } });
/// foreach (var paper in reader.ReadPapers(FeedInput.FromFile("daily-papers.txt"))) Console.WriteLine(paper.Title);
/// </code>
/// </example>
public sealed class FeedReader
{
    /// <summary>How many leading bytes detection reads.</summary>
    private const int DetectionLength = 16 * 1024;

    /// <summary>Creates a reader.</summary>
    /// <param name="options">Its options; <see cref="FeedReaderOptions.Default"/> when null.</param>
    public FeedReader(FeedReaderOptions? options = null) => Options = options ?? FeedReaderOptions.Default;

    /// <summary>A reader with the default options (built-in formats, detected).</summary>
    public static FeedReader Default { get; } = new();

    /// <summary>The reader's options.</summary>
    public FeedReaderOptions Options { get; }

    /// <summary>
    /// The format of an input that starts with <paramref name="start"/>: the first of <see cref="FeedReaderOptions.Formats"/>
    /// that matches, else the built-in one the content shows (rules in docs/inputs.md), else null (not a listing, or
    /// JSON of no known shape, or HTML without a format that reads it).
    /// </summary>
    /// <param name="start">The input's first bytes (16 KiB is always enough; fewer when the input is shorter).</param>
    /// <param name="isEntireInput">True when <paramref name="start"/> is the whole input: its last line is then judged even without a line end.</param>
    public FeedFormat? DetectFormat(ReadOnlySpan<byte> start, bool isEntireInput = false)
    {
        foreach (var format in Options.Formats)
        {
            if (format.IsMatch(start, isEntireInput)) return format;
        }
        return PaperFormatDetector.Detect(start, isEntireInput) is PaperFormat id and not PaperFormat.Html ? BuiltInFormat.Of(id) : null;
    }

    /// <summary>Reads one feed per listing (snapshot, page, API response), streaming.</summary>
    /// <param name="input">The input.</param>
    /// <param name="cancellationToken">Stops between reads.</param>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null (at once).</exception>
    /// <exception cref="FeedFormatException">(While enumerating.) The format cannot be recognised, needs a format that is not
    /// registered, contradicts the content, or the input cannot be read as its format; or a warning in strict mode.</exception>
    /// <remarks>A text listing in a regular file is read on several cores when <see cref="FeedReaderOptions.MaxDegreeOfParallelism"/>
    /// allows; feeds, papers and diagnostics still come out in input order, exactly as on one core.</remarks>
    public IAsyncEnumerable<Feed> ReadFeedsAsync(FeedInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadAsync(input, ParallelReads.FeedsAsync, static (format, stream, context, token) => format.ReadFeedsAsync(stream, context, token), cancellationToken);
    }

    /// <summary>Reads papers, streaming: the first comes out before the rest of the input is read.</summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    /// <inheritdoc cref="ReadFeedsAsync" path="/exception"/>
    /// <inheritdoc cref="ReadFeedsAsync" path="/remarks"/>
    public IAsyncEnumerable<Paper> ReadPapersAsync(FeedInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadAsync(input, ParallelReads.PapersAsync, static (format, stream, context, token) => format.ReadPapersAsync(stream, context, token), cancellationToken);
    }

    /// <summary>
    /// Reads the input as it is structured, for writers that stream: whole feeds where the input has them, single papers
    /// where it holds loose ones (JSON Lines, an array of papers or API items), so that at most one feed is in memory.
    /// </summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    /// <inheritdoc cref="ReadFeedsAsync" path="/exception"/>
    /// <inheritdoc cref="ReadFeedsAsync" path="/remarks"/>
    public IAsyncEnumerable<FeedItem> ReadItemsAsync(FeedInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        // A text listing's items are its feeds.
        return ReadAsync(input, static (path, settings, parallelism, token) => ParallelReads.FeedsAsync(path, settings, parallelism, token).Select(static feed => new FeedItem(feed)),
            static (format, stream, context, token) => format.ReadItemsAsync(stream, context, token), cancellationToken);
    }

    /// <summary>Counts feeds, papers, lines and diagnostics without keeping papers (the path behind <c>paperfeed stats</c>).</summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="FeedFormatException">The format cannot be recognised, or the input cannot be read as its format.</exception>
    /// <inheritdoc cref="ReadFeedsAsync" path="/remarks"/>
    public Task<FeedStatistics> CountAsync(FeedInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return RunAsync(input, static (path, settings, parallelism, token) => ParallelReads.CountAsync(path, settings, parallelism, ParallelParse.BytePieceLength, token),
            static async (format, stream, context, token) => WithOpeningWarnings(await format.CountAsync(stream, context, token).ConfigureAwait(false), context), cancellationToken);
    }

    /// <summary>
    /// Writes every paper of the input to <paramref name="destination"/> as PaperFeed JSON Lines (one paper per line,
    /// docs/json.md), the same bytes as <see cref="FeedJson.WritePapersAsync"/> over <see cref="ReadPapersAsync"/>. A text
    /// listing goes from the input's bytes to the output's without making a string, on several cores for a regular file
    /// when <see cref="FeedReaderOptions.MaxDegreeOfParallelism"/> allows.
    /// </summary>
    /// <param name="input">The input.</param>
    /// <param name="destination">Where the lines go; flushed, not disposed.</param>
    /// <param name="cancellationToken">Stops between reads.</param>
    /// <returns>What the read found, as <see cref="CountAsync"/> reports it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or <paramref name="destination"/> is null.</exception>
    /// <exception cref="FeedFormatException">The format cannot be recognised, or the input cannot be read as its format.</exception>
    public Task<FeedStatistics> WriteJsonLinesAsync(FeedInput input, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(destination);
        return RunAsync(input,
            (path, settings, parallelism, token) => ParallelReads.WriteJsonLinesAsync(path, destination, settings, parallelism, ParallelParse.BytePieceLength, token),
            async (format, stream, context, token) => WithOpeningWarnings(await JsonLinesOutput.WriteAsync(format, stream, context, destination, token).ConfigureAwait(false), context), cancellationToken);
    }

    /// <summary>Reads one feed per listing on the calling thread: synchronous reads of the input, no task waited on.</summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    /// <inheritdoc cref="ReadFeedsAsync" path="/exception"/>
    /// <remarks>A text listing in a regular file is read on several cores when <see cref="FeedReaderOptions.MaxDegreeOfParallelism"/>
    /// allows (the calling thread then waits for the pieces' worker threads, and no input is read asynchronously).</remarks>
    public IEnumerable<Feed> ReadFeeds(FeedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Read(input, ParallelReads.Feeds, static (format, stream, context) => format.ReadFeeds(stream, context));
    }

    /// <summary>Reads papers lazily on the calling thread (see <see cref="ReadFeeds"/>).</summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    /// <inheritdoc cref="ReadFeedsAsync" path="/exception"/>
    /// <inheritdoc cref="ReadFeeds" path="/remarks"/>
    public IEnumerable<Paper> ReadPapers(FeedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Read(input, ParallelReads.Papers, static (format, stream, context) => format.ReadPapers(stream, context));
    }

    /// <summary>Reads feeds and loose papers (see <see cref="ReadItemsAsync"/>) on the calling thread.</summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    /// <inheritdoc cref="ReadFeedsAsync" path="/exception"/>
    /// <inheritdoc cref="ReadFeeds" path="/remarks"/>
    public IEnumerable<FeedItem> ReadItems(FeedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Read(input, static (path, settings, parallelism) => ParallelReads.Feeds(path, settings, parallelism).Select(static feed => new FeedItem(feed)),
            static (format, stream, context) => format.ReadItems(stream, context));
    }

    /// <summary>Counts (see <see cref="CountAsync"/>) on the calling thread.</summary>
    /// <inheritdoc cref="CountAsync" path="/param"/>
    /// <inheritdoc cref="CountAsync" path="/exception"/>
    /// <inheritdoc cref="ReadFeeds" path="/remarks"/>
    public FeedStatistics Count(FeedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Run(input, ParallelReads.Count, static (format, stream, context) => WithOpeningWarnings(format.Count(stream, context), context));
    }

    /// <summary>Writes every paper of the input as PaperFeed JSON Lines (see <see cref="WriteJsonLinesAsync"/>) on the calling thread.</summary>
    /// <inheritdoc cref="WriteJsonLinesAsync" path="/param"/>
    /// <inheritdoc cref="WriteJsonLinesAsync" path="/returns"/>
    /// <inheritdoc cref="WriteJsonLinesAsync" path="/exception"/>
    public FeedStatistics WriteJsonLines(FeedInput input, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(destination);
        return Run(input, (path, settings, parallelism) => ParallelReads.WriteJsonLines(path, destination, settings, parallelism),
            (format, stream, context) => WithOpeningWarnings(JsonLinesOutput.Write(format, stream, context, destination), context));
    }

    /// <summary>
    /// A low-level reader of a text listing in UTF-8 bytes, one entry at a time, with this reader's options (see
    /// <see cref="Utf8ListingReader"/>): fields as spans, no string unless asked.
    /// </summary>
    /// <param name="utf8">The listing's bytes; not disposed.</param>
    /// <param name="sourceName">The input's name in diagnostics, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8"/> is null.</exception>
    public Utf8ListingReader CreateListingReader(Stream utf8, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        return new Utf8ListingReader(utf8, ReadSettings.From(Options, sourceName, Options.Diagnostics.OnDiagnostic));
    }

    /// <summary>
    /// Cuts a UTF-8 text listing into consecutive ranges of at least <paramref name="targetLength"/> bytes, each starting
    /// on a snapshot start, as this reader's grammar and options see them: reading the ranges one by one gives exactly
    /// the feeds, papers and diagnostics of reading the whole (line numbers offset by <see cref="SnapshotRange.FirstLine"/> − 1).
    /// Lazy: each range comes out as soon as its end is found. Offsets are relative to the stream's position.
    /// </summary>
    /// <param name="utf8">The listing; read sequentially, not disposed.</param>
    /// <param name="targetLength">The length to reach before cutting; 1 cuts before every snapshot.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="targetLength"/> is less than 1.</exception>
    public IEnumerable<SnapshotRange> SplitSnapshots(Stream utf8, long targetLength)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetLength, 1);
        return SnapshotCuts.Split(utf8, targetLength, ReadSettings.From(Options, null, null));
    }

    /// <summary>
    /// The offset of the first snapshot start at or after <paramref name="position"/> in a seekable UTF-8 text listing,
    /// or null when none follows: workers of a distributed job given nominal ranges <c>[a, b)</c> each read
    /// <c>[FindSnapshotStart(a), FindSnapshotStart(b))</c>, and the ranges tile the input exactly.
    /// </summary>
    /// <param name="utf8">The listing; must be seekable; not disposed; its position is changed.</param>
    /// <param name="position">The nominal start, from the start of the stream (0 gives 0).</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is negative.</exception>
    /// <exception cref="ArgumentException">The stream cannot seek.</exception>
    public long? FindSnapshotStart(Stream utf8, long position)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        if (!utf8.CanSeek) throw new ArgumentException("The stream must be seekable.", nameof(utf8));
        return SnapshotCuts.FindNext(utf8, position, ReadSettings.From(Options, null, null));
    }

    /// <summary>The context of one input: its name, and whether it was given as text (already decoded).</summary>
    private FeedReadContext ContextFor(FeedInput input) => new(Options, input.Name) { IsDecodedText = input.IsText };

    private async IAsyncEnumerable<T> ReadAsync<T>(FeedInput input, Func<string, ReadSettings, int, CancellationToken, IAsyncEnumerable<T>> parallel,
        Func<FeedFormat, Stream, FeedReadContext, CancellationToken, IAsyncEnumerable<T>> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var context = ContextFor(input);
        using var opened = await OpenAsync(input, context, synchronous: false, cancellationToken).ConfigureAwait(false);
        var items = opened.ParallelPath is string path
            ? parallel(path, context.Settings, Options.MaxDegreeOfParallelism, cancellationToken)
            : read(opened.Format, opened.Body, context, cancellationToken);
        await foreach (var item in items.ConfigureAwait(false)) yield return item;
    }

    private async Task<T> RunAsync<T>(FeedInput input, Func<string, ReadSettings, int, CancellationToken, Task<T>> parallel,
        Func<FeedFormat, Stream, FeedReadContext, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var context = ContextFor(input);
        using var opened = await OpenAsync(input, context, synchronous: false, cancellationToken).ConfigureAwait(false);
        return opened.ParallelPath is string path
            ? await parallel(path, context.Settings, Options.MaxDegreeOfParallelism, cancellationToken).ConfigureAwait(false)
            : await read(opened.Format, opened.Body, context, cancellationToken).ConfigureAwait(false);
    }

    private IEnumerable<T> Read<T>(FeedInput input, Func<string, ReadSettings, int, IEnumerable<T>> parallel, Func<FeedFormat, Stream, FeedReadContext, IEnumerable<T>> read)
    {
        var context = ContextFor(input);
        using var opened = Synchronously.Completed(OpenAsync(input, context, synchronous: true, CancellationToken.None));
        var items = opened.ParallelPath is string path
            ? parallel(path, context.Settings, Options.MaxDegreeOfParallelism)
            : read(opened.Format, opened.Body, context);
        foreach (var item in items) yield return item;
    }

    private T Run<T>(FeedInput input, Func<string, ReadSettings, int, T> parallel, Func<FeedFormat, Stream, FeedReadContext, T> read)
    {
        var context = ContextFor(input);
        using var opened = Synchronously.Completed(OpenAsync(input, context, synchronous: true, CancellationToken.None));
        return opened.ParallelPath is string path
            ? parallel(path, context.Settings, Options.MaxDegreeOfParallelism)
            : read(opened.Format, opened.Body, context);
    }

    /// <summary>
    /// Opens the input and decides how it is read: decompressed when its first bytes are gzip's or Zstandard's,
    /// transcoded to UTF-8 when they are a UTF-16 or UTF-32 byte order mark, then its format (given, or detected from the
    /// first 16 KiB). Only these first bytes are read, and they are replayed to the format: the input is read once, from
    /// its first byte to its last, so pipes and other inputs that cannot seek are read like files. A text listing in a
    /// regular file, neither compressed nor transcoded, is handed to the parallel parse by path when more than one core
    /// is allowed. In synchronous mode every read is synchronous and the task returned has completed.
    /// </summary>
    private async ValueTask<OpenedInput> OpenAsync(FeedInput input, FeedReadContext context, bool synchronous, CancellationToken cancellationToken)
    {
        var raw = input.Open(out bool owned);
        try
        {
            Stream stream = Options.Progress is { } progress ? new ProgressStream(raw, progress) : raw;
            var given = Options.Format;
            // A JSON format that is given is still checked against the content: it needs as many bytes as detection.
            bool check = given is BuiltInFormat { IsJson: true };
            int length = given is null || check ? DetectionLength : Math.Max(WideBom.Length, Compression.MagicLength);
            var head = await ReplayStream.ReadHeadAsync(stream, length, synchronous, cancellationToken).ConfigureAwait(false);
            bool rewritten = false;
            Stream? decompressor = null;
            if (Compression.Detect(head.Span) is string compression)
            {
                stream = decompressor = Compression.Decompress(compression, new ReplayStream(head, stream), context.SourceName);
                head = await ReplayStream.ReadHeadAsync(stream, length, synchronous, cancellationToken).ConfigureAwait(false);
                rewritten = true;
            }
            stream = new ReplayStream(head, stream);
            if (WideBom.Encoding(head.Span) is System.Text.Encoding wide)
            {
                stream = System.Text.Encoding.CreateTranscodingStream(stream, wide, System.Text.Encoding.UTF8, leaveOpen: false);
                head = await ReplayStream.ReadHeadAsync(stream, length, synchronous, cancellationToken).ConfigureAwait(false);
                stream = new ReplayStream(head, stream);
                rewritten = true;
            }
            // Legacy 8-bit text (no byte order mark, bytes not UTF-8): read as Windows-1252 with one warning.
            // Formats that decode their own bytes (an HTML page declares its charset) get them as they are.
            else if (!context.IsDecodedText && given is null or BuiltInFormat)
            {
                if (head.Length < DetectionLength && length < DetectionLength)
                {
                    head = await ReplayStream.ReadHeadAsync(stream, DetectionLength, synchronous, cancellationToken).ConfigureAwait(false);
                    stream = new ReplayStream(head, stream);
                }
                var verdict = LegacyEncoding.Judge(head.Span, out int offset);
                if (verdict == LegacyEncoding.Verdict.Windows1252 && (given is not null || DetectFormat(head.Span, head.Length < DetectionLength) is null or BuiltInFormat))
                {
                    stream = LegacyEncoding.Decode(stream, head.Span, offset, context);
                    head = await ReplayStream.ReadHeadAsync(stream, length, synchronous, cancellationToken).ConfigureAwait(false);
                    stream = new ReplayStream(head, stream);
                    rewritten = true;
                }
            }
            var format = Resolve(given, check, head.Span, head.Length < length, context);
            // Devices (/dev/zero), and NUL bytes in the head or at the end, are the one-core reader's: it decides at once.
            bool parallel = format == FeedFormat.TextListing && !rewritten && Options.MaxDegreeOfParallelism != 1
                && input.FilePath is not null && raw is FileStream { CanSeek: true } && ParallelFileCheck.Allows(raw, head.Span);
            return new OpenedInput(raw, owned, decompressor, stream, format, parallel ? input.FilePath : null);
        }
        catch
        {
            if (owned) await raw.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The format to read with: the one given (checked against JSON content), else the one detected.</summary>
    private FeedFormat Resolve(FeedFormat? given, bool check, ReadOnlySpan<byte> head, bool entire, FeedReadContext context)
    {
        if (given is not null)
        {
            if (check) CheckGivenJson((BuiltInFormat)given, head, entire, context);
            return given;
        }
        return DetectFormat(head, entire) ?? throw Unrecognised(head, entire, context);
    }

    /// <summary>
    /// A JSON format that is given but contradicted by the content (JSON of the other kind, or no JSON at all) would
    /// read as bogus papers or a long JSON error: say what the input is instead, in one line.
    /// </summary>
    private void CheckGivenJson(BuiltInFormat given, ReadOnlySpan<byte> head, bool entire, FeedReadContext context)
    {
        if (PaperFormatDetector.Contradiction(head, given.Id) is PaperFormat other) throw Mismatch(given, BuiltInFormat.Of(other), context);
        var content = InputStart.Content(head);
        if (content.IsEmpty || content[0] is (byte)'[' or (byte)'{') return;
        throw Mismatch(given, DetectFormat(head, entire), context);
    }

    /// <summary>The statistics with the warnings given while the input was opened (legacy 8-bit text) added.</summary>
    private static FeedStatistics WithOpeningWarnings(FeedStatistics statistics, FeedReadContext context) =>
        context.OpeningWarnings == 0 ? statistics : statistics with { Warnings = statistics.Warnings + context.OpeningWarnings };

    /// <summary>An opened input: the stream to dispose, the body to read, the format, and the path for a parallel read.</summary>
    private sealed class OpenedInput(Stream raw, bool owned, Stream? decompressor, Stream body, FeedFormat format, string? parallelPath) : IDisposable
    {
        public Stream Body { get; } = body;

        public FeedFormat Format { get; } = format;

        public string? ParallelPath { get; } = parallelPath;

        public void Dispose()
        {
            Body.Dispose();
            decompressor?.Dispose();
            if (owned) raw.Dispose();
        }
    }

    private static FeedFormatException Unrecognised(ReadOnlySpan<byte> head, bool entire, FeedReadContext context) =>
        InputDescription.Unrecognised(head, entire, context);

    private static FeedFormatException Mismatch(FeedFormat given, FeedFormat? actual, FeedReadContext context) =>
        new(new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.UnknownFormat, DiagnosticLocation.AtLine(1, 1), actual is null
            ? $"the input is not JSON, so not {Describe(given)} as the format given says; let the format be detected"
            : $"the input is {Describe(actual)}, not {Describe(given)} as the format given says; read it as {Describe(actual)} or let the format be detected", context.SourceName));

    private static string Describe(FeedFormat format) => format.Name switch
    {
        "hf-api" => "Hugging Face API JSON",
        "paperfeed-json" or "paperfeed-jsonl" => "PaperFeed's own JSON",
        "text" => "a text listing",
        "markdown" => "a Markdown capture",
        "clipper" => "a clipper capture",
        "html" => "an HTML page",
        var name => name,
    };
}
