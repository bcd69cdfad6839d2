namespace PaperFeed.Partitioning;

/// <summary>
/// Where a UTF-8 text listing may be cut so that each piece parses on its own to exactly what it holds in the whole
/// (<see cref="SnapshotScanner"/> decides, with the grammar's own line classification and line limit): behind
/// <see cref="FeedReader.SplitSnapshots"/>, <see cref="FeedReader.FindSnapshotStart"/> and the parallel parse.
/// </summary>
internal static class SnapshotCuts
{
    /// <summary>How far back <see cref="FindNext"/> reads to learn what precedes a candidate line.</summary>
    private const int Lookback = 64 * 1024;

    /// <summary>The first snapshot start as the grammar with <paramref name="settings"/> reads the listing.</summary>
    public static long? FindNext(Stream stream, long position, ReadSettings settings)
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
    public static long? FindNextFrom(Stream stream, long start, long position, int bufferSize, ReadSettings settings)
    {
        long? found = null;
        using var reader = new ScanReader(stream, start, settings.MaxLineLength, bufferSize);
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

    public static IEnumerable<SnapshotRange> Split(Stream stream, long targetLength, ReadSettings settings)
    {
        var cuts = new List<(long Offset, long Line)>();
        long start = 0, line = 1, lastCut = 0;
        bool yielded = false;
        using var reader = new ScanReader(stream, 0, settings.MaxLineLength);
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
        long end = reader.FindEnd();
        if (end > start || !yielded) yield return new SnapshotRange(start, end - start, line);
    }
}
