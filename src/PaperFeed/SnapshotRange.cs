namespace PaperFeed;

/// <summary>
/// A byte range of a dump that starts where a snapshot starts (or at the start of the input) and ends where the
/// next range starts: a valid input split, which parses on its own to exactly what it holds in the whole dump.
/// </summary>
/// <param name="Offset">The first byte, from the start of the input.</param>
/// <param name="Length">The number of bytes.</param>
/// <param name="FirstLine">The 1-based number, in the whole input, of the range's first line.</param>
public readonly record struct SnapshotRange(long Offset, long Length, long FirstLine)
{
    /// <summary>The offset just past the range.</summary>
    public long End => Offset + Length;
}
