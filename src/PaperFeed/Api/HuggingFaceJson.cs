using System.Runtime.CompilerServices;
using PaperFeed.Api;

namespace PaperFeed;

/// <summary>
/// Reads the Hugging Face API's JSON: the array of <c>/api/daily_papers</c> (or of <c>/api/papers/search</c>),
/// the single paper object of <c>/api/papers/{id}</c>, a listing page's <c>{dateString, dailyPapers}</c>, and
/// JSON Lines of any of these (how people archive them). Streaming: one item is held at a time. Unknown
/// properties are ignored; optional ones may be missing, null, or of an unexpected type. See docs/inputs.md
/// for the field mapping.
/// </summary>
public static class HuggingFaceJson
{
    /// <summary>Reads papers lazily, in input order.</summary>
    /// <param name="utf8Json">UTF-8 JSON (a BOM is skipped); not disposed.</param>
    /// <param name="options">
    /// Options; <see cref="FeedParserOptions.OnDiagnostic"/>, <see cref="FeedParserOptions.Strict"/>,
    /// <see cref="FeedParserOptions.DuplicateSentences"/> and <see cref="FeedParserOptions.SourceName"/> apply.
    /// Diagnostics give the item's 1-based position among the top-level values as their line.
    /// </param>
    /// <param name="cancellationToken">Stops reading between items.</param>
    /// <exception cref="FeedFormatException">(While enumerating.) The JSON is not well-formed (code
    /// <see cref="DiagnosticCodes.InvalidJson"/>, with the reader's line and byte column), or a warning in strict mode.</exception>
    public static IAsyncEnumerable<Paper> ReadPapersAsync(Stream utf8Json, FeedParserOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ReadPapersIterator(utf8Json, options ?? FeedParserOptions.Default, cancellationToken);
    }

    /// <summary>
    /// Reads feeds: one per listing page (<c>{dateString, dailyPapers}</c>, dated when it is a day), and one
    /// undated feed for each run of items or papers between pages.
    /// </summary>
    /// <inheritdoc cref="ReadPapersAsync" path="/param"/>
    /// <inheritdoc cref="ReadPapersAsync" path="/exception"/>
    public static IAsyncEnumerable<Feed> ReadFeedsAsync(Stream utf8Json, FeedParserOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ReadFeedsIterator(utf8Json, options ?? FeedParserOptions.Default, cancellationToken);
    }

    /// <summary>
    /// Reads the input as it is structured, for writers that stream: a feed per listing page, single papers for
    /// loose items, so that at most one page or one item is in memory (see <see cref="PaperReader"/>).
    /// </summary>
    internal static async IAsyncEnumerable<object> ReadItemsAsync(Stream stream, FeedParserOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= FeedParserOptions.Default;
        var mapper = new ApiPaperMapper(options);
        var papers = new List<Paper>();
        int position = 0;
        await foreach (var entry in ApiEntryReader.ReadAsync(stream, options, cancellationToken).ConfigureAwait(false))
        {
            mapper.AddPapers(entry, ++position, null, papers);
            if (entry.IsPage)
            {
                yield return ApiPaperMapper.PageFeed(entry, papers);
                papers = [];
                continue;
            }
            foreach (var paper in papers) yield return paper;
            papers.Clear();
        }
    }

    private static async IAsyncEnumerable<Paper> ReadPapersIterator(Stream stream, FeedParserOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var mapper = new ApiPaperMapper(options);
        var papers = new List<Paper>();
        int position = 0;
        await foreach (var entry in ApiEntryReader.ReadAsync(stream, options, cancellationToken).ConfigureAwait(false))
        {
            mapper.AddPapers(entry, ++position, null, papers);
            foreach (var paper in papers) yield return paper;
            papers.Clear();
        }
    }

    private static async IAsyncEnumerable<Feed> ReadFeedsIterator(Stream stream, FeedParserOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var mapper = new ApiPaperMapper(options);
        List<Paper>? loose = null;
        int position = 0;
        await foreach (var entry in ApiEntryReader.ReadAsync(stream, options, cancellationToken).ConfigureAwait(false))
        {
            position++;
            if (!entry.IsPage)
            {
                mapper.AddPapers(entry, position, null, loose ??= []);
                continue;
            }
            if (loose is not null)
            {
                yield return new Feed { Papers = loose };
                loose = null;
            }
            var papers = new List<Paper>();
            mapper.AddPapers(entry, position, null, papers);
            yield return ApiPaperMapper.PageFeed(entry, papers);
        }
        if (loose is not null) yield return new Feed { Papers = loose };
    }
}
