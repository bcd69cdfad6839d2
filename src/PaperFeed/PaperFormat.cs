namespace PaperFeed;

/// <summary>The input shapes <see cref="PaperReader"/> reads; detected from the first bytes unless forced.</summary>
public enum PaperFormat
{
    /// <summary>The plain-text copy of the Daily Papers page (<see cref="FeedParser"/>, docs/format.md).</summary>
    TextListing,

    /// <summary>PaperFeed's own JSON document: an array of feeds or papers, or one feed or paper (<see cref="FeedJson"/>, docs/json.md).</summary>
    PaperFeedJson,

    /// <summary>PaperFeed's own JSON Lines: one paper (or feed) per line (<see cref="FeedJson"/>, docs/json.md).</summary>
    PaperFeedJsonLines,
}
