using System.Text;
using CsCheck;
using PaperFeed.Testing;

namespace PaperFeed.Tests.Partitioning;

public class SnapshotBoundariesTests
{
    /// <summary>
    /// What a parse of <paramref name="range"/> on its own reports, papers and diagnostics interleaved, line numbers
    /// of the whole. A piece that is not the last ends where the next snapshot's header starts, and the whole parse
    /// says so where a piece's says "the input ends": the one difference, by design.
    /// </summary>
    private static List<string> Parse(byte[] bytes, SnapshotRange range)
    {
        bool last = range.End == bytes.Length;
        var events = new List<string>();
        int offset = checked((int)range.FirstLine - 1);
        var options = new FeedParserOptions
        {
            OnDiagnostic = d => events.Add((d with
            {
                Location = DiagnosticLocation.AtLine(d.Line!.Value + offset, d.Column),
                Message = last ? d.Message : d.Message.Replace("the input ends", "a header line starts the next snapshot", StringComparison.Ordinal),
            }).ToString()),
        };
        using var stream = new MemoryStream(bytes, checked((int)range.Offset), checked((int)range.Length));
        try
        {
            using var reader = new StreamReader(stream, new UTF8Encoding(false, false));
            foreach (var feed in FeedParser.ReadFeeds(reader, options))
            {
                events.Add($"feed {feed.Date}");
                events.AddRange(feed.Papers.Select(p => $"{p.SourceLine + offset} {p.Featured} {p.Title} | {p.Abstract} | {p.AuthorCount} {p.Published} {p.Upvotes}"));
            }
        }
        catch (FeedFormatException e)
        {
            events.Add($"error {e.Line + offset} {e.Code}");
        }
        return events;
    }

    private static List<SnapshotRange> Split(byte[] bytes, long target) => [.. SnapshotBoundaries.Split(new MemoryStream(bytes), target)];

    private static void PiecesParseLikeTheWhole(byte[] bytes, long target)
    {
        var ranges = Split(bytes, target);

        ranges[0].Offset.Should().Be(0);
        ranges.Zip(ranges.Skip(1)).Where(pair => pair.First.End != pair.Second.Offset).Should().BeEmpty();
        ranges[^1].End.Should().Be(bytes.Length);
        var whole = Parse(bytes, new SnapshotRange(0, bytes.Length, 1));
        ranges.SelectMany(r => Parse(bytes, r)).Should().Equal(whole);
    }

    /// <summary>The header lines the generator writes, in order; a snapshot's header is a run of them (it may lack its first lines).</summary>
    private static readonly string[] GeneratedHeader =
        ["new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers", "byAK and the research community"];

