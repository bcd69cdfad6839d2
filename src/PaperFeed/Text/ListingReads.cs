using System.Runtime.CompilerServices;

namespace PaperFeed.Text;

/// <summary>
/// The text listing's reads over one <see cref="ParseSession{T, TUnits}"/>: papers, feeds and counts, sync on the
/// caller's thread and async, from UTF-8 bytes or a <see cref="TextReader"/>. Every public entry (the text format of
/// <see cref="FeedReader"/>, and the older <see cref="FeedParser"/>) reads through here.
/// </summary>
internal static class ListingReads
{
    /// <summary>Takes the next finished paper or feed out of the grammar; false when none is ready.</summary>
    private delegate bool Take<TItem>(AssemblerBase assembler, out TItem item);

    private static readonly Take<Paper> TakePaper = static (AssemblerBase assembler, out Paper paper) => assembler.TryTakePaper(out paper);

    private static readonly Take<Feed> TakeFeed = static (AssemblerBase assembler, out Feed feed) => assembler.TryTakeFeed(out feed);

    public static IEnumerable<Paper> Papers(Stream utf8, ReadSettings settings) =>
        Iterate(() => ParseSession.Of(utf8, settings, EntryOutput.Papers), TakePaper);

    public static IEnumerable<Paper> Papers(TextReader reader, ReadSettings settings) =>
        Iterate(() => ParseSession.Of(reader, settings, EntryOutput.Papers), TakePaper);

    public static IEnumerable<Feed> Feeds(Stream utf8, ReadSettings settings) =>
        Iterate(() => ParseSession.Of(utf8, settings, EntryOutput.Feeds), TakeFeed);

    public static IEnumerable<Feed> Feeds(TextReader reader, ReadSettings settings) =>
        Iterate(() => ParseSession.Of(reader, settings, EntryOutput.Feeds), TakeFeed);

    public static IAsyncEnumerable<Paper> PapersAsync(Stream utf8, ReadSettings settings, CancellationToken cancellationToken) =>
        IterateAsync(() => ParseSession.Of(utf8, settings, EntryOutput.Papers), TakePaper, cancellationToken);

    public static IAsyncEnumerable<Feed> FeedsAsync(Stream utf8, ReadSettings settings, CancellationToken cancellationToken) =>
        IterateAsync(() => ParseSession.Of(utf8, settings, EntryOutput.Feeds), TakeFeed, cancellationToken);

    public static FeedStatistics Count(Stream utf8, ReadSettings settings)
    {
        using var session = ParseSession.Of(utf8, settings, EntryOutput.Count);
        while (session.Advance()) { }
        return session.Assembler.Statistics;
    }

    public static FeedStatistics Count(TextReader reader, ReadSettings settings)
    {
        using var session = ParseSession.Of(reader, settings, EntryOutput.Count);
        while (session.Advance()) { }
        return session.Assembler.Statistics;
    }

    public static async Task<FeedStatistics> CountAsync(Stream utf8, ReadSettings settings, CancellationToken cancellationToken)
    {
        using var session = ParseSession.Of(utf8, settings, EntryOutput.Count);
        while (await session.AdvanceAsync(cancellationToken).ConfigureAwait(false)) { }
        return session.Assembler.Statistics;
    }

    private static IEnumerable<TItem> Iterate<T, TUnits, TItem>(Func<ParseSession<T, TUnits>> start, Take<TItem> take)
        where T : unmanaged, IEquatable<T>
        where TUnits : ITextUnits<T>
    {
        using var session = start();
        while (session.Advance())
        {
            while (take(session.Assembler, out var item)) yield return item;
        }
    }

    private static async IAsyncEnumerable<TItem> IterateAsync<T, TUnits, TItem>(Func<ParseSession<T, TUnits>> start, Take<TItem> take,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : unmanaged, IEquatable<T>
        where TUnits : ITextUnits<T>
    {
        using var session = start();
        while (await session.AdvanceAsync(cancellationToken).ConfigureAwait(false))
        {
            while (take(session.Assembler, out var item)) yield return item;
        }
    }
}
