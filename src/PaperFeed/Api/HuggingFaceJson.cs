using System.Runtime.CompilerServices;
using PaperFeed.Api;

namespace PaperFeed;

/// <summary>
/// Reads the Hugging Face API's JSON: the array of <c>/api/daily_papers</c> (or of <c>/api/papers/search</c>),
/// the single paper object of <c>/api/papers/{id}</c>, a listing page's <c>data-props</c> (<c>{dateString | date,
/// dailyPapers}</c>), an archiver's wrapper (<c>{status, date, count, data}</c>), and JSON Lines of any of these (how
/// people archive them). Streaming: one top-level value is held at a time. Unknown properties are ignored; optional
/// ones may be missing, null, or of an unexpected type. See docs/inputs.md for the field mapping, how values group
/// into feeds, and the featured-day rule.
/// </summary>
internal static class HuggingFaceJson
{
    /// <summary>Reads papers lazily, in input order.</summary>
    /// <param name="utf8Json">UTF-8 JSON (a BOM is skipped); not disposed.</param>
    /// <param name="options">
    /// Options; <see cref="ReadSettings.OnDiagnostic"/>, <see cref="ReadSettings.Strict"/>,
    /// <see cref="ReadSettings.DuplicateSentences"/>, <see cref="ReadSettings.ListingDate"/> and
    /// <see cref="ReadSettings.SourceName"/> apply. Diagnostics give the line and column where the top-level
    /// value starts, and the JSON path inside it in their message.
    /// </param>
    /// <param name="cancellationToken">Stops reading between values.</param>
    /// <exception cref="FeedFormatException">(While enumerating.) The items are JSON strings, not objects
    /// (<see cref="DiagnosticCodes.StringItems"/>), a value is too large, or a warning in strict mode. A line of JSON
    /// Lines that is not JSON, or a document that breaks, is a warning (the rest is kept), not an exception.</exception>
    public static IAsyncEnumerable<Paper> ReadPapersAsync(Stream utf8Json, ReadSettings? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ReadPapersIterator(utf8Json, options ?? ReadSettings.Default, synchronous: false, cancellationToken);
    }

    /// <summary>Reads papers lazily on the caller's thread (synchronous reads of the stream).</summary>
    public static IEnumerable<Paper> ReadPapers(Stream utf8Json, ReadSettings options) =>
        IO.Synchronously.Enumerate(ReadPapersIterator(utf8Json, options, synchronous: true, CancellationToken.None));

    /// <summary>
    /// Reads feeds: one per listing. A document that is one array (a daily response), a listing page, a wrapper, and
    /// a JSON Lines line that is an array are one feed each; consecutive JSON Lines items form one feed per day of
    /// <c>paper.submittedOnDailyAt</c>. A feed's date is its page's or wrapper's own day, that day, or
    /// <see cref="ReadSettings.ListingDate"/>.
    /// </summary>
    /// <inheritdoc cref="ReadPapersAsync" path="/param"/>
    /// <inheritdoc cref="ReadPapersAsync" path="/exception"/>
    public static IAsyncEnumerable<Feed> ReadFeedsAsync(Stream utf8Json, ReadSettings? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ReadFeedsIterator(utf8Json, options ?? ReadSettings.Default, synchronous: false, cancellationToken);
    }

    /// <summary>Reads feeds lazily on the caller's thread (synchronous reads of the stream).</summary>
    public static IEnumerable<Feed> ReadFeeds(Stream utf8Json, ReadSettings options) =>
        IO.Synchronously.Enumerate(ReadFeedsIterator(utf8Json, options, synchronous: true, CancellationToken.None));

    /// <summary>Counts on the caller's thread (synchronous reads of the stream).</summary>
    internal static FeedStatistics Count(Stream stream, ReadSettings options) =>
        IO.Synchronously.Completed(CountCoreAsync(stream, options, synchronous: true, CancellationToken.None));

    /// <summary>Counts listings and papers as <see cref="ReadFeedsAsync"/> reads them, holding one paper at a time.</summary>
    internal static Task<FeedStatistics> CountAsync(Stream stream, ReadSettings options, CancellationToken cancellationToken) =>
        CountCoreAsync(stream, options, synchronous: false, cancellationToken);

    private static async Task<FeedStatistics> CountCoreAsync(Stream stream, ReadSettings options, bool synchronous, CancellationToken cancellationToken)
    {
        long feeds = 0, papers = 0, withMetadata = 0;
        var tally = new DiagnosticTally();
        var reader = new ApiListingReader(tally.Counting(options));
        await foreach (var item in reader.ReadAsync(stream, synchronous, cancellationToken).ConfigureAwait(false))
        {
            if (item is ApiFeedStart)
            {
                feeds++;
                continue;
            }
            var paper = (Paper)item;
            papers++;
            if (FeedStatistics.HasMetadata(paper)) withMetadata++;
        }
        return new FeedStatistics { Feeds = feeds, Papers = papers, PapersWithMetadata = withMetadata, Warnings = tally.Warnings, Infos = tally.Infos, Lines = reader.LineCount };
    }

    private static async IAsyncEnumerable<Paper> ReadPapersIterator(Stream stream, ReadSettings options, bool synchronous, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in new ApiListingReader(options).ReadAsync(stream, synchronous, cancellationToken).ConfigureAwait(false))
        {
            if (item is Paper paper) yield return paper;
        }
    }

    private static async IAsyncEnumerable<Feed> ReadFeedsIterator(Stream stream, ReadSettings options, bool synchronous, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ApiFeedStart? open = null;
        var papers = new List<Paper>();
        await foreach (var item in new ApiListingReader(options).ReadAsync(stream, synchronous, cancellationToken).ConfigureAwait(false))
        {
            if (item is Paper paper)
            {
                papers.Add(paper);
                continue;
            }
            if (open is not null) yield return new Feed { Date = open.Date, Period = open.Period, Papers = papers };
            open = (ApiFeedStart)item;
            papers = [];
        }
        if (open is not null) yield return new Feed { Date = open.Date, Period = open.Period, Papers = papers };
    }
}
