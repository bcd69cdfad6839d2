using CsCheck;
using PaperFeed.Export;
using PaperFeed.Tests.Generators;

namespace PaperFeed.Tests.Export;

/// <summary>
/// JSON Lines and CSV outputs queried by DuckDB (in-process): the same count, upvote sum, distinct arXiv ids and
/// titles as the records, with the column types the records have. The CSV reads with the settings docs/recipes.md gives.
/// </summary>
public sealed class DuckDbReaderTests : IDisposable
{
    /// <summary>The typed CSV read of recipe 6 in docs/recipes.md (checked there by <see cref="Csv_recipe_runs_as_documented"/>).</summary>
    public const string TypedCsvRead =
        "read_csv({0}, header = true, delim = ',', quote = '\"', escape = '\"', " +
        "types = {{'id': 'VARCHAR', 'title': 'VARCHAR', 'arxivId': 'VARCHAR', 'url': 'VARCHAR', 'published': 'VARCHAR', 'featured': 'VARCHAR', " +
        "'upvotes': 'INTEGER', 'authorCount': 'INTEGER', 'authors': 'VARCHAR', 'abstract': 'VARCHAR', 'aiKeywords': 'VARCHAR', " +
        "'githubRepo': 'VARCHAR', 'githubStars': 'INTEGER', 'projectPage': 'VARCHAR', 'organization': 'VARCHAR', 'commentCount': 'INTEGER', 'submitter': 'VARCHAR'}})";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Real_fixtures_count_and_sum_alike_in_duckdb()
    {
        var fixtures = await Consumers.RealFixturesAsync();
        fixtures.Should().NotBeEmpty();
        foreach (var (name, papers, expected) in fixtures)
        {
            int count = expected.GetProperty("papers").GetInt32();
            papers.Should().HaveCount(count, name);
            await CheckAsync(papers);
        }
    }

    [Fact]
    public async Task Generated_papers_with_hostile_text_count_and_sum_alike()
    {
        // Text that DuckDB's CSV sniffer and JSON reader must take as data: quotes, commas, line breaks, formulas, RTL, emoji.
        var text = Gen.OneOf<string>("plain", "with, comma", "with \"quotes\"", "two\r\nlines", "=SUM(A1)", "-2", "@x", "مرحبا 😀", "tab\there", "\uFFFE odd");
        var gen = Gen.Select(PaperGen.Paper, text, text, (p, title, abstractText) => p with { Title = p.Title + " " + title, Abstract = abstractText }).List[1, 30];
        await gen.SampleAsync(CheckAsync, iter: 15);
    }

    [Fact]
    public async Task Typed_csv_read_keeps_arxiv_ids_as_text_and_survives_year_less_dates_late_in_the_file()
    {
        // Issue 13, defect 10: "2508.10100" read as a float, and a published column turning year-less after many rows.
        var papers = Enumerable.Range(0, 30_000).Select(i => new Paper
        {
            Title = $"Paper {i}",
            ArxivId = "2508.10100",
            Published = i < 29_000 ? new PaperDate(2025, 8, 25) : new PaperDate(null, 8, 25),
            Upvotes = i % 7,
        }).ToList();
        string csv = _temp.File("typed.csv");
        await using (var file = File.Create(csv)) FeedExporter.Write(file, papers, ExportFormat.Csv, ExportOptions.Default with { EscapeCsvFormulas = false });

        var rows = Consumers.Query($"SELECT arxivId, count(*), sum(upvotes), count(DISTINCT published) FROM {string.Format(System.Globalization.CultureInfo.InvariantCulture, TypedCsvRead, Consumers.Sql(csv))} GROUP BY arxivId");

        rows.Should().ContainSingle();
        rows[0][0].Should().Be("2508.10100");
        rows[0][1].Should().Be(30_000L);
        ToLong(rows[0][2]).Should().Be(papers.Sum(p => (long)p.Upvotes!.Value));
        rows[0][3].Should().Be(2L);
    }

