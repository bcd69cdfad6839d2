namespace PaperFeed;

/// <summary>Element-wise equality for the lists inside records, so that records compare by value.</summary>
internal static class SequenceEquality
{
    public static bool Equal<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right)
    {
        if (ReferenceEquals(left, right)) return true;
        if (left is null || right is null) return (left?.Count ?? 0) == 0 && (right?.Count ?? 0) == 0;
        if (left.Count != right.Count) return false;
        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i])) return false;
        }
        return true;
    }

    public static int Hash<T>(IReadOnlyList<T>? list)
    {
        if (list is null) return 0;
        var hash = new HashCode();
        hash.Add(list.Count);
        // The first few elements are enough to spread hashes; equality still checks them all.
        for (int i = 0; i < list.Count && i < 8; i++) hash.Add(list[i]);
        return hash.ToHashCode();
    }
}
