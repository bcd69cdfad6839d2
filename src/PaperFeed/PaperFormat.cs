namespace PaperFeed;

/// <summary>The input shapes <see cref="FeedReader"/> reads; detected from the first bytes unless forced. See docs/inputs.md.</summary>
internal enum PaperFormat
{
    /// <summary>The plain-text copy of the Daily Papers page (<see cref="FeedParser"/>, docs/format.md).</summary>
    TextListing,

    /// <summary>PaperFeed's own JSON document: an array of feeds or papers, or one feed or paper (<see cref="FeedJson"/>, docs/json.md).</summary>
    PaperFeedJson,

    /// <summary>PaperFeed's own JSON Lines: one paper (or feed) per line (<see cref="FeedJson"/>, docs/json.md).</summary>
    PaperFeedJsonLines,

    /// <summary>
    /// The Hugging Face API's JSON: an array of <c>/api/daily_papers</c> or <c>/api/papers/search</c> items, one
    /// <c>/api/papers/{id}</c> object, a listing page object, or JSON Lines of these (<see cref="HuggingFaceJson"/>).
    /// </summary>
    HuggingFaceApiJson,

    /// <summary>A saved Daily Papers HTML page; read by the PaperFeed.Html package.</summary>
    Html,

    /// <summary>
    /// A Markdown capture of the page (web-to-Markdown readers, <c>lynx -dump</c>-like tools): titles as
    /// <c>### [Title](https://huggingface.co/papers/…)</c> or <c>### [Title][32]</c>, other card parts as links (docs/format.md).
    /// </summary>
    MarkdownCapture,

    /// <summary>A clipper or notebook export of the page: each link's text on one line and its URL on the next (docs/format.md).</summary>
    ClipperCapture,
}
