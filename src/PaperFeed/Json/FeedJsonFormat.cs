namespace PaperFeed;

/// <summary>The two shapes of PaperFeed's JSON output (see docs/json.md).</summary>
public enum FeedJsonFormat
{
    /// <summary>One JSON document: an array of feeds, each with its papers.</summary>
    Document,

    /// <summary>JSON Lines: one paper per line, in input order, no enclosing array.</summary>
    JsonLines,
}
