using System.Runtime.CompilerServices;
using PaperFeed.IO;
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
    public IAsyncEnumerable<Feed> ReadFeedsAsync(FeedInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadFeedsCoreAsync(input, cancellationToken);
    }

    /// <summary>Reads papers, streaming: the first comes out before the rest of the input is read.</summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    /// <inheritdoc cref="ReadFeedsAsync" path="/exception"/>
    /// <remarks>A text listing in a file is read on several cores when <see cref="FeedReaderOptions.MaxDegreeOfParallelism"/>
    /// allows; papers and diagnostics still come out in input order, exactly as on one core.</remarks>
    public IAsyncEnumerable<Paper> ReadPapersAsync(FeedInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadPapersCoreAsync(input, cancellationToken);
    }

    /// <summary>
    /// Reads the input as it is structured, for writers that stream: whole feeds where the input has them, single papers
    /// where it holds loose ones (JSON Lines, an array of papers or API items), so that at most one feed is in memory.
    /// </summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    /// <inheritdoc cref="ReadFeedsAsync" path="/exception"/>
    public IAsyncEnumerable<FeedItem> ReadItemsAsync(FeedInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadItemsCoreAsync(input, cancellationToken);
    }

    /// <summary>Counts feeds, papers, lines and diagnostics without keeping papers (the path behind <c>paperfeed stats</c>).</summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="FeedFormatException">The format cannot be recognised, or the input cannot be read as its format.</exception>
    public Task<FeedStatistics> CountAsync(FeedInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return CountCoreAsync(input, cancellationToken);
    }

    /// <summary>Reads one feed per listing; blocks the calling thread on the input's reads.</summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    /// <inheritdoc cref="ReadFeedsAsync" path="/exception"/>
    public IEnumerable<Feed> ReadFeeds(FeedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadFeedsAsync(input).ToBlockingEnumerable();
    }

    /// <summary>Reads papers lazily; blocks the calling thread on the input's reads.</summary>
    /// <inheritdoc cref="ReadPapersAsync" path="/param"/>
    /// <inheritdoc cref="ReadFeedsAsync" path="/exception"/>
    public IEnumerable<Paper> ReadPapers(FeedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadPapersAsync(input).ToBlockingEnumerable();
    }

    /// <summary>Reads feeds and loose papers (see <see cref="ReadItemsAsync"/>); blocks the calling thread on the input's reads.</summary>
    /// <inheritdoc cref="ReadFeedsAsync" path="/param"/>
    /// <inheritdoc cref="ReadFeedsAsync" path="/exception"/>
    public IEnumerable<FeedItem> ReadItems(FeedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadItemsAsync(input).ToBlockingEnumerable();
    }

    /// <summary>Counts (see <see cref="CountAsync"/>); blocks the calling thread on the input's reads.</summary>
    /// <inheritdoc cref="CountAsync" path="/param"/>
    /// <inheritdoc cref="CountAsync" path="/exception"/>
    public FeedStatistics Count(FeedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return CountCoreAsync(input, CancellationToken.None).GetAwaiter().GetResult();
    }

    private async IAsyncEnumerable<Feed> ReadFeedsCoreAsync(FeedInput input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var feeds = await ParallelTextFileAsync(input, cancellationToken).ConfigureAwait(false) is string path
            ? ParallelReads.FeedsAsync(path, ContextFor(input).Settings, Options.MaxDegreeOfParallelism, cancellationToken)
            : ReadAsync(input, static (format, stream, context, token) => format.ReadFeedsAsync(stream, context, token), cancellationToken);
        await foreach (var feed in feeds.ConfigureAwait(false)) yield return feed;
    }

    private async IAsyncEnumerable<FeedItem> ReadItemsCoreAsync(FeedInput input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A text listing's items are its feeds.
        if (await ParallelTextFileAsync(input, cancellationToken).ConfigureAwait(false) is string path)
        {
            await foreach (var feed in ParallelReads.FeedsAsync(path, ContextFor(input).Settings, Options.MaxDegreeOfParallelism, cancellationToken).ConfigureAwait(false))
            {
                yield return new FeedItem(feed);
            }
            yield break;
        }
        await foreach (var item in ReadAsync(input, static (format, stream, context, token) => format.ReadItemsAsync(stream, context, token), cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private async IAsyncEnumerable<Paper> ReadPapersCoreAsync(FeedInput input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var papers = await ParallelTextFileAsync(input, cancellationToken).ConfigureAwait(false) is string path
            ? ParallelReads.PapersAsync(path, ContextFor(input).Settings, Options.MaxDegreeOfParallelism, cancellationToken)
            : ReadAsync(input, static (format, stream, context, token) => format.ReadPapersAsync(stream, context, token), cancellationToken);
        await foreach (var paper in papers.ConfigureAwait(false)) yield return paper;
    }

    private async Task<FeedStatistics> CountCoreAsync(FeedInput input, CancellationToken cancellationToken)
    {
        if (await ParallelTextFileAsync(input, cancellationToken).ConfigureAwait(false) is string path)
        {
            return await ParallelReads.CountAsync(path, ContextFor(input).Settings, Options.MaxDegreeOfParallelism, ParallelParse.BytePieceLength, cancellationToken).ConfigureAwait(false);
        }
        var stream = input.Open(out bool owned);
        try
        {
            var context = ContextFor(input);
            var (format, body) = await ResolveAsync(stream, context, cancellationToken).ConfigureAwait(false);
            return await format.CountAsync(body, context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (owned) await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The context of one input: its name, and whether it was given as text (already decoded).</summary>
    private FeedReadContext ContextFor(FeedInput input) => new(Options, input.Name) { IsDecodedText = input.IsText };

    /// <summary>
    /// The path of a file input that is read on several cores: more than one is allowed, and its first bytes show a
    /// text listing in UTF-8 (the parallel parse reads the file's bytes as they are, so UTF-16 or UTF-32 with a byte
    /// order mark goes through the one-core path, which decodes it). Null otherwise. The file is opened again to be read.
    /// </summary>
    private async Task<string?> ParallelTextFileAsync(FeedInput input, CancellationToken cancellationToken)
    {
        if (input.FilePath is not string path || Options.MaxDegreeOfParallelism == 1) return null;
        await using var stream = input.Open(out _);
        var head = await ReplayStream.ReadHeadAsync(stream, WideBom.Length, cancellationToken).ConfigureAwait(false);
        if (WideBom.Encoding(head.Span) is not null) return null;
        var (format, _) = await ResolveAsync(new ReplayStream(head, stream), ContextFor(input), cancellationToken).ConfigureAwait(false);
        return format == FeedFormat.TextListing ? path : null;
    }

    /// <summary>Opens the input, resolves its format, then reads it with that format.</summary>
    private async IAsyncEnumerable<T> ReadAsync<T>(FeedInput input, Func<FeedFormat, Stream, FeedReadContext, CancellationToken, IAsyncEnumerable<T>> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = input.Open(out bool owned);
        try
        {
            var context = ContextFor(input);
            var (format, body) = await ResolveAsync(stream, context, cancellationToken).ConfigureAwait(false);
            await foreach (var item in read(format, body, context, cancellationToken).ConfigureAwait(false)) yield return item;
        }
        finally
        {
            if (owned) await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The format to read with, and a stream that still starts at the first byte. UTF-16 and UTF-32 input with a byte
    /// order mark (Notepad's "Unicode") is turned into UTF-8 first, whatever the format.
    /// </summary>
    private async ValueTask<(FeedFormat, Stream)> ResolveAsync(Stream stream, FeedReadContext context, CancellationToken cancellationToken)
    {
        var given = Options.Format;
        // A JSON format that is given is still checked against the other JSON format: it needs as many bytes as detection.
        bool check = given is BuiltInFormat { IsJson: true };
        var head = await ReplayStream.ReadHeadAsync(stream, given is null || check ? DetectionLength : WideBom.Length, cancellationToken).ConfigureAwait(false);
        stream = new ReplayStream(head, stream);
        if (WideBom.Encoding(head.Span) is System.Text.Encoding wide)
        {
            stream = System.Text.Encoding.CreateTranscodingStream(stream, wide, System.Text.Encoding.UTF8, leaveOpen: true);
            if (given is null || check)
            {
                head = await ReplayStream.ReadHeadAsync(stream, DetectionLength, cancellationToken).ConfigureAwait(false);
                stream = new ReplayStream(head, stream);
            }
        }
        if (given is not null)
        {
            // JSON of the other kind would read as bogus papers, silently: say so instead.
            if (check && PaperFormatDetector.Contradiction(head.Span, ((BuiltInFormat)given).Id) is PaperFormat actual)
            {
                throw Mismatch(given, BuiltInFormat.Of(actual), context);
            }
            return (given, stream);
        }
        bool entire = head.Length < DetectionLength;
        var detected = DetectFormat(head.Span, entire);
        if (detected is not null) return (detected, stream);
        throw Unrecognised(head.Span, entire, context);
    }

    private static FeedFormatException Unrecognised(ReadOnlySpan<byte> head, bool entire, FeedReadContext context) =>
        InputDescription.Unrecognised(head, entire, context);

    private static FeedFormatException Mismatch(FeedFormat given, FeedFormat actual, FeedReadContext context) =>
        new(new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.UnknownFormat, DiagnosticLocation.AtLine(1, 1),
            $"the input is {Describe(actual)}, not {Describe(given)} as the format given says; read it as {Describe(actual)} or let the format be detected", context.SourceName));

    private static string Describe(FeedFormat format) => format == FeedFormat.HuggingFaceApiJson ? "Hugging Face API JSON" : "PaperFeed's own JSON";
}
