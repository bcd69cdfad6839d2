using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PaperFeed.Tests.Readme;

/// <summary>
/// The README's C# blocks are copied from the regions below, which compile and run here:
/// <see cref="Every_readme_block_is_a_region_of_this_file"/> fails on a README block that is not exactly a region
/// (or is not one at all), and on a region the README does not show, so the README never rots.
/// Regions start with <c>// README: name</c> and end with <c>// END README</c>.
/// </summary>
public partial class ReadmeExamplesTests
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
    public void Every_readme_block_is_a_region_of_this_file()
    {
        string source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Readme", "ReadmeExamplesTests.cs"));
        string readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Readme", "README.md")).ReplaceLineEndings("\n");

        var regions = RegionPattern().Matches(source.ReplaceLineEndings("\n"))
            .Select(m => (Name: m.Groups[1].Value, Code: Dedent(m.Groups[2].Value))).ToList();
        var blocks = BlockPattern().Matches(readme).Select(m => m.Groups[1].Value).ToList();

        regions.Should().NotBeEmpty();
        regions.Select(r => r.Name).Should().OnlyHaveUniqueItems();
        // Both ways, byte for byte and in order: a README block that no test compiles fails, and so does a region
        // missing from the README or shown there with any difference (a block holding more than its region too).
        blocks.Should().Equal(regions.Select(r => r.Code),
            "the README's C# blocks must be exactly this file's regions ({0}), in order", string.Join(", ", regions.Select(r => r.Name)));
    }

    private static string Dedent(string block)
    {
        var lines = block.TrimEnd().Split('\n');
        int indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var builder = new StringBuilder();
        foreach (var line in lines) builder.Append(line.Length >= indent ? line[indent..] : line.TrimStart()).Append('\n');
        return builder.ToString();
    }

    [GeneratedRegex(@"^[ \t]*// README: (\w+)\n(.*?)^[ \t]*// END README", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex RegionPattern();

    /// <summary>A fenced C# block of the README, whichever name its fence gives the language.</summary>
    [GeneratedRegex(@"^```(?:csharp|cs|c#|C#)[ \t]*\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex BlockPattern();
}
