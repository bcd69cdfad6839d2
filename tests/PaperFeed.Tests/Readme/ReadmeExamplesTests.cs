using System.Text.Json;
using System.Text.RegularExpressions;

namespace PaperFeed.Tests.Readme;

/// <summary>
/// The README's C# blocks are copied from the regions below, which compile and run here:
/// <see cref="Every_readme_block_is_a_region_of_this_file"/> fails on a README block that is not exactly a region
/// (or is not one at all), and on a region the README does not show, so the README never rots.
/// Regions start with <c>// README: name</c> and end with <c>// END README</c>.
/// </summary>
public class ReadmeExamplesTests
{
    private static readonly string SnapshotPath = TestData.Corpus001;

    [Fact]
    public async Task Stream_papers_from_an_app()
    {
        string path = SnapshotPath;
        // README: app
        var reader = new FeedReader(FeedReaderOptions.Default with { Dates = new() { ReferenceDate = new DateOnly(2025, 12, 30) } });
        var popular = new List<Paper>();
        await foreach (Paper paper in reader.ReadPapersAsync(FeedInput.FromFile(path)))
        {
            if (paper.Upvotes >= 2) popular.Add(paper);  // Published is a PaperDate, resolved to 2025 here
        }
        string json = JsonSerializer.Serialize(popular, PaperFeedJsonContext.Default.ListPaper);
        // END README

        popular.Should().HaveCount(10, "ten cards show 2 or more upvotes").And.OnlyContain(p => p.Upvotes >= 2 && p.Published!.Value.HasYear);
        json.Should().StartWith("[{\"title\":\"Unraveling the cognitive patterns");
    }

    [Fact]
    public void Script_with_a_filter()
    {
        string path = SnapshotPath;
        // README: script
        var weeklyTop = new PaperFilter { Match = "agent|reasoning", SortBy = PaperSortKey.Upvotes, Top = 3 };
        foreach (Paper paper in weeklyTop.Apply(FeedReader.Default.ReadPapers(FeedInput.FromFile(path))))
        {
            Console.WriteLine($"{paper.Upvotes,3}  {paper.Title}");
        }
        // END README

        var top = weeklyTop.Apply(FeedReader.Default.ReadPapers(FeedInput.FromFile(path))).ToList();
        top.Should().HaveCount(3);
        top.Select(p => p.Upvotes ?? 0).Should().BeInDescendingOrder();
        top.Should().OnlyContain(p => Regex.IsMatch(p.Title + " " + p.Abstract, "agent|reasoning", RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task Consume_the_typed_json()
    {
        string jsonlPath = Path.Combine(Path.GetTempPath(), $"readme-{Guid.NewGuid():N}.jsonl");
        using (var output = File.Create(jsonlPath))
        {
            FeedReader.Default.WriteJsonLines(FeedInput.FromFile(SnapshotPath), output);
        }
        try
        {
            // README: json
            // papers.jsonl was written by `paperfeed parse --format jsonl` (or FeedJson.WritePapers)
            var byYear = new Dictionary<int, int>();
            await foreach (Paper paper in FeedReader.Default.ReadPapersAsync(FeedInput.FromFile(jsonlPath)))
            {
                if (paper.Published?.Year is int year) byYear[year] = byYear.GetValueOrDefault(year) + 1;
            }
            // END README

            byYear.Values.Sum().Should().Be(26, "26 date lines of the snapshot carry a year");
            byYear.Keys.Should().BeEquivalentTo([2018, 2021, 2022, 2023, 2024]);
        }
        finally
        {
            File.Delete(jsonlPath);
        }
    }

    [Fact]
    public void Every_readme_block_is_a_region_of_this_file() =>
        DocExamples.EveryBlockIsARegion(Path.Combine("Readme", "ReadmeExamplesTests.cs"), Path.Combine("Readme", "README.md"), "README");
}
