namespace PaperFeed;

/// <summary>
/// Keeps the first of papers that are the same paper (<see cref="PaperIdentity.SamePaper"/>), in one pass.
/// Memory grows with the number of distinct papers, not with the input. Not thread safe.
/// </summary>
public sealed class PaperDeduplicator
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    // Normalised title → whether a paper without an arXiv id had it (such a paper matches any later one by title).
    private readonly Dictionary<string, bool> _titles = new(StringComparer.Ordinal);

    /// <summary>Papers seen so far that were kept.</summary>
    public int Count { get; private set; }

    /// <summary>Records <paramref name="paper"/>; true when it is the first of its identity (keep it), false for a duplicate.</summary>
    public bool TryAdd(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        string title = PaperIdentity.NormalizeTitle(paper.Title);
        string? id = paper.ArxivId is { } arxivId ? PaperIdentity.NormalizeArxivId(arxivId) : null;
        bool duplicate = id is null
            ? _titles.ContainsKey(title)
            : _ids.Contains(id) || (_titles.TryGetValue(title, out bool seenWithoutId) && seenWithoutId);
        if (id is not null) _ids.Add(id);
        _titles[title] = (_titles.TryGetValue(title, out bool without) && without) || id is null;
        if (!duplicate) Count++;
        return !duplicate;
    }
}
