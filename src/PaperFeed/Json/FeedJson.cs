using System.Runtime.CompilerServices;
using System.Text.Json;
using PaperFeed.Json;

namespace PaperFeed;

/// <summary>
/// PaperFeed's own JSON, both ways: writes feeds and papers (see <see cref="FeedJsonWriter"/>) and reads them back
/// into records equal to the ones written, streaming. The contract is in docs/json.md and in the JSON Schema
/// <see cref="GetSchema"/> returns.
/// </summary>
public static partial class FeedJson
{
    /// <summary>Writes papers as JSON Lines (one paper per line), streaming.</summary>
    /// <param name="stream">The destination; flushed, not disposed.</param>
    /// <param name="papers">The papers, written in order as they are enumerated.</param>
    public static void WritePapers(Stream stream, IEnumerable<Paper> papers)
    {
        ArgumentNullException.ThrowIfNull(papers);
        using var writer = new FeedJsonWriter(stream, FeedJsonFormat.JsonLines, leaveOpen: true);
        foreach (var paper in papers) writer.WritePaper(paper);
        writer.Complete();
    }

    /// <inheritdoc cref="WritePapers"/>
    /// <param name="stream">The destination; flushed, not disposed.</param>
    /// <param name="papers">The papers, written in order as they arrive.</param>
    /// <param name="cancellationToken">Stops between papers.</param>
    public static async Task WritePapersAsync(Stream stream, IAsyncEnumerable<Paper> papers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(papers);
        await using var writer = new FeedJsonWriter(stream, FeedJsonFormat.JsonLines, leaveOpen: true);
        await foreach (var paper in papers.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await writer.WritePaperAsync(paper, cancellationToken).ConfigureAwait(false);
        }
        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes feeds as one JSON document (an array of feeds), streaming paper by paper.</summary>
    /// <param name="stream">The destination; flushed, not disposed.</param>
    /// <param name="feeds">The feeds, written in order as they are enumerated.</param>
    /// <param name="indented">Indent for people.</param>
    public static void WriteFeeds(Stream stream, IEnumerable<Feed> feeds, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        using var writer = new FeedJsonWriter(stream, FeedJsonFormat.Document, indented, leaveOpen: true);
        foreach (var feed in feeds) writer.WriteFeed(feed);
        writer.Complete();
    }

    /// <inheritdoc cref="WriteFeeds"/>
    /// <param name="stream">The destination; flushed, not disposed.</param>
    /// <param name="feeds">The feeds, written in order as they arrive.</param>
    /// <param name="indented">Indent for people.</param>
    /// <param name="cancellationToken">Stops between papers.</param>
    public static async Task WriteFeedsAsync(Stream stream, IAsyncEnumerable<Feed> feeds, bool indented = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        await using var writer = new FeedJsonWriter(stream, FeedJsonFormat.Document, indented, leaveOpen: true);
        await foreach (var feed in feeds.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteFeedAsync(feed, cancellationToken).ConfigureAwait(false);
        }
        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads PaperFeed JSON back into papers, streaming: a document (an array of feeds, a single feed, an array of
    /// papers or a single paper) or JSON Lines (one feed or paper per line). Memory stays at the size of the
    /// largest top-level value (a paper, or a whole feed when the input holds feeds).
    /// </summary>
    /// <param name="stream">UTF-8 JSON (a BOM is skipped); not disposed.</param>
    /// <param name="options">Only <see cref="ReadSettings.SourceName"/> applies: it names the input in errors.</param>
    /// <param name="cancellationToken">Stops between reads.</param>
    /// <exception cref="FeedFormatException">
    /// (While enumerating.) The input is not valid JSON or not PaperFeed's shape (<see cref="DiagnosticCodes.InvalidJson"/>),
    /// with the line and byte column of the problem.
    /// </exception>
    internal static IAsyncEnumerable<Paper> ReadPapersAsync(Stream stream, ReadSettings? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadPapersCoreAsync(stream, options, synchronous: false, cancellationToken);
    }

    /// <summary>Reads papers on the caller's thread (synchronous reads of the stream).</summary>
    internal static IEnumerable<Paper> ReadPapers(Stream stream, ReadSettings? options) =>
        IO.Synchronously.Enumerate(ReadPapersCoreAsync(stream, options, synchronous: true, CancellationToken.None));

    private static async IAsyncEnumerable<Paper> ReadPapersCoreAsync(Stream stream, ReadSettings? options, bool synchronous, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in ReadItemsCoreAsync(stream, options, synchronous, cancellationToken).ConfigureAwait(false))
        {
            if (item.Feed is { } feed)
            {
                foreach (var paper in feed.Papers) yield return paper;
            }
            else
            {
                yield return item.Paper!;
            }
        }
    }

    /// <summary>
    /// Reads PaperFeed JSON back into feeds, streaming feed by feed. Input that holds papers rather than feeds
    /// (JSON Lines, an array of papers) gives one feed per run of consecutive papers featured on the same day,
    /// dated by that day: the inverse of <see cref="FeedJsonWriter.WritePaper"/>.
    /// </summary>
    /// <inheritdoc cref="ReadPapersAsync" path="/param"/>
    /// <inheritdoc cref="ReadPapersAsync" path="/exception"/>
    internal static IAsyncEnumerable<Feed> ReadFeedsAsync(Stream stream, ReadSettings? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadFeedsCoreAsync(stream, options, synchronous: false, cancellationToken);
    }

    /// <summary>Reads feeds on the caller's thread (synchronous reads of the stream).</summary>
    internal static IEnumerable<Feed> ReadFeeds(Stream stream, ReadSettings? options) =>
        IO.Synchronously.Enumerate(ReadFeedsCoreAsync(stream, options, synchronous: true, CancellationToken.None));

    private static async IAsyncEnumerable<Feed> ReadFeedsCoreAsync(Stream stream, ReadSettings? options, bool synchronous, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<Paper>? run = null;
        await foreach (var item in ReadItemsCoreAsync(stream, options, synchronous, cancellationToken).ConfigureAwait(false))
        {
            if (item.Paper is { } paper && (run is null || run[0].Featured == paper.Featured))
            {
                (run ??= []).Add(paper);
                continue;
            }
            if (run is not null)
            {
                yield return new Feed { Date = run[0].Featured, Papers = run };
                run = null;
            }
            if (item.Feed is { } feed) yield return feed;
            else run = [item.Paper!];
        }
        if (run is not null) yield return new Feed { Date = run[0].Featured, Papers = run };
    }

    /// <summary>
    /// The top-level values as the input holds them, each a <see cref="Feed"/> or a <see cref="Paper"/>: one value in
    /// memory at a time, even for loose papers that <see cref="ReadFeedsAsync"/> would gather into a feed.
    /// </summary>
    internal static IAsyncEnumerable<FeedItem> ReadItemsAsync(Stream stream, ReadSettings? options, CancellationToken cancellationToken) =>
        ReadItemsCoreAsync(stream, options, synchronous: false, cancellationToken);

    /// <summary>The top-level values, read on the caller's thread (synchronous reads of the stream).</summary>
    internal static IEnumerable<FeedItem> ReadItems(Stream stream, ReadSettings? options) =>
        IO.Synchronously.Enumerate(ReadItemsCoreAsync(stream, options, synchronous: true, CancellationToken.None));

    private static async IAsyncEnumerable<FeedItem> ReadItemsCoreAsync(Stream stream, ReadSettings? options, bool synchronous, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var splitter = new JsonValueSplitter(stream, options?.SourceName, synchronous: synchronous);
        while (await splitter.ReadAsync(cancellationToken).ConfigureAwait(false) is { } value)
        {
            var item = Deserialize(splitter, value.Span);
            yield return item.Feed is { } feed ? new FeedItem(feed) : new FeedItem(item.Paper!);
        }
    }

    /// <summary>
    /// Counts feeds, papers and papers with metadata (an author count or a published date) in PaperFeed JSON, one
    /// value at a time. <see cref="FeedStatistics.Lines"/> is the number of lines of the input.
    /// </summary>
    /// <inheritdoc cref="ReadPapersAsync" path="/param"/>
    /// <inheritdoc cref="ReadPapersAsync" path="/exception"/>
    internal static Task<FeedStatistics> CountAsync(Stream stream, ReadSettings? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return CountCoreAsync(stream, options, synchronous: false, cancellationToken);
    }

    /// <summary>Counts on the caller's thread (synchronous reads of the stream).</summary>
    internal static FeedStatistics Count(Stream stream, ReadSettings? options) =>
        IO.Synchronously.Completed(CountCoreAsync(stream, options, synchronous: true, CancellationToken.None));

    private static async Task<FeedStatistics> CountCoreAsync(Stream stream, ReadSettings? options, bool synchronous, CancellationToken cancellationToken)
    {
        using var splitter = new JsonValueSplitter(stream, options?.SourceName, synchronous: synchronous);
        var tally = new FeedTally();
        while (await splitter.ReadAsync(cancellationToken).ConfigureAwait(false) is { } value)
        {
            var item = Deserialize(splitter, value.Span);
            // Loose papers count as ReadFeedsAsync groups them: one feed per run of the same featured day.
            if (item.Feed is { } feed) tally.Add(feed);
            else tally.AddLoose(item.Paper!);
        }
        return tally.Statistics(splitter.LineCount);
    }

    /// <summary>
    /// The JSON Schema (draft 2020-12) of the document form, an array of feeds, generated from the records; the
    /// same text as docs/paperfeed.schema.json and <c>paperfeed schema</c>.
    /// </summary>
    public static string GetSchema() => FeedJsonSchema.Text;

    private static (Feed? Feed, Paper? Paper) Deserialize(JsonValueSplitter splitter, ReadOnlySpan<byte> value)
    {
        try
        {
            return IsFeed(value)
                ? (JsonSerializer.Deserialize(value, PaperFeedJsonContext.Default.Feed) ?? throw new JsonException("A feed cannot be null."), null)
                : (null, JsonSerializer.Deserialize(value, PaperFeedJsonContext.Default.Paper) ?? throw new JsonException("A paper cannot be null."));
        }
        catch (JsonException exception)
        {
            throw splitter.Wrap(exception);
        }
    }

    /// <summary>A feed is an object with a <c>papers</c> property; anything else is read as a paper.</summary>
    private static bool IsFeed(ReadOnlySpan<byte> value)
    {
        var reader = new Utf8JsonReader(value);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("papers"u8)) return true;
            reader.Read();
            reader.Skip();
        }
        return false;
    }
}