    /// <summary>The byte offset and the 1-based number of every line of <paramref name="bytes"/> (LF, CRLF or CR ends).</summary>
    private static List<(long Offset, long Line, string Text)> LinesOf(byte[] bytes)
    {
        var lines = new List<(long, long, string)>();
        int start = 0;
        for (int i = 0; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] is not ((byte)'\n' or (byte)'\r')) continue;
            if (i == bytes.Length && start == bytes.Length) break;
            lines.Add((start, lines.Count + 1, Encoding.UTF8.GetString(bytes, start, i - start)));
            if (i + 1 < bytes.Length && bytes[i] == '\r' && bytes[i + 1] == '\n') i++;
            start = i + 1;
        }
        return lines;
    }

    /// <summary>
    /// Where a generated dump must be cut, found by scanning its lines, not by the code under test: before the first
    /// line of every header run (the generator never writes a header line elsewhere), except at the very start.
    /// Snapshots without a header (a bare page date) are not cut.
    /// </summary>
    private static List<(long Offset, long Line)> GeneratedSnapshotStarts(byte[] bytes)
    {
        var starts = new List<(long, long)>();
        bool previousIsHeader = false;
        foreach (var (offset, line, text) in LinesOf(bytes))
        {
            string trimmed = text.TrimStart('\uFEFF').Trim();
            if (trimmed.Length == 0) continue;
            bool isHeader = GeneratedHeader.Contains(trimmed);
            if (isHeader && !previousIsHeader && offset > 0) starts.Add((offset, line));
            previousIsHeader = isHeader;
        }
        return starts;
    }

    /// <summary>The cuts a split at <paramref name="target"/> makes among <paramref name="starts"/>: the first start at least that far from the previous cut.</summary>
    private static List<(long Offset, long Line)> Greedy(List<(long Offset, long Line)> starts, long target)
    {
        var cuts = new List<(long, long)>();
        long last = 0;
        foreach (var start in starts)
        {
            if (start.Offset - last < target) continue;
            cuts.Add(start);
            last = start.Offset;
        }
        return cuts;
    }

    private static void CutsShouldBe(List<SnapshotRange> ranges, List<(long Offset, long Line)> expected)
    {
        ranges.Skip(1).Select(r => (r.Offset, r.FirstLine)).Should().Equal(expected);
    }

    [Fact]
    public void Generated_dump_cut_before_every_snapshot_parses_like_the_whole()
    {
        using var stream = new MemoryStream();
        var summary = DumpGenerator.Write(stream, new DumpOptions { Seed = 11, TargetBytes = 2 << 20, LineEndings = DumpLineEndings.Mixed, ByteOrderMark = true });
        var bytes = stream.ToArray();
        var expected = GeneratedSnapshotStarts(bytes);

        var ranges = Split(bytes, 1);

        expected.Should().HaveCountGreaterThan(20).And.HaveCountLessThan((int)summary.Expected.Feeds);
        CutsShouldBe(ranges, expected);
        PiecesParseLikeTheWhole(bytes, 1);
    }

    [Theory]
    [InlineData(1 << 10)]
    [InlineData(300 << 10)]
    [InlineData(long.MaxValue)]
    public void Ranges_reach_the_target_length_and_tile_the_input(long target)
    {
        using var stream = new MemoryStream();
        DumpGenerator.Write(stream, new DumpOptions { Seed = 12, TargetBytes = 1 << 20 });
        var bytes = stream.ToArray();

        var ranges = Split(bytes, target);

        CutsShouldBe(ranges, Greedy(GeneratedSnapshotStarts(bytes), target));
        ranges.SkipLast(1).Where(r => r.Length < target).Should().BeEmpty();
        if (target == long.MaxValue) ranges.Should().ContainSingle();
        else ranges.Should().HaveCountGreaterThan(1);
        PiecesParseLikeTheWhole(bytes, target);
    }

    /// <summary>
    /// Each case gives, worked out by hand, the lines a cut must come before: the first header line of each snapshot
    /// the parser is sure to start there. Not cut: a header run's later lines (line 10 of the fifth case, a "new"
    /// right after "Daily Papers"), and a header line the parser could take otherwise (line 11 of the sixth).
    /// </summary>
    [Theory]
    [InlineData("new\n\nGet trending papers in your email inbox!\n\nDaily Papers\n\nAug 28\n\nT\n\nA\n", new int[0])]
    [InlineData("\uFEFFnew\r\n\r\nSubscribe\r\nDaily Papers\r\nAug 28\r\nT\r\nA\r\nnew\r\nSubscribe\r\nT2\r\nA2", new[] { 8 })]
    [InlineData("T\n\nA\n\nDaily Papers\n\n  • 4 authors\n\nbyAK and the research community\nT\nA\n", new[] { 5 })]
    [InlineData("T\rA\rDaily Papers\r·\rbyAK and the research community\rT\rA\r", new[] { 3 })]
    [InlineData("T\nA\n\u00A0new\u00A0\n\u00A0\nSubscribe\nT\n\u2003\nA\nDaily Papers\nnew\n", new[] { 3, 9 })]
    [InlineData("T\nA\nnew\nT2\nDaily Papers\n  • 1 author\n·\nAug 25 2\nnew\n3D title\nDaily Papers\nT3\nSubscribe\n", new[] { 3, 5, 9, 13 })]
    [InlineData("T\n\nnew\nT2\nA2\n  • 2 authors\n·\nnew\n", new[] { 3, 8 })]
    public void Tricky_headers_are_cut_only_where_the_parser_starts_a_snapshot(string text, int[] cutLines)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = LinesOf(bytes);

        CutsShouldBe(Split(bytes, 1), [.. cutLines.Select(n => (lines[n - 1].Offset, lines[n - 1].Line))]);
        PiecesParseLikeTheWhole(bytes, 1);
    }

    private static readonly string[] Lines =
    [
        "", " ", "\u00A0", "new", " new ", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers",
        "byAK and the research community", "Aug 28", "Feb 13, 2023", "Aug 25 2", "Feb 30, 2023", "  • 4 authors", "• 1 author",
        "12 authors", "·", "A title", "3D title", "Ünïcode title", "An abstract. It repeats. It repeats.", "\uFEFFnew", "  wrapped",
    ];

    [Fact]
    public void Any_line_sequence_cut_before_every_snapshot_parses_like_the_whole()
    {
        var line = Gen.Int[0, Lines.Length - 1].Select(i => Lines[i]);
        var terminator = Gen.Int[0, 2].Select(i => i switch { 0 => "\n", 1 => "\r\n", _ => "\r" });
        Gen.Select(line, terminator, (l, t) => l + t).Array[0, 40]
            .Select(parts => string.Concat(parts))
            .Sample(text =>
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                var lineAt = LinesOf(bytes).ToDictionary(l => l.Offset);
                // Every cut is at a line start, before a header line, with that line's number.
                foreach (var range in Split(bytes, 1).Skip(1))
                {
                    lineAt.Should().ContainKey(range.Offset);
                    var line = lineAt[range.Offset];
                    range.FirstLine.Should().Be(line.Line);
                    GeneratedHeader.Should().Contain(line.Text.TrimStart('\uFEFF').Trim());
                }
                PiecesParseLikeTheWhole(bytes, 1);
            }, iter: 2000);
    }

    [Fact]
    public void FindNext_gives_the_first_cut_at_or_after_a_position()
    {
        using var stream = new MemoryStream();
        DumpGenerator.Write(stream, new DumpOptions { Seed = 13, TargetBytes = 1 << 20, LineEndings = DumpLineEndings.CrLf });
        var bytes = stream.ToArray();
        long[] cuts = [.. Split(bytes, 1).Select(r => r.Offset)];

        foreach (long position in Enumerable.Range(0, 200).Select(i => (long)i * bytes.Length / 199).Concat(cuts).Concat(cuts.Select(c => c + 1)))
        {
            long? expected = cuts.Where(c => c >= position).Cast<long?>().FirstOrDefault();
            SnapshotBoundaries.FindNext(new MemoryStream(bytes), position).Should().Be(expected, "position {0}", position);
        }
    }

    [Fact]
    public void Empty_input_is_one_empty_range()
    {
        Split([], 10).Should().Equal(new SnapshotRange(0, 0, 1));
        SnapshotBoundaries.FindNext(new MemoryStream([]), 0).Should().Be(0);
        SnapshotBoundaries.FindNext(new MemoryStream("new\n"u8.ToArray()), 1).Should().BeNull();
    }

    /// <summary>
    /// A NUL stops the cuts (the piece that holds it is the parser's to refuse), and the last range still runs to the
    /// input's end, whether the stream can seek (its length is taken) or not (the rest is read).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void After_a_nul_no_cut_and_the_last_range_reaches_the_end(bool seekable)
    {
        string snapshot = "new\n\nDaily Papers\n\nAug 28\n\nT\n\nA.\n\n";
        byte[] bytes = Encoding.UTF8.GetBytes(snapshot + snapshot + "T\0x\n\n" + snapshot + snapshot);
        Stream stream = seekable ? new MemoryStream(bytes) : new ForwardOnly(new MemoryStream(bytes));

        var ranges = FeedReader.Default.SplitSnapshots(stream, 1).ToList();

        ranges.Select(r => r.Offset).Should().Equal([0L, snapshot.Length], "a cut before the second snapshot, none after the NUL");
        ranges[^1].End.Should().Be(bytes.Length);
    }

    private sealed class ForwardOnly(Stream inner) : PaperFeed.IO.ReadOnlyForwardStream
    {
        public override int Read(Span<byte> buffer) => inner.Read(buffer[..Math.Min(buffer.Length, 7)]);
    }
}
