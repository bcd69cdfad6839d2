using PaperFeed.Partitioning;

namespace PaperFeed;

/// <summary>
/// Finds where snapshots start in a UTF-8 dump, so it can be cut into pieces that parse independently: the
/// input splits of a parallel or distributed job. A cut is only ever made before a header line the parser is sure
/// to read as the start of a new snapshot, so parsing the pieces one by one gives exactly the papers, feeds and
/// diagnostics of parsing the whole (line numbers offset by <see cref="SnapshotRange.FirstLine"/> − 1).
/// </summary>
public static class SnapshotBoundaries
{
    /// <summary>How far back <see cref="FindNext"/> reads to learn what precedes a candidate line.</summary>
    private const int Lookback = 64 * 1024;

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
        return SplitIterator(stream, targetLength, ReadSettings.Default);
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
        return FindNextWith(stream, position, ReadSettings.Default);
    }

    /// <summary>The first snapshot start as the grammar with <paramref name="settings"/> reads the listing.</summary>
    internal static long? FindNextWith(Stream stream, long position, ReadSettings settings)
    {
        if (position == 0) return 0;
        long start = Math.Max(0, position - Lookback);
        stream.Position = start;
        return FindNextFrom(stream, start, position, ScanReader.DefaultBufferSize, settings);
    }

    /// <summary>
    /// The first snapshot start at or after <paramref name="position"/> in <paramref name="stream"/>, read forward from its
    /// current position, which is the absolute offset <paramref name="start"/> (at most <paramref name="position"/>;
    /// the bytes between give the scan its context); null when none follows.
    /// </summary>
    internal static long? FindNextFrom(Stream stream, long start, long position, int bufferSize, ReadSettings settings)
    {
        long? found = null;
        using var reader = new ScanReader(stream, new SnapshotScanner(start, atLineStart: start == 0, firstLine: 1, settings.MaxLineLength), bufferSize);
        while (reader.Next((offset, _) =>
        {
            if (offset < position) return true;
            found = offset;
            return false;
        }))
        {
        }
        return found;
    }

    internal static IEnumerable<SnapshotRange> SplitIterator(Stream stream, long targetLength, ReadSettings settings)
    {
        var scanner = new SnapshotScanner(0, atLineStart: true, firstLine: 1, settings.MaxLineLength);
        var cuts = new List<(long Offset, long Line)>();
        long start = 0, line = 1, lastCut = 0;
        bool yielded = false;
        using var reader = new ScanReader(stream, scanner);
        bool more;
        do
        {
            more = reader.Next((offset, firstLine) =>
            {
                if (offset - lastCut >= targetLength)
                {
                    cuts.Add((offset, firstLine));
                    lastCut = offset;
                }
                return true;
            });
            foreach (var cut in cuts)
            {
                yield return new SnapshotRange(start, cut.Offset - start, line);
                yielded = true;
                (start, line) = cut;
            }
            cuts.Clear();
        } while (more);
        if (scanner.Offset > start || !yielded) yield return new SnapshotRange(start, scanner.Offset - start, line);
    }
}
