namespace PaperFeed;

/// <summary>
/// Keeps the first of papers that are the same paper (<see cref="PaperIdentity"/>), in one pass: the rule behind
/// <c>paperfeed parse --dedupe</c>, <see cref="PaperMerger"/> and <see cref="PaperDiff"/>. Memory grows with the number
/// of distinct papers, not with the input. Not thread safe.
/// </summary>
public sealed class PaperDeduplicator
{
    private readonly IdentityIndex<bool> _seen = new();

    /// <summary>Papers seen so far that were kept.</summary>
    public int Count => _seen.Count;

    /// <summary>Records <paramref name="paper"/>; true when it is the first of its identity (keep it), false for a duplicate.</summary>
    public bool TryAdd(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return _seen.TryAdd(paper, true);
    }
}
