using CsCheck;
using PaperFeed.Partitioning;
using PaperFeed.Testing;

namespace PaperFeed.Tests.Partitioning;

/// <summary>
/// One core and every core agree under any options: the cut-finder classifies lines with the parser's own classifier
/// and skips the lines the parser skips, so varying MaxLineLength (down to shorter than a header line), line ends and
/// byte order marks never changes the feeds, papers or diagnostics.
/// </summary>
public sealed class OneGrammarPropertyTests
{
    private static (List<Feed> Feeds, List<FeedDiagnostic> Diagnostics) OneCore(string path, FeedReaderOptions options)
    {
        var diagnostics = new List<FeedDiagnostic>();
        var reader = new FeedReader(options with { Diagnostics = options.Diagnostics with { OnDiagnostic = diagnostics.Add } });
        return (reader.ReadFeeds(FeedInput.FromFile(path)).ToList(), diagnostics);
    }

    private static (List<Feed> Feeds, List<FeedDiagnostic> Diagnostics) EveryCore(string path, FeedReaderOptions options, long pieceLength)
    {
        var diagnostics = new List<FeedDiagnostic>();
        var settings = ReadSettings.From(options, path, diagnostics.Add);
        // Tiny pieces: nearly every snapshot start is a cut, so a wrong cut cannot hide.
        return (ParallelReads.Read<Feed>(path, settings, ParallelParse.Output.Feeds, 2, pieceLength, default).ToList(), diagnostics);
    }

    [Fact]
    public void Every_core_equals_one_core_under_any_line_limit_line_ends_and_byte_order_marks()
    {
        Gen.Select(Gen.Int[1, 10_000], Gen.OneOf(Gen.Int[1, 40], Gen.Int[40, 400], Gen.Const(1 << 20)), Gen.Enum<DumpLineEndings>(), Gen.Bool, Gen.Int[1, 8 << 10])
            .Sample((seed, maxLineLength, lineEndings, bom, pieceLength) =>
            {
                string path = Path.Combine(Path.GetTempPath(), $"paperfeed-grammar-{Guid.NewGuid():N}.txt");
                try
                {
                    DumpGenerator.WriteFile(path, new DumpOptions { Seed = seed, TargetBytes = 48 << 10, LineEndings = lineEndings, ByteOrderMark = bom });
                    var options = FeedReaderOptions.Default with { Text = new TextOptions { MaxLineLength = maxLineLength } };

                    var one = OneCore(path, options);
                    var every = EveryCore(path, options, pieceLength);

                    ShouldAgree(every, one);
                }
                finally
                {
                    File.Delete(path);
                }
            }, iter: 60);
    }

    private static void ShouldAgree((List<Feed> Feeds, List<FeedDiagnostic> Diagnostics) every, (List<Feed> Feeds, List<FeedDiagnostic> Diagnostics) one)
    {
        every.Feeds.Should().Equal(one.Feeds);
        every.Feeds.SelectMany(f => f.Papers).Select(p => p.SourceLine).Should().Equal(one.Feeds.SelectMany(f => f.Papers).Select(p => p.SourceLine));
        every.Diagnostics.Should().Equal(one.Diagnostics);
    }

    private static readonly byte[][] InvalidSequences = [[0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF]];

    /// <summary>
    /// Invalid UTF-8 anywhere (even between a CR and its LF): the one line splitter repairs it for the cut-finder as
    /// for the parser, and still cuts at the header's offset in the bytes as they are, so the pieces and their line
    /// numbers and diagnostics (one invalid-UTF-8 warning per damaged line) are those of one read.
    /// </summary>
    [Fact]
    public void Every_core_equals_one_core_on_bytes_that_are_not_all_valid_utf8()
    {
        Gen.Select(Gen.Int[1, 10_000], Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, InvalidSequences.Length - 1]).Array[1, 40], Gen.Enum<DumpLineEndings>(), Gen.Int[1, 8 << 10])
            .Sample((seed, damages, lineEndings, pieceLength) =>
            {
                string path = Path.Combine(Path.GetTempPath(), $"paperfeed-grammar-{Guid.NewGuid():N}.txt");
                try
                {
                    using (var generated = new MemoryStream())
                    {
                        DumpGenerator.Write(generated, new DumpOptions { Seed = seed, TargetBytes = 32 << 10, LineEndings = lineEndings });
                        var bytes = generated.ToArray().ToList();
                        foreach (var (at, which) in damages) bytes.InsertRange(at % (bytes.Count + 1), InvalidSequences[which]);
                        File.WriteAllBytes(path, [.. bytes]);
                    }
                    var options = FeedReaderOptions.Default;

                    var one = OneCoreUtf8(path, options);
                    var every = EveryCore(path, options, pieceLength);

                    one.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.InvalidUtf8);
                    ShouldAgree(every, one);
                }
                finally
                {
                    File.Delete(path);
                }
            }, iter: 60);
    }

    /// <summary>One read of the bytes as UTF-8 (the door would take a file that is not UTF-8 throughout for Windows-1252).</summary>
    private static (List<Feed> Feeds, List<FeedDiagnostic> Diagnostics) OneCoreUtf8(string path, FeedReaderOptions options)
    {
        var diagnostics = new List<FeedDiagnostic>();
        var feeds = new List<Feed>();
        using var session = PaperFeed.Text.ParseSession.Of(File.OpenRead(path), ReadSettings.From(options, path, diagnostics.Add), PaperFeed.Text.EntryOutput.Feeds);
        while (session.Advance())
        {
            while (session.Assembler.TryTakeFeed(out var feed)) feeds.Add(feed);
        }
        return (feeds, diagnostics);
    }

    [Fact]
    public void A_line_limit_shorter_than_a_header_line_gives_the_same_feeds_on_one_core_and_on_two()
    {
        // The case that split differently before: "Daily Papers" (12 characters) is skipped by a parser whose limit is 5,
        // so it starts no snapshot there, and the cut-finder must not cut there either.
        string path = Path.Combine(Path.GetTempPath(), $"paperfeed-grammar-{Guid.NewGuid():N}.txt");
        try
        {
            DumpGenerator.WriteFile(path, new DumpOptions { Seed = 3, TargetBytes = 64 << 10 });
            var options = FeedReaderOptions.Default with { Text = new TextOptions { MaxLineLength = 5 } };

            var one = OneCore(path, options);
            var every = EveryCore(path, options, 1);

            every.Feeds.Count.Should().Be(one.Feeds.Count);
            every.Feeds.Should().Equal(one.Feeds);
            every.Diagnostics.Should().Equal(one.Diagnostics);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
