using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using PaperFeed.Cli;
using PaperFeed.Tests.Formats;
using Sylvan.Data.Csv;

namespace PaperFeed.Tests.Cli;

/// <summary>
/// The CLI over the real fixtures (Fixtures/Real, see each PROVENANCE.md): <c>stats</c> and every <c>parse</c> format
/// count the same feeds and papers as the source has (expected.json, counted with python), read back with readers
/// that are not PaperFeed's (System.Text.Json, System.Xml.Linq, Sylvan CSV).
/// </summary>
public sealed class RealInputCliTests
{
    private static string RealRoot => Fixtures.Path("Real");

    /// <summary>Every real data file that reads (the ones expected to fail are checked elsewhere), as folder/file.</summary>
    public static TheoryData<string> ReadableRealFiles()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(RealRoot).Order(StringComparer.Ordinal))
        {
            var manifest = Path.Combine(dir, "expected.json");
            if (!File.Exists(manifest)) continue;
            using var expected = JsonDocument.Parse(File.ReadAllText(manifest));
            foreach (var file in expected.RootElement.GetProperty("files").EnumerateObject())
            {
                if (!file.Value.TryGetProperty("error", out _)) data.Add(Path.GetFileName(dir) + "/" + file.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ReadableRealFiles))]
    public async Task Stats_and_every_parse_format_count_the_same_feeds_and_papers(string name)
    {
        var (path, expected) = Real(name);
        int papers = expected.GetProperty("papers").GetInt32();
        // An archiver's file named by its day: the CLI takes the listing day from the name when asked.
        string[] extra = expected.TryGetProperty("listingDate", out _) ? ["--listing-date-from-filename"] : [];

        var stats = await Run(["stats", path, .. extra]);
        using (var report = JsonDocument.Parse(stats))
        {
            report.RootElement.GetProperty("papers").GetInt64().Should().Be(papers, name);
            if (expected.TryGetProperty("feeds", out var feeds)) report.RootElement.GetProperty("feeds").GetInt64().Should().Be(feeds.GetInt32(), name);
        }

        var document = JsonNode.Parse(await Run(["parse", "--format", "json", path, .. extra]))!.AsArray();
        document.Sum(feed => feed!["papers"]!.AsArray().Count).Should().Be(papers, name);
        if (expected.TryGetProperty("feeds", out var feedCount)) document.Should().HaveCount(feedCount.GetInt32(), name);
        if (expected.TryGetProperty("feedDates", out var dates))
        {
            document.Select(feed => (string?)feed!["date"]).Should().Equal(dates.EnumerateArray().Select(d => d.GetString()), name);
        }
        if (expected.TryGetProperty("featured", out var featured))
        {
            document.SelectMany(feed => feed!["papers"]!.AsArray()).Select(p => (string?)p!["featured"]).OfType<string>().Distinct().Order(StringComparer.Ordinal)
                .Should().Equal(featured.EnumerateArray().Select(d => d.GetString()), name);
        }

        (await Run(["parse", "--format", "jsonl", path, .. extra])).Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(papers, name);

        using (var csv = CsvDataReader.Create(new StringReader(await Run(["parse", "--format", "csv", path, .. extra]))))
        {
            int rows = 0;
            while (await csv.ReadAsync()) rows++;
            rows.Should().Be(papers, name);
        }

        XDocument.Parse(await Run(["parse", "--format", "rss", path, .. extra])).Descendants("item").Should().HaveCount(papers, name);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        XDocument.Parse(await Run(["parse", "--format", "atom", path, .. extra])).Descendants(atom + "entry").Should().HaveCount(papers, name);
        JsonNode.Parse(await Run(["parse", "--format", "jsonfeed", path, .. extra]))!["items"]!.AsArray().Should().HaveCount(papers, name);
    }

    [Fact]
    public async Task Stats_counts_the_lines_of_api_json()
    {
        var (path, _) = Real("api/2025-03-13.json");
        byte[] bytes = File.ReadAllBytes(path);
        long lines = bytes.Count(b => b == (byte)'\n') + (bytes[^1] == (byte)'\n' ? 0 : 1);

        using var report = JsonDocument.Parse(await Run(["stats", path]));

        report.RootElement.GetProperty("lines").GetInt64().Should().Be(lines).And.BeGreaterThan(0);
    }

    [Theory]
    [InlineData("--min-upvotes", "0")]
    [InlineData("--match", ".")]
    [InlineData("--sort", "upvotes")]
    [InlineData("--top", "3")]
    [InlineData("--dedupe", null)]
    public async Task Filters_sort_and_top_keep_every_feed_level_field(string option, string? value)
    {
        var (path, _) = Real("api/2025-03-13.json");
        // A week page as well: its period is a feed-level field too.
        var week = """{"dateString": "2025-W35", "periodType": "week", "dailyPapers": [{"paper": {"id": "1", "title": "A", "upvotes": 1}}, {"paper": {"id": "2", "title": "B", "upvotes": 2}}]}""";
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("week.json"), week);
        string[] filter = value is null ? [option] : [option, value];

        var plain = JsonNode.Parse(await Run(["parse", "--format", "json", "--listing-date", "2025-03-13", path, temp.File("week.json")]))!.AsArray();
        var filtered = JsonNode.Parse(await Run(["parse", "--format", "json", "--listing-date", "2025-03-13", .. filter, path, temp.File("week.json")]))!.AsArray();

        plain.Select(f => (string?)f!["date"]).Should().Equal("2025-03-13", null);
        plain[1]!["period"].Should().NotBeNull();
        filtered.Select(WithoutPapers).Should().Equal(plain.Select(WithoutPapers), "a filter chooses papers and changes nothing else");
        filtered[0]!["papers"]!.AsArray().Should().HaveCount(option == "--top" ? 3 : 10);
    }

    [Theory]
    [InlineData("nvidia")]
    [InlineData("NVIDIA")]
    public async Task Organization_matches_the_items_submitter_organization(string organization)
    {
        // In 2025-10-02.json one item has "submitterOrganization": {"name": "nvidia", "fullname": "NVIDIA", …} (counted with python).
        var (path, _) = Real("api/2025-10-02.json");

        var lines = (await Run(["parse", "--format", "jsonl", "--organization", organization, path])).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Should().ContainSingle();
        JsonNode.Parse(lines[0])!["details"]!["organization"]!["name"]!.GetValue<string>().Should().Be("nvidia");
    }

    [Theory]
    [InlineData("api-archivers/2025-01-02.json")]
    [InlineData("api-archivers/2025-01-10.json")]
    public async Task Archived_python_reprs_are_one_clear_error(string name)
    {
        var (path, _) = Real(name);

        var run = await CliRun.InvokeAsync("parse", path);

        run.ExitCode.Should().Be(ExitCodes.InputError);
        run.Stdout.Should().BeEmpty();
        string message = run.StderrLines.Should().ContainSingle().Subject;
        message.Should().Contain(": error PF910: ").And.Contain("Python repr");
        message[message.IndexOf(": error PF910: ", StringComparison.Ordinal)..].Should().NotContain("System.").And.NotContain("PaperFeed.");
    }

    [Fact]
    public async Task A_bad_json_lines_line_is_skipped_naming_its_line_and_strict_stops_there()
    {
        // A JSON Lines archive made of the real items of one day, one per line, with line 5 broken.
        var (path, _) = Real("api/2025-10-02.json");
        var lines = JsonNode.Parse(File.ReadAllText(path))!.AsArray().Select(item => item!.ToJsonString()).ToList();
        lines.Insert(4, """{"paper": {"id": "broken", "title": """);
        using var temp = new TempFolder();
        string archive = temp.File("archive.jsonl");
        File.WriteAllText(archive, string.Join("\n", lines) + "\n");

        var run = await CliRun.InvokeAsync("parse", "--format", "jsonl", archive);
        var strict = await CliRun.InvokeAsync("parse", "--format", "jsonl", "--strict", archive);
        using var stats = JsonDocument.Parse(await Run(["stats", archive]));

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(25, "every other line is kept");
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith($"{archive}:5: warning PF411: ");
        strict.ExitCode.Should().Be(ExitCodes.InputError);
        strict.StderrLines.Should().ContainSingle().Which.Should().Contain(":5:").And.Contain("PF411");
        // All 25 items were featured on 2025-10-02 (submittedOnDailyAt): one listing.
        (stats.RootElement.GetProperty("feeds").GetInt64(), stats.RootElement.GetProperty("papers").GetInt64(), stats.RootElement.GetProperty("warnings").GetInt64())
            .Should().Be((1L, 25L, 1L));
    }

    private static (string Path, JsonElement Expected) Real(string name)
    {
        string[] parts = name.Split('/');
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RealRoot, parts[0], "expected.json")));
        return (Path.Combine(RealRoot, parts[0], parts[1]), manifest.RootElement.GetProperty("files").GetProperty(parts[1]).Clone());
    }

    private static async Task<string> Run(string[] args)
    {
        var run = await CliRun.InvokeAsync(args);
        run.ExitCode.Should().Be(ExitCodes.Success, string.Join(" ", args) + "\n" + run.Stderr);
        return run.Stdout;
    }

    private static string WithoutPapers(JsonNode? feed)
    {
        var copy = feed!.DeepClone().AsObject();
        copy.Remove("papers");
        return copy.ToJsonString();
    }
}
