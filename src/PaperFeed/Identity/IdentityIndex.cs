namespace PaperFeed;

/// <summary>
/// Finds the entry of the same paper (<see cref="PaperIdentity"/>) in O(1): one map by arXiv id, one by normalised
/// title. An entry first seen without an id gains one when a later copy brings it, so the text copy and the API copy
/// of a paper meet whatever their order.
/// </summary>
internal sealed class IdentityIndex<T>
{
    private readonly Dictionary<string, Slot> _byArxivId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Slot> _byTitle = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    /// <summary>Finds the entry of <paramref name="paper"/>'s paper.</summary>
    public bool TryGetValue(Paper paper, out T value) => TryGetValue(paper, PaperIdentity.NormalizeTitle(paper.Title), out value);

    /// <summary>Finds the entry of <paramref name="paper"/>'s paper, whose title normalised is <paramref name="normalizedTitle"/>.</summary>
    public bool TryGetValue(Paper paper, string normalizedTitle, out T value)
    {
        var slot = Find(PaperIdentity.ArxivKey(paper), normalizedTitle);
        value = slot is null ? default! : slot.Value;
        return slot is not null;
    }

    /// <summary>Adds an entry unless the paper already has one (then learns its arXiv id); true when added.</summary>
    public bool TryAdd(Paper paper, T value) => TryAdd(paper, PaperIdentity.NormalizeTitle(paper.Title), value);

    /// <summary><see cref="TryAdd(Paper, T)"/> for a paper whose title normalised is <paramref name="normalizedTitle"/>.</summary>
    public bool TryAdd(Paper paper, string normalizedTitle, T value)
    {
        GetOrAdd(paper, normalizedTitle, () => value, out bool added);
        return added;
    }

    /// <summary>
    /// Returns the entry of the paper, whose title normalised (<see cref="PaperIdentity.NormalizeTitle"/>) is
    /// <paramref name="normalizedTitle"/>, or adds one made by <paramref name="create"/>; learns a new arXiv id either
    /// way. Callers that need the normalised title again pass theirs, so a title is normalised once per copy.
    /// </summary>
    public T GetOrAdd(Paper paper, string normalizedTitle, Func<T> create, out bool added)
    {
        string? id = PaperIdentity.ArxivKey(paper);
        var slot = Find(id, normalizedTitle);
        added = slot is null;
        if (slot is null) return Add(id, normalizedTitle, create()).Value;
        if (slot.ArxivId is null && id is not null)
        {
            slot.ArxivId = id;
            _byArxivId.TryAdd(id, slot);
        }
        return slot.Value;
    }

    private Slot? Find(string? id, string title)
    {
        if (id is not null && _byArxivId.TryGetValue(id, out var byId)) return byId;
        // A title match counts unless both sides have ids (then they differ, or the id lookup would have hit).
        return _byTitle.TryGetValue(title, out var byTitle) && (id is null || byTitle.ArxivId is null) ? byTitle : null;
    }

    private Slot Add(string? id, string title, T value)
    {
        var slot = new Slot(value, id);
        if (id is not null) _byArxivId.TryAdd(id, slot);
        _byTitle.TryAdd(title, slot);
        Count++;
        return slot;
    }

    private sealed class Slot(T value, string? arxivId)
    {
        public T Value { get; } = value;

        public string? ArxivId { get; set; } = arxivId;
    }
}
