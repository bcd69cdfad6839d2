namespace PaperFeed;

/// <summary>The input shapes <see cref="PaperReader"/> reads; detected from the first bytes unless forced. See docs/inputs.md.</summary>
public enum PaperFormat
{
    /// <summary>The plain-text copy of the Daily Papers page (<see cref="FeedParser"/>).</summary>
    TextListing,

    /// <summary>The saved HTML page; needs the PaperFeed.Html package.</summary>
    Html,

    /// <summary>The Hugging Face API's JSON: an array of items or papers, one object, or JSON Lines of them (<see cref="HuggingFaceJson"/>).</summary>
    HuggingFaceApiJson,

    /// <summary>PaperFeed's own JSON output (one document).</summary>
    PaperFeedJson,

    /// <summary>PaperFeed's own JSON Lines output (one value per line).</summary>
    PaperFeedJsonLines,
}
