namespace PaperFeed;

/// <summary>What happened to a paper between two observations.</summary>
public enum PaperChangeKind
{
    /// <summary>In the new observation only.</summary>
    Added,

    /// <summary>In the old observation only.</summary>
    Removed,

    /// <summary>In both, with at least one field changed.</summary>
    Changed,
}
