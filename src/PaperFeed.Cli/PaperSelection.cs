namespace PaperFeed.Cli;

/// <summary>
/// What <c>--dedupe</c> and the filter options (<c>--min-upvotes</c>, <c>--match</c>, <c>--has-code</c>,
/// <c>--organization</c>, <c>--sort</c>, <c>--top</c>) keep: they choose papers and change nothing else, so a feed keeps
/// every feed-level field (date, period, title). Duplicates are dropped before the filter looks.
/// </summary>
internal sealed class PaperSelection(PaperDeduplicator? dedupe, PaperFilter? filter)
{
    /// <summary>True when every paper is kept, in input order (no <c>--dedupe</c>, no filter).</summary>
    public bool KeepsAll => dedupe is null && filter is null;

    /// <summary>True when the order or the count of kept papers depends on a whole list (<c>--sort</c>, <c>--top</c>).</summary>
    public bool NeedsWholeFeeds => filter is { SortBy: not null } or { Top: not null };

    /// <summary>The feed with only the papers kept, in the filter's order; every other field as it was.</summary>
    public Feed Within(Feed feed)
    {
        if (dedupe is null && filter is null) return feed;
        IEnumerable<Paper> papers = dedupe is null ? feed.Papers : feed.Papers.Where(dedupe.TryAdd);
        return feed with { Papers = (filter is null ? papers : filter.Apply(papers)).ToList() };
    }

    /// <summary>Whether a paper that comes alone (not in a feed) is kept; only when <see cref="NeedsWholeFeeds"/> is false.</summary>
    public bool Keeps(Paper paper) => (dedupe is null || dedupe.TryAdd(paper)) && (filter is null || filter.IsMatch(paper));

    /// <summary>The papers kept from a stream of papers of all inputs (<c>--sort</c> and <c>--top</c> across them).</summary>
    public IAsyncEnumerable<Paper> Across(IAsyncEnumerable<Paper> papers, CancellationToken cancellationToken)
    {
        if (dedupe is not null) papers = papers.Where(dedupe.TryAdd);
        return filter is null ? papers : filter.ApplyAsync(papers, cancellationToken);
    }
}
