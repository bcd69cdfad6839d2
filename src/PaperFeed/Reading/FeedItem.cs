namespace PaperFeed;

/// <summary>
/// One item of <see cref="FeedReader.ReadItemsAsync"/>: a whole <see cref="Feed"/> where the input has feeds, or one
/// loose <see cref="Paper"/> where it holds papers outside any feed (JSON Lines, an array of API items). Exactly one is set.
/// </summary>
public readonly record struct FeedItem
{
    /// <summary>An item that is a whole feed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="feed"/> is null.</exception>
    public FeedItem(Feed feed) => Feed = feed ?? throw new ArgumentNullException(nameof(feed));

    /// <summary>An item that is a loose paper.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="paper"/> is null.</exception>
    public FeedItem(Paper paper) => Paper = paper ?? throw new ArgumentNullException(nameof(paper));

    /// <summary>The feed, when the item is one.</summary>
    public Feed? Feed { get; }

    /// <summary>The paper, when the item is a loose paper.</summary>
    public Paper? Paper { get; }
}
