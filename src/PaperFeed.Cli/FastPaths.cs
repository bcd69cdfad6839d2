namespace PaperFeed.Cli;

/// <summary>
/// The commands' paths for one large text listing file, on every core through the library's parallel calls: counting
/// for <c>stats</c>, text to JSON Lines without strings for an unfiltered <c>parse --format jsonl</c>, papers for
/// <c>parse</c>'s other paper outputs, and feeds for its document form and for <c>merge</c>. Each gives
/// the bytes and the diagnostics (in order) of the general pipeline; a command takes its fast path when the input is
/// a single file (not standard input) whose format, forced or detected, is the text listing, outside strict mode
/// (where the pipeline's reporting of the stopping warning applies).
/// </summary>
internal static class FastPaths
{
    private const int DetectionLength = 16 * 1024;

    /// <summary>The one text listing file the inputs are, or null when the general pipeline must read them.</summary>
    public static string? TextListingFile(Inputs inputs, FeedReaderOptions options)
    {
        if (inputs.Paths is not [var path] || path == "-" || options.Diagnostics.Strict) return null;
        if (options.Format is { } forced && forced != FeedFormat.TextListing) return null;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var head = new byte[DetectionLength];
            int length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            // The parallel calls read the file's bytes as UTF-8; UTF-16 and UTF-32 with a byte order mark are decoded
            // by the general pipeline (FeedReader), whatever the format.
            if (head.AsSpan(0, length) is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF, ..]) return null;
            // Bytes that are not UTF-8 (legacy 8-bit text, binary) are judged by the general pipeline too (a sequence cut at
            // the end of the head does not count).
            if (!System.Text.Unicode.Utf8.IsValid(head.AsSpan(0, length < head.Length ? length : length - 3))) return null;
            // A device or pipe (more bytes than the file's length), or NUL bytes in the head or at the end: read by the
            // general pipeline, which refuses them at once or stops at NUL padding, in bounded time.
            if (length > file.Length || head.AsSpan(0, length).Contains((byte)0)) return null;
            if (file.Length > length)
            {
                file.Seek(-1, SeekOrigin.End);
                if (file.ReadByte() == 0) return null;
            }
            if (options.Format is not null) return path;
            return new FeedReader(options).DetectFormat(head.AsSpan(0, length), isEntireInput: length < head.Length) == FeedFormat.TextListing ? path : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The general pipeline opens it again and reports the error as it always does.
            return null;
        }
    }

    /// <summary><c>stats</c> on one text listing file: counted on every core.</summary>
    public static async Task<StatsReport> CountAsync(string path, FeedReaderOptions options, Reporter reporter, CancellationToken cancellationToken)
    {
        var statistics = await FeedParser.CountParallelAsync(path, ParserOptions(path, options, reporter), cancellationToken: cancellationToken).ConfigureAwait(false);
        return StatsReport.From(statistics, new FileInfo(path).Length);
    }

    /// <summary><c>parse --format jsonl</c> on one text listing file, nothing filtered: converted on every core, no string made.</summary>
    public static Task WriteJsonLinesAsync(string path, Stream destination, FeedReaderOptions options, Reporter reporter, CancellationToken cancellationToken) =>
        FeedJson.ConvertTextFileToJsonLinesAsync(path, destination, ParserOptions(path, options, reporter), cancellationToken: cancellationToken);

    /// <summary>The papers of one text listing file, read on every core, for every output but the document form.</summary>
    public static IAsyncEnumerable<Paper> ReadPapersAsync(string path, FeedReaderOptions options, Reporter reporter, CancellationToken cancellationToken) =>
        FeedParser.ReadPapersParallelAsync(path, ParserOptions(path, options, reporter), cancellationToken: cancellationToken);

    /// <summary>The feeds of one text listing file, read on every core, for <c>parse</c>'s document form and <c>merge</c>.</summary>
    public static IAsyncEnumerable<Feed> ReadFeedsAsync(string path, FeedReaderOptions options, Reporter reporter, CancellationToken cancellationToken) =>
        new FeedReader(Reporting(options, reporter) with { Format = FeedFormat.TextListing, MaxDegreeOfParallelism = -1 })
            .ReadFeedsAsync(FeedInput.FromFile(path, Inputs.DisplayName(path)), cancellationToken);

    private static FeedReaderOptions Reporting(FeedReaderOptions options, Reporter reporter) =>
        options with { Diagnostics = options.Diagnostics with { OnDiagnostic = reporter.Report } };

    private static FeedParserOptions ParserOptions(string path, FeedReaderOptions options, Reporter reporter) =>
        new FeedReadContext(Reporting(options, reporter), Inputs.DisplayName(path)).ParserOptions;
}
