using PaperFeed.Partitioning;
using System.Text;
using PaperFeed.Testing;

namespace PaperFeed.Tests.Text;

/// <summary>
/// Text to JSON Lines without strings (<see cref="FeedJson.ConvertTextToJsonLines"/>, its async and parallel forms) writes
/// exactly the bytes of <c>FeedJson.WritePapers(FeedParser.ReadPapers(…))</c>, with the diagnostics of
/// <see cref="FeedParser.ReadPapersAsync"/>; <see cref="Utf8ListingReader"/> reads the papers that path reads.
/// </summary>
public sealed class Utf8JsonLinesTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"paperfeed-jsonl-{Guid.NewGuid():N}.txt");

    public void Dispose() => File.Delete(_path);

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (string folder in new[] { Path.Combine("Fixtures", "Text"), Path.Combine("Fixtures", "Real", "browser-copy") })
        {
            foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, folder), "*.txt")) data.Add(Path.GetRelativePath(AppContext.BaseDirectory, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Corpus_and_fixtures_convert_to_the_bytes_of_the_string_path(string file)
    {
        byte[] bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, file));
        await File.WriteAllBytesAsync(_path, bytes);

        await ShouldConvertAlike(bytes, new FeedParserOptions { ReferenceDate = new DateOnly(2025, 12, 31) });
    }

    [Theory]
    [InlineData(1, DumpLineEndings.Lf, false, true, -1)]
    [InlineData(2, DumpLineEndings.CrLf, true, false, -1)]
    [InlineData(3, DumpLineEndings.Mixed, true, true, 5000)]
    [InlineData(4, DumpLineEndings.Mixed, false, false, 70_000)]
    public async Task Generated_dumps_convert_to_the_bytes_of_the_string_path(int seed, DumpLineEndings endings, bool bom, bool finalNewline, int invalidAt)
    {
        var summary = DumpGenerator.WriteFile(_path, new DumpOptions { Seed = seed, TargetBytes = 600_000, LineEndings = endings, ByteOrderMark = bom, FinalNewline = finalNewline });
        byte[] bytes = await File.ReadAllBytesAsync(_path);
        if (invalidAt >= 0)
        {
            // Invalid UTF-8 in the middle of an abstract or title: a lone continuation byte and a cut-off sequence.
            bytes = [.. bytes[..invalidAt], 0x80, (byte)'x', 0xE2, 0x82, .. bytes[invalidAt..]];
            await File.WriteAllBytesAsync(_path, bytes);
        }

        var statistics = await ShouldConvertAlike(bytes, FeedParserOptions.Default);

        statistics.Papers.Should().Be(summary.Expected.Papers);
        statistics.Infos.Should().BeGreaterThan(0, "the generator repeats sentences, and those are collapsed");
    }

    [Fact]
    public void The_span_reader_reads_what_the_stream_path_reads()
    {
        DumpGenerator.WriteFile(_path, new DumpOptions { Seed = 7, TargetBytes = 300_000, LineEndings = DumpLineEndings.Mixed, ByteOrderMark = true });
        var expectedDiagnostics = new List<FeedDiagnostic>();
        var expected = FeedParser.ReadPapersAsync(File.OpenRead(_path), new FeedParserOptions { OnDiagnostic = expectedDiagnostics.Add }).ToBlockingEnumerable().ToList();

        var diagnostics = new List<FeedDiagnostic>();
        var papers = new List<Paper>();
        using var stream = File.OpenRead(_path);
        using (var reader = new Utf8ListingReader(stream, new FeedParserOptions { OnDiagnostic = diagnostics.Add }))
        {
            while (reader.Read())
            {
                var paper = reader.ToPaper();
                Encoding.UTF8.GetString(reader.Title).Should().Be(paper.Title);
                (reader.HasAbstract ? Encoding.UTF8.GetString(reader.Abstract) : null).Should().Be(paper.Abstract);
                (reader.AuthorCount, reader.Published, reader.Upvotes, reader.Featured, (long?)reader.Line).Should().Be((paper.AuthorCount, paper.Published, paper.Upvotes, paper.Featured, paper.SourceLine));
                papers.Add(paper);
            }
            reader.Read().Should().BeFalse();
            reader.Invoking(r => r.Title.Length).Should().Throw<InvalidOperationException>();
            reader.Statistics.Papers.Should().Be(expected.Count);
        }

        papers.Should().Equal(expected);
        papers.Select(p => p.SourceLine).Should().Equal(expected.Select(p => p.SourceLine));
        diagnostics.Should().Equal(expectedDiagnostics);
    }

    /// <summary>Sequential, async and parallel (small pieces) conversions against the string path; returns the statistics.</summary>
    private async Task<FeedStatistics> ShouldConvertAlike(byte[] bytes, FeedParserOptions options)
    {
        var expected = new MemoryStream();
        using (var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8))
        {
            FeedJson.WritePapers(expected, FeedParser.ReadPapers(reader, options));
        }
        var expectedDiagnostics = new List<FeedDiagnostic>();
        await foreach (var _ in FeedParser.ReadPapersAsync(new MemoryStream(bytes), options with { OnDiagnostic = expectedDiagnostics.Add })) { }

        var sync = new MemoryStream();
        var syncDiagnostics = new List<FeedDiagnostic>();
        var statistics = FeedJson.ConvertTextToJsonLines(new MemoryStream(bytes), sync, options with { OnDiagnostic = syncDiagnostics.Add });
        var async = new MemoryStream();
        await FeedJson.ConvertTextToJsonLinesAsync(new ChunkedStream(bytes, [1, 7, 4096, 65536]), async, options);
        var parallel = new MemoryStream();
        var parallelDiagnostics = new List<FeedDiagnostic>();
        var parallelStatistics = await ParallelReads.WriteJsonLinesAsync(_path, parallel, (options with { OnDiagnostic = parallelDiagnostics.Add }).ToSettings(), 2, 16 << 10, default);

        Encoding.UTF8.GetString(sync.ToArray()).Should().Be(Encoding.UTF8.GetString(expected.ToArray()));
        sync.ToArray().Should().Equal(expected.ToArray());
        async.ToArray().Should().Equal(expected.ToArray());
        parallel.ToArray().Should().Equal(expected.ToArray());
        syncDiagnostics.Should().Equal(expectedDiagnostics);
        parallelDiagnostics.Should().Equal(expectedDiagnostics);
        parallelStatistics.Should().Be(statistics);
        statistics.Papers.Should().Be(expected.ToArray().Count(b => b == '\n'));
        return statistics;
    }
}
