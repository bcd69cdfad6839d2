using System.Runtime.CompilerServices;
using PaperFeed.Text;

namespace PaperFeed;

/// <summary>
/// Reads the plain-text copy of the Hugging Face Daily Papers listing, streaming: papers come out as soon as
/// each entry is complete, whatever the size of the input (concatenated snapshots included). See docs/format.md
/// for the format and every quirk handled.
/// </summary>
public static partial class FeedParser
{
    /// <summary>Reads papers lazily: the first paper comes out before the rest of the input is read.</summary>
    /// <param name="reader">The text; not disposed.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.Default"/> when null.</param>
    /// <exception cref="FeedFormatException">(While enumerating.) The input is not text, or a warning in strict mode.</exception>
    public static IEnumerable<Paper> ReadPapers(TextReader reader, FeedParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadIterator(() => ParseSession.Of(reader, options ?? FeedParserOptions.Default, EntryOutput.Papers), TakePaper);
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
        return ReadAsyncIterator(() => ParseSession.Of(stream, options ?? FeedParserOptions.Default, EntryOutput.Papers), TakePaper, cancellationToken);
    }

    /// <summary>Reads one <see cref="Feed"/> per snapshot, each as soon as the next one starts.</summary>
    /// <param name="reader">The text; not disposed.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.Default"/> when null.</param>
    public static IEnumerable<Feed> ReadFeeds(TextReader reader, FeedParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadIterator(() => ParseSession.Of(reader, options ?? FeedParserOptions.Default, EntryOutput.Feeds), TakeFeed);
    }

    /// <summary>Reads one <see cref="Feed"/> per snapshot from UTF-8 bytes.</summary>
    /// <param name="stream">The bytes; not disposed.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the parse between reads.</param>
    public static IAsyncEnumerable<Feed> ReadFeedsAsync(Stream stream, FeedParserOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadAsyncIterator(() => ParseSession.Of(stream, options ?? FeedParserOptions.Default, EntryOutput.Feeds), TakeFeed, cancellationToken);
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
        using var session = ParseSession.Of(reader, options ?? FeedParserOptions.Default, EntryOutput.Count);
        while (session.Advance()) { }
        return session.Assembler.Statistics;
    }

    /// <summary>Counts snapshots, papers and diagnostics in UTF-8 bytes without materialising any paper.</summary>
    /// <param name="stream">The bytes; not disposed.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the count between reads.</param>
    public static async Task<FeedStatistics> CountAsync(Stream stream, FeedParserOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var session = ParseSession.Of(stream, options ?? FeedParserOptions.Default, EntryOutput.Count);
        while (await session.AdvanceAsync(cancellationToken).ConfigureAwait(false)) { }
        return session.Assembler.Statistics;
    }

    /// <summary>Takes the next finished paper or feed out of the grammar; false when none is ready.</summary>
    private delegate bool Take<TItem>(AssemblerBase assembler, out TItem item);

    private static readonly Take<Paper> TakePaper = static (AssemblerBase assembler, out Paper paper) => assembler.TryTakePaper(out paper);

    private static readonly Take<Feed> TakeFeed = static (AssemblerBase assembler, out Feed feed) => assembler.TryTakeFeed(out feed);

    private static IEnumerable<TItem> ReadIterator<T, TUnits, TItem>(Func<ParseSession<T, TUnits>> start, Take<TItem> take)
        where T : unmanaged, IEquatable<T>
        where TUnits : ITextUnits<T>
    {
        using (var session = start())
        {
            while (session.Advance())
            {
                while (take(session.Assembler, out var item)) yield return item;
            }
        }
    }

    private static async IAsyncEnumerable<TItem> ReadAsyncIterator<T, TUnits, TItem>(Func<ParseSession<T, TUnits>> start, Take<TItem> take,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : unmanaged, IEquatable<T>
        where TUnits : ITextUnits<T>
    {
        using (var session = start())
        {
            while (await session.AdvanceAsync(cancellationToken).ConfigureAwait(false))
            {
                while (take(session.Assembler, out var item)) yield return item;
            }
        }
    }
}
