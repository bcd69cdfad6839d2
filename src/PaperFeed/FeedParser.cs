using PaperFeed.Text;

namespace PaperFeed;

/// <summary>
/// Reads the plain-text copy of the Hugging Face Daily Papers listing, streaming: papers come out as soon as
/// each entry is complete, whatever the size of the input (concatenated snapshots included). See docs/format.md
/// for the format and every quirk handled.
/// </summary>
[Obsolete("Use FeedReader, the one door: new FeedReader(options).ReadPapers(FeedInput.FromReader(reader)), ReadFeedsAsync(FeedInput.FromStream(stream)), Count(…). FeedParser stays in 1.x as a wrapper; see docs/api.md.")]
public static partial class FeedParser
{
    /// <summary>Reads papers lazily: the first paper comes out before the rest of the input is read.</summary>
    /// <param name="reader">The text; not disposed.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.Default"/> when null.</param>
    /// <exception cref="FeedFormatException">(While enumerating.) The input is not text, or a warning in strict mode.</exception>
    public static IEnumerable<Paper> ReadPapers(TextReader reader, FeedParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ListingReads.Papers(reader, Settings(options));
    }

    /// <summary>
    /// Reads papers lazily from UTF-8 bytes (a BOM is skipped; invalid bytes become U+FFFD with a warning that
    /// names the line).
    /// </summary>
    /// <param name="stream">The bytes; not disposed.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the parse between reads.</param>
    public static IAsyncEnumerable<Paper> ReadPapersAsync(Stream stream, FeedParserOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ListingReads.PapersAsync(stream, Settings(options), cancellationToken);
    }

    /// <summary>Reads one <see cref="Feed"/> per snapshot, each as soon as the next one starts.</summary>
    /// <param name="reader">The text; not disposed.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.Default"/> when null.</param>
    public static IEnumerable<Feed> ReadFeeds(TextReader reader, FeedParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ListingReads.Feeds(reader, Settings(options));
    }

    /// <summary>Reads one <see cref="Feed"/> per snapshot from UTF-8 bytes.</summary>
    /// <param name="stream">The bytes; not disposed.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the parse between reads.</param>
    public static IAsyncEnumerable<Feed> ReadFeedsAsync(Stream stream, FeedParserOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ListingReads.FeedsAsync(stream, Settings(options), cancellationToken);
    }

    /// <summary>Parses a whole listing held in a string.</summary>
    /// <exception cref="FeedFormatException">The input is not text, or a warning in strict mode.</exception>
    public static IReadOnlyList<Feed> Parse(string text, FeedParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return ReadFeeds(reader, options).ToList();
    }

    /// <summary>Counts snapshots, papers and diagnostics without materialising any paper (the path behind <c>paperfeed stats</c>).</summary>
    /// <param name="reader">The text; not disposed.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.Default"/> when null.</param>
    public static FeedStatistics Count(TextReader reader, FeedParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ListingReads.Count(reader, Settings(options));
    }

    /// <summary>Counts snapshots, papers and diagnostics in UTF-8 bytes without materialising any paper.</summary>
    /// <param name="stream">The bytes; not disposed.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the count between reads.</param>
    public static Task<FeedStatistics> CountAsync(Stream stream, FeedParserOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ListingReads.CountAsync(stream, Settings(options), cancellationToken);
    }

    private static ReadSettings Settings(FeedParserOptions? options) => (options ?? FeedParserOptions.Default).ToSettings();
}
