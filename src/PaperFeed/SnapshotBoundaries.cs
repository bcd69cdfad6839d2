using PaperFeed.Partitioning;

namespace PaperFeed;

/// <summary>
/// Finds where snapshots start in a UTF-8 dump, so it can be cut into pieces that parse independently: the
/// input splits of a parallel or distributed job. A cut is only ever made before a header line the parser is sure
/// to read as the start of a new snapshot, so parsing the pieces one by one gives exactly the papers, feeds and
/// diagnostics of parsing the whole (line numbers offset by <see cref="SnapshotRange.FirstLine"/> − 1).
/// </summary>
[Obsolete("Use FeedReader.SplitSnapshots and FeedReader.FindSnapshotStart, which cut as the reader's options read; see docs/api.md.")]
public static class SnapshotBoundaries
{
    /// <summary>
    /// Reads <paramref name="stream"/> from its current position to its end and cuts it into consecutive ranges of
    /// at least <paramref name="targetLength"/> bytes (the last may be shorter, a snapshot longer than the target is
    /// never cut), each starting on a snapshot start. Lazy: each range comes out as soon as its end is found, so
    /// work on it can start while the scan goes on. Offsets are relative to the position the stream had.
    /// </summary>
    /// <param name="stream">The UTF-8 dump; read sequentially, not disposed.</param>
    /// <param name="targetLength">The length to reach before cutting; 1 cuts before every snapshot.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="targetLength"/> is less than 1.</exception>
    public static IEnumerable<SnapshotRange> Split(Stream stream, long targetLength)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetLength, 1);
        return SnapshotCuts.Split(stream, targetLength, ReadSettings.Default);
    }

    /// <summary>
    /// The offset of the first snapshot start at or after <paramref name="position"/>, or <c>null</c> when none
    /// follows. Reads a little before <paramref name="position"/> for context, then forward. Workers of a
    /// distributed job given nominal byte ranges <c>[a, b)</c> each read <c>[FindNext(a), FindNext(b))</c> (the
    /// input's end for <c>null</c>): the ranges tile the input exactly, whatever the nominal split size, and each
    /// parses on its own. The first line number of such a range is unknown without reading what precedes it.
    /// </summary>
    /// <param name="stream">The UTF-8 dump; must be seekable; not disposed; its position is changed.</param>
    /// <param name="position">The nominal start, from the start of the stream (0 gives 0).</param>
    /// <exception cref="ArgumentException">The stream cannot seek.</exception>
    public static long? FindNext(Stream stream, long position)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        if (!stream.CanSeek) throw new ArgumentException("The stream must be seekable.", nameof(stream));
        return SnapshotCuts.FindNext(stream, position, ReadSettings.Default);
    }
}
