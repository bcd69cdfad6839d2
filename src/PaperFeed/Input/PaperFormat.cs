namespace PaperFeed;

/// <summary>The kinds of input PaperFeed reads; see <see cref="PaperReader"/>.</summary>
public enum PaperFormat
{
    /// <summary>Detect the kind from the first bytes (<see cref="PaperReader.Detect"/>).</summary>
    Auto,

    /// <summary>The plain-text copy of the Daily Papers page (see docs/format.md).</summary>
    Text,

    /// <summary>PaperFeed's own JSON: a document (feeds or papers) or JSON Lines (see docs/json.md).</summary>
    PaperFeedJson,
}
