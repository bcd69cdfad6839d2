using System.Xml.Linq;
using PaperFeed.Tests.Http;
using PaperFeed.Tests.Parquet;

namespace PaperFeed.Tests.Recipes;

/// <summary>Recipe 7 of docs/recipes.md: two real observations of one day fetched, the history as Parquet, the SQL verbatim in DuckDB.</summary>
public sealed class HistoryRecipeTests : IAsyncLifetime
{
    private ApiServer _server = null!;
    private readonly TempFolder _temp = new();

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    private async Task FetchAsync(DateTimeOffset at, string file)
    {
        _server.Serve("2024-06-12", ApiServer.RealFetch(file));
        var run = await Fetching.RunAsync(new FastTime(at, 200), new Dictionary<string, string> { ["HF_ENDPOINT"] = _server.Endpoint.AbsoluteUri },
            "fetch", "--date", "2024-06-12", "-o", _temp.File("archive"));
        run.ExitCode.Should().Be(0, run.Stderr);
    }

    [Fact]
    public async Task Upvote_curves_and_first_week_growth_in_duckdb()
    {
        await FetchAsync(new DateTimeOffset(2024, 6, 12, 17, 6, 41, TimeSpan.Zero), "2024-06-12.first.json");
        await FetchAsync(new DateTimeOffset(2024, 6, 13, 3, 50, 1, TimeSpan.Zero), "2024-06-12.second.json");
        var time = new FastTime(FastTime.DefaultStart, 1);

        var parquet = await Fetching.RunAsync(time, null, "history", _temp.File("archive"), "--format", "parquet", "-o", _temp.File("history.parquet"));
        var svg = await Fetching.RunAsync(time, null, "history", _temp.File("archive"), "--format", "svg", "--top", "3");

        parquet.ExitCode.Should().Be(0, parquet.Stderr);
        using var duck = new DuckDbSession();
        duck.Rows("SET TimeZone = 'UTC'");
        duck.Rows($"SET file_search_path = '{_temp.Path}'");
        var curve = duck.Rows(Query(0));
        var growth = duck.Rows(Query(1));

        // From the two real files (python3, PROVENANCE.md): 23 upvotes and 4 comments, then 29 and 7; first both times.
        curve.Select(r => (r[1], r[2], r[3])).Should().Equal((23, 4, 1), (29, 7, 1));
        // Growth between the files, counted with python3: 2406.07436 11 -> 22; 2406.07496 11 -> 17; 2406.07550 23 -> 29.
        growth.Select(r => ((string)r[0]!, r[2], r[3], Convert.ToInt64(r[4], System.Globalization.CultureInfo.InvariantCulture)))
            .Should().Equal(("2406.07436", 11, 22, 11L), ("2406.07496", 11, 17, 6L), ("2406.07550", 23, 29, 6L));

        svg.ExitCode.Should().Be(0, svg.Stderr);
        var picture = XDocument.Parse(svg.Stdout);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var lines = picture.Descendants(ns + "polyline").ToList();
        lines.Should().HaveCount(3);
        // The top three by upvotes at their last observation: 29 (2406.07550), 24 (2406.07547), 22 (2406.07436).
        lines.Select(l => l.Element(ns + "title")!.Value[..10]).Should().Equal("2406.07550", "2406.07547", "2406.07436");
        lines.Should().OnlyContain(l => l.Attribute("points")!.Value.Split(' ', StringSplitOptions.None).Length == 2);
    }

    /// <summary>The <paramref name="index"/>-th <c>```sql</c> block of recipe 7, as the doc has it.</summary>
    private static string Query(int index)
    {
        string doc = File.ReadAllText(Path.Combine(SourceTree.Root, "docs", "recipes.md"));
        string recipe = doc[doc.IndexOf("## 7.", StringComparison.Ordinal)..];
        var blocks = recipe.Split("```sql\n")[1..].Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]).ToList();
        return blocks[index];
    }
}
