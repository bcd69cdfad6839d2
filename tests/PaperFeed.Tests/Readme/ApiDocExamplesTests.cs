using PaperFeed.Html;

namespace PaperFeed.Tests.Readme;

/// <summary>
/// docs/api.md's C# blocks are copied from the regions below, which compile and run here (the same mechanism as the
/// README's, <see cref="DocExamples"/>): <see cref="Every_api_doc_block_is_a_region_of_this_file"/> fails on a block
/// that is not exactly a region, and on a region the page does not show. Regions start with <c>// API: name</c> and
/// end with <c>// END API</c>. Expected values come from the fixtures' expected.json and their sources.
/// </summary>
public sealed class ApiDocExamplesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Read_a_saved_page_with_options()
    {
        string savedPage = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", "html", "papers-2024-08-01.html");
        // API: reader
        var reader = new FeedReader(FeedReaderOptions.Default.WithFormat(HtmlFeedFormat.Default) with
        {
            Dates = new() { ReferenceDate = new DateOnly(2025, 12, 30) },
            Diagnostics = new() { OnDiagnostic = d => Console.Error.WriteLine(d) },
        });
        var papers = reader.ReadPapers(FeedInput.FromFile(savedPage)).ToList();
        Console.WriteLine($"{papers.Count} papers, {papers.Sum(p => p.Upvotes ?? 0)} upvotes");
        // END API

        papers.Should().HaveCount(13, "html/expected.json: 13 cards on the Aug 1, 2024 page");
        papers.Sum(p => p.Upvotes ?? 0).Should().Be(217);
        papers[0].Title.Should().Be("The Llama 3 Herd of Models");
    }

    [Fact]
    public async Task Count_without_keeping_papers()
    {
        string path = TestData.Corpus001;
        // API: count
        FeedStatistics stats = await FeedReader.Default.CountAsync(FeedInput.FromFile(path));
        Console.WriteLine($"{stats.Feeds} feeds, {stats.Papers} papers ({stats.PapersWithMetadata} with metadata), {stats.Warnings} warnings");
        // END API

        stats.Feeds.Should().Be(1);
        stats.Papers.Should().Be(53);
        stats.PapersWithMetadata.Should().Be(File.ReadAllLines(path).Count(l => l == "·"), "one '·' line per card with metadata");
    }

    [Fact]
    public async Task Stream_feeds_into_a_document_one_item_at_a_time()
    {
        string path = TestData.Corpus000;
        string jsonPath = _folder.File("papers.json");
        // API: items
        await using (var output = File.Create(jsonPath))
        await using (var writer = new FeedJsonWriter(output, FeedJsonFormat.Document, indented: true))
        {
            await foreach (FeedItem item in FeedReader.Default.ReadItemsAsync(FeedInput.FromFile(path)))
            {
                if (item.Feed is { } feed) await writer.WriteFeedAsync(feed);
                else await writer.WritePaperAsync(item.Paper!);
            }
            await writer.CompleteAsync();
        }
        // END API

        var written = FeedReader.Default.ReadFeeds(FeedInput.FromFile(jsonPath)).ToList();
        written.Should().Equal(FeedReader.Default.ReadFeeds(FeedInput.FromFile(path)));
        written.Should().ContainSingle().Which.Papers.Should().HaveCount(78);
    }

    [Fact]
    public async Task Text_to_json_lines_on_every_core()
    {
        string dumpPath = _folder.File("dump.txt");
        // Three days' pages one after another: a dump with three snapshots.
        File.WriteAllText(dumpPath, string.Join("\n", File.ReadAllText(TestData.Corpus000), File.ReadAllText(TestData.Corpus001), File.ReadAllText(TestData.Corpus000)));
        string jsonlPath = _folder.File("papers.jsonl");
        // API: cores
        var everyCore = new FeedReader(FeedReaderOptions.Default with { MaxDegreeOfParallelism = -1 });
        FeedStatistics written;
        await using (var output = File.Create(jsonlPath))
        {
            written = await everyCore.WriteJsonLinesAsync(FeedInput.FromFile(dumpPath), output);
        }
        // END API

        written.Papers.Should().Be(78 + 53 + 78);
        File.ReadAllLines(jsonlPath).Should().HaveCount(78 + 53 + 78);
        using var oneCore = new MemoryStream();
        FeedReader.Default.WriteJsonLines(FeedInput.FromFile(dumpPath), oneCore);
        File.ReadAllBytes(jsonlPath).Should().Equal(oneCore.ToArray(), "every core writes the bytes one core writes");
    }

    [Fact]
    public void Split_a_dump_for_a_distributed_engine()
    {
        string dumpPath = TestData.Corpus001;
        // API: splits
        using var dump = File.OpenRead(dumpPath);
        foreach (SnapshotRange range in FeedReader.Default.SplitSnapshots(dump, targetLength: 64 << 20))
        {
            Console.WriteLine($"bytes {range.Offset} to {range.End}, first line {range.FirstLine}");
        }
        // END API

        dump.Position = 0;
        FeedReader.Default.SplitSnapshots(dump, targetLength: 64 << 20).Should().Equal(new SnapshotRange(0, new FileInfo(dumpPath).Length, 1));
    }

    [Fact]
    public void Every_api_doc_block_is_a_region_of_this_file() =>
        DocExamples.EveryBlockIsARegion(Path.Combine("Readme", "ApiDocExamplesTests.cs"), Path.Combine("Readme", "api.md"), "API");

    public void Dispose() => _folder.Dispose();
}
