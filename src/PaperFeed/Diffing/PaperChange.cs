namespace PaperFeed;

/// <summary>One line of a <see cref="PaperDiff"/>: a paper added, removed or changed.</summary>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Paper">The new copy (the old one for <see cref="PaperChangeKind.Removed"/>).</param>
/// <param name="Changes">The changed fields, in <see cref="Paper"/>'s property order; empty unless changed.</param>
public sealed record PaperChange(PaperChangeKind Kind, Paper Paper, IReadOnlyList<PaperFieldChange> Changes)
{
    /// <summary>The paper's title.</summary>
    public string Title => Paper.Title;

    /// <summary>The paper's arXiv id without version, when known.</summary>
    public string? ArxivId => Paper.GetCanonicalArxivId();

    /// <inheritdoc />
    public bool Equals(PaperChange? other) =>
        other is not null && Kind == other.Kind && Paper == other.Paper && SequenceEquality.Equal(Changes, other.Changes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Paper, SequenceEquality.Hash(Changes));
}
