namespace PaperFeed.Export;

/// <summary>Feed-level settings of an export. Immutable: derive variants with <c>with { … }</c>.</summary>
public sealed record ExportOptions
{
    /// <summary>The options used when none are given.</summary>
    public static ExportOptions Default { get; } = new();

    /// <summary>The feed's title; <c>Daily Papers</c> by default.</summary>
    public string Title { get; init; } = Feed.DefaultTitle;

    /// <summary>The feed's description (RSS requires one); a fixed sentence by default.</summary>
    public string Description { get; init; } = "Papers from the Hugging Face Daily Papers listing.";

    /// <summary>The page the feed is about, also the Atom feed id; the Daily Papers listing by default.</summary>
    public string HomePageUrl { get; init; } = "https://huggingface.co/papers";

    /// <summary>Where the feed itself will be published (Atom <c>self</c> link, JSON Feed <c>feed_url</c>), when known.</summary>
    public string? FeedUrl { get; init; }
}
