using PaperFeed.Parquet;
using System.Text.Json;
using PaperFeed.Testing;
using PaperFeed.Tests.Cli;

namespace PaperFeed.Tests.Parquet;

/// <summary>
/// <c>paperfeed parse --format parquet</c> read by DuckDB (in-process, an engine PaperFeed does not control): the same
/// count, upvote sum and distinct arXiv ids as the JSON Lines output of the same input, also read by DuckDB, and the
/// paper counts the sources themselves give (expected.json of the real fixtures, the generator's own records).
/// </summary>
public sealed class ParquetDuckDbTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DuckDbSession _duck = new();

    public void Dispose()
    {
        _duck.Dispose();
        _temp.Dispose();
    }

    private static string RealRoot => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real");

    [Fact]
    public async Task Real_fixtures_give_the_same_count_upvote_sum_and_arxiv_ids_as_json_lines()
    {
        int compared = 0;
        foreach (string dir in Directory.EnumerateDirectories(RealRoot).Order(StringComparer.Ordinal))
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")));
            var files = manifest.RootElement.GetProperty("files");
            foreach (string input in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
            {
                if (!files.TryGetProperty(Path.GetFileName(input), out var expected)) continue;
                string label = $"{Path.GetFileName(dir)}/{Path.GetFileName(input)}";
                var (jsonl, dataset) = await WriteBothAsync(input, label, "month");
                if (jsonl is null) continue;
                var fromJson = Summary(DuckDbSession.JsonLines(jsonl));
                var fromParquet = Summary(DuckDbSession.Dataset(dataset));
                fromParquet.Should().BeEquivalentTo(fromJson, o => o.WithStrictOrdering(), label);
                if (expected.TryGetProperty("papers", out var papers)) fromParquet.Count.Should().Be(papers.GetInt64(), $"{label}: the count its source gives");
                compared++;
            }
        }
        compared.Should().BeGreaterThan(0, "the real fixtures are the point of this test");
    }

    [Fact]
    public async Task Generated_dump_gives_the_generators_count_and_upvote_sum()
    {
        string input = _temp.File("dump.txt");
        var written = new List<Paper>();
        var summary = DumpGenerator.WriteFile(input, new DumpOptions { Seed = 13, TargetBytes = 600_000 }, written.Add);

        var (jsonl, dataset) = await WriteBothAsync(input, "generated", "day");

        var fromParquet = Summary(DuckDbSession.Dataset(dataset));
        fromParquet.Should().BeEquivalentTo(Summary(DuckDbSession.JsonLines(jsonl!)), o => o.WithStrictOrdering());
        fromParquet.Count.Should().Be(summary.Expected.Papers);
        fromParquet.UpvoteSum.Should().Be(written.Sum(p => (long?)p.Upvotes));
        fromParquet.ArxivIds.Should().BeEquivalentTo(written.Select(p => p.ArxivId).OfType<string>().Distinct());
        var titles = _duck.Rows($"SELECT title FROM {DuckDbSession.Dataset(dataset)} WHERE featured_day IS NULL");
        titles.Should().HaveCount(written.Count(p => p.Featured?.HasYear != true), "year-less featured days go to the NULL partition");
    }

    [Fact]
    public async Task Duckdb_sees_the_documented_column_types()
    {
        string dataset = _temp.File("typed");
        await ParquetExport.WriteDatasetAsync(dataset, TypedPapers.All.ToAsyncEnumerable(), new ParquetExportOptions { PartitionBy = ParquetPartitioning.Month });

        var types = _duck.Describe(DuckDbSession.Dataset(dataset));

        types.Should().Equal(new Dictionary<string, string>
        {
            ["title"] = "VARCHAR",
            ["abstract"] = "VARCHAR",
            ["authorCount"] = "INTEGER",
            ["authors"] = "VARCHAR[]",
            ["published"] = "DATE",
            ["publishedText"] = "VARCHAR",
            ["upvotes"] = "INTEGER",
            ["arxivId"] = "VARCHAR",
            ["url"] = "VARCHAR",
            ["featured"] = "DATE",
            ["featuredText"] = "VARCHAR",
            ["aiSummary"] = "VARCHAR",
            ["aiKeywords"] = "VARCHAR[]",
            ["githubRepo"] = "VARCHAR",
            ["githubStars"] = "INTEGER",
            ["projectPage"] = "VARCHAR",
            ["organization"] = "VARCHAR",
            ["organizationFullName"] = "VARCHAR",
            ["commentCount"] = "INTEGER",
            ["withdrawnAt"] = "TIMESTAMP WITH TIME ZONE",
            ["submitter"] = "VARCHAR",
            ["featured_month"] = "VARCHAR",
        });
        var repetition = _duck.Rows($"SELECT name, repetition_type FROM parquet_schema('{dataset}/*/*.parquet') WHERE name IN ('title', 'arxivId')")
            .Select(r => ((string)r[0]!, (string)r[1]!)).Distinct().Order();
        repetition.Should().Equal(("arxivId", "OPTIONAL"), ("title", "REQUIRED"));
    }

    [Fact]
    public async Task Every_field_reads_back_through_duckdb_as_written()
    {
        string dataset = _temp.File("values");
        await ParquetExport.WriteDatasetAsync(dataset, TypedPapers.All.ToAsyncEnumerable());

        var rows = _duck.Rows($"""
            SELECT title, abstract, authorCount, authors, strftime(published, '%Y-%m-%d'), publishedText, upvotes, arxivId, url,
                   strftime(featured, '%Y-%m-%d'), featuredText, aiSummary, aiKeywords, githubRepo, githubStars, projectPage,
                   organization, organizationFullName, commentCount, strftime(withdrawnAt AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%f'), submitter
            FROM {DuckDbSession.Dataset(dataset)}
            """);

        rows.Should().HaveCount(3);
        rows[0].Should().BeEquivalentTo(new object?[] {
            "An Example Paper", "We show that … <b>&amp;</b>", 2, new List<string> { "Ada Lovelace", "Alan Turing" }, "2025-08-25", "2025-08-25", 42,
            "2508.12345", "https://huggingface.co/papers/2508.12345", "2025-08-29", "2025-08-29", "A summary.", new List<string> { "agents", "reasoning" },
            "https://github.com/a/b", 120, "https://example.org/p", "google", "Google", 7, "2025-09-01T10:20:30.123000", "akhaliq" }, o => o.WithStrictOrdering());
        rows[1].Should().BeEquivalentTo(new object?[] {
            "Text paper: year-less dates", null, 4, null, null, "--08-25", 3, null, null, null, "--08-28", null, null, null, null, null, null, null, null, null, null }, o => o.WithStrictOrdering());
        rows[2].Should().BeEquivalentTo(new object?[] {
            "Bare", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null }, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Same_input_gives_the_same_files_byte_for_byte()
    {
        string input = _temp.File("dump.txt");
        DumpGenerator.WriteFile(input, new DumpOptions { Seed = 7, TargetBytes = 300_000 });
        string first = _temp.File("first"), second = _temp.File("second");

        foreach (string output in new[] { first, second })
        {
            var run = await CliRun.InvokeAsync("parse", "--quiet", "--reference-date", "2025-12-31", "--format", "parquet", "--partition-by", "week", "-o", output, input);
            run.ExitCode.Should().Be(0, run.Stderr);
        }

        var names = Files(first);
        names.Should().NotBeEmpty().And.Equal(Files(second));
        names.Should().AllSatisfy(n => n.Should().MatchRegex(@"^featured_week=([0-9]{4}-W[0-9]{2}|__HIVE_DEFAULT_PARTITION__)/part-[0-9]{5}\.parquet$"));
        foreach (string name in names) File.ReadAllBytes(Path.Combine(second, name)).Should().Equal(File.ReadAllBytes(Path.Combine(first, name)), name);
    }

    private async Task<(string? JsonLines, string Dataset)> WriteBothAsync(string input, string label, string partitionBy)
    {
        string name = Guid.NewGuid().ToString("N");
        string jsonl = _temp.File(name + ".jsonl"), dataset = _temp.File(name);
        var json = await CliRun.InvokeAsync("parse", "--quiet", "--format", "jsonl", "--output", jsonl, input);
        var parquet = await CliRun.InvokeAsync("parse", "--quiet", "--format", "parquet", "--partition-by", partitionBy, "--output", dataset, input);
        parquet.ExitCode.Should().Be(json.ExitCode, $"{label}: {parquet.Stderr}");
        return (json.ExitCode == 0 ? jsonl : null, dataset);
    }

    private sealed record ColumnSummary(long Count, long? UpvoteSum, List<string> ArxivIds);

    private ColumnSummary Summary(string source)
    {
        var totals = _duck.Rows($"SELECT count(*), CAST(sum(upvotes) AS BIGINT) FROM {source}").Single();
        var ids = _duck.Rows($"SELECT DISTINCT arxivId FROM {source} WHERE arxivId IS NOT NULL ORDER BY arxivId").Select(r => (string)r[0]!).ToList();
        return new ColumnSummary((long)totals[0]!, (long?)totals[1], ids);
    }

    private static List<string> Files(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
}
