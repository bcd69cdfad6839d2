using System.Text;
using CsCheck;
using PaperFeed.Testing;

namespace PaperFeed.Tests.Parallel;

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

    [Fact]
    public void Generated_dump_cut_before_every_snapshot_parses_like_the_whole()
    {
        using var stream = new MemoryStream();
        var summary = DumpGenerator.Write(stream, new DumpOptions { Seed = 11, TargetBytes = 2 << 20, LineEndings = DumpLineEndings.Mixed, ByteOrderMark = true });
        var bytes = stream.ToArray();

        var ranges = Split(bytes, 1);

        // Headerless snapshots (a bare page date) are never cut; every other snapshot is.
        ranges.Should().HaveCountGreaterThan((int)(summary.Expected.Feeds - summary.Expected.Warnings) - 1).And.HaveCountLessThanOrEqualTo((int)summary.Expected.Feeds);
        foreach (var range in ranges.Skip(1))
        {
            string firstLine = Encoding.UTF8.GetString(bytes, (int)range.Offset, 48).Split('\r', '\n')[0];
            firstLine.Should().BeOneOf("new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers", "byAK and the research community");
        }
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

        ranges.SkipLast(1).Where(r => r.Length < target).Should().BeEmpty();
        if (target == long.MaxValue) ranges.Should().ContainSingle();
        else ranges.Should().HaveCountGreaterThan(1);
        PiecesParseLikeTheWhole(bytes, target);
    }

    [Theory]
    [InlineData("new\n\nGet trending papers in your email inbox!\n\nDaily Papers\n\nAug 28\n\nT\n\nA\n")]
    [InlineData("\uFEFFnew\r\n\r\nSubscribe\r\nDaily Papers\r\nAug 28\r\nT\r\nA\r\nnew\r\nSubscribe\r\nT2\r\nA2")]
    [InlineData("T\n\nA\n\nDaily Papers\n\n  • 4 authors\n\nbyAK and the research community\nT\nA\n")]
    [InlineData("T\rA\rDaily Papers\r·\rbyAK and the research community\rT\rA\r")]
    [InlineData("T\nA\n\u00A0new\u00A0\n\u00A0\nSubscribe\nT\n\u2003\nA\nDaily Papers\nnew\n")]
    [InlineData("T\nA\nnew\nT2\nDaily Papers\n  • 1 author\n·\nAug 25 2\nnew\n3D title\nDaily Papers\nT3\nSubscribe\n")]
    [InlineData("T\n\nnew\nT2\nA2\n  • 2 authors\n·\nnew\n")]
    public void Tricky_headers_are_cut_only_where_the_parser_starts_a_snapshot(string text)
    {
        PiecesParseLikeTheWhole(Encoding.UTF8.GetBytes(text), 1);
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
            .Sample(text => PiecesParseLikeTheWhole(Encoding.UTF8.GetBytes(text), 1), iter: 2000);
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
}