    [Fact]
    public async Task Csv_recipe_runs_as_documented()
    {
        string saves = Directory.CreateDirectory(_temp.File("saves")).FullName;
        TextSave.Write(Path.Combine(saves, "2025-08-25.txt"), "Aug 25",
            new SavedPaper("=cmd|' /C calc'!A0", "Formula-looking title.", Published: "Aug 25", Upvotes: 3),
            new SavedPaper("Sparse Agents", "Agents.", Published: "Aug 24", Upvotes: 40));
        TextSave.Write(Path.Combine(saves, "2025-09-01.txt"), "Sep 1", new SavedPaper("Fast Vision", "Vision.", Published: "Aug 30", Upvotes: 7));
        string csv = _temp.File("papers.csv");

        // paperfeed parse saves/*.txt --reference-date 2025-09-21 --format csv --csv-raw --output papers.csv
        var run = await Cli.PaperfeedRun.InvokeAsync(["parse", .. Directory.GetFiles(saves, "*.txt").Order(StringComparer.Ordinal),
            "--reference-date", "2025-09-21", "--format", "csv", "--csv-raw", "--output", csv]);
        run.ExitCode.Should().Be(0, run.Stderr);

        string doc = File.ReadAllText(Path.Combine(SourceTree.Root, "docs", "recipes.md"));
        string recipe = doc[doc.IndexOf("## 6.", StringComparison.Ordinal)..];
        string sql = recipe.Split("```sql\n")[1].Split("```")[0];
        sql.Should().Contain(string.Format(System.Globalization.CultureInfo.InvariantCulture, TypedCsvRead, "'papers.csv'"), "the test's reader is the documented one");

        var rows = Consumers.Query(sql.Replace("'papers.csv'", Consumers.Sql(csv), StringComparison.Ordinal));

        rows.Select(r => ((string?)r[0], (string)r[1]!, (int?)r[2], (string?)r[3])).Should().Equal(
            (null, "Sparse Agents", 40, "2025-08-24"), (null, "Fast Vision", 7, "2025-08-30"), (null, "=cmd|' /C calc'!A0", 3, "2025-08-25"));
    }

    private async Task CheckAsync(List<Paper> papers)
    {
        string jsonl = _temp.File($"{Guid.NewGuid():N}.jsonl");
        string csv = _temp.File($"{Guid.NewGuid():N}.csv");
        await using (var file = File.Create(jsonl)) await FeedJson.WritePapersAsync(file, papers.ToAsyncEnumerable());
        await using (var file = File.Create(csv)) FeedExporter.Write(file, papers, ExportFormat.Csv, ExportOptions.Default with { EscapeCsvFormulas = false });

        long count = papers.Count;
        long? upvotes = papers.Any(p => p.Upvotes is not null) ? papers.Sum(p => (long)(p.Upvotes ?? 0)) : null;
        long ids = papers.Select(p => p.GetCanonicalArxivId()).Where(id => id is not null).Distinct().LongCount();

        string csvRead = string.Format(System.Globalization.CultureInfo.InvariantCulture, TypedCsvRead, Consumers.Sql(csv));
        var fromCsv = Consumers.Query($"SELECT count(*), sum(upvotes), count(DISTINCT arxivId) FROM {csvRead}").Single();
        fromCsv[0].Should().Be(count);
        ToLong(fromCsv[1]).Should().Be(upvotes);
        fromCsv[2].Should().Be(ids);
        Consumers.Query($"SELECT title FROM {csvRead}").Select(r => (string)r[0]!)
            .Should().Equal(papers.Select(p => HostilePapers.Utf8(p.Title)));

        // JSON Lines: DuckDB infers the types itself; upvotes must come out as an integer column.
        string jsonRead = $"read_json({Consumers.Sql(jsonl)}, format = 'newline_delimited')";
        var fromJson = Consumers.Query($"SELECT count(*) FROM {jsonRead}").Single();
        fromJson[0].Should().Be(count);
        var columns = Consumers.Query($"DESCRIBE SELECT * FROM {jsonRead}").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        if (upvotes is not null)
        {
            columns["upvotes"].Should().BeOneOf("BIGINT", "INTEGER", "UBIGINT");
            ToLong(Consumers.Query($"SELECT sum(upvotes) FROM {jsonRead}").Single()[0]).Should().Be(upvotes);
        }
        if (ids > 0) Consumers.Query($"SELECT count(DISTINCT regexp_replace(arxivId, 'v[0-9]+$', '')) FROM {jsonRead}").Single()[0].Should().Be(ids);
        columns["title"].Should().Be("VARCHAR");
    }

    private static long? ToLong(object? value) => value switch
    {
        null => null,
        System.Numerics.BigInteger big => (long)big,
        _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
