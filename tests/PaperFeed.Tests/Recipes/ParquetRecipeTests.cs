using PaperFeed.Tests.Cli;
using PaperFeed.Tests.Generators;
using PaperFeed.Tests.Parquet;

namespace PaperFeed.Tests.Recipes;

/// <summary>Recipe 5 of docs/recipes.md: the command with exactly its arguments, then its SQL, verbatim, in DuckDB.</summary>
public sealed class ParquetRecipeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Years_of_snapshots_in_duckdb()
    {
        string saves = Directory.CreateDirectory(_temp.File("saves")).FullName;
        TextSave.Write(Path.Combine(saves, "2025-08-30.txt"), "Aug 30",
            new SavedPaper("Sparse Agents", "Agents.", Upvotes: 10), new SavedPaper("Old Tokens", "Tokens.", Upvotes: 5));
        TextSave.Write(Path.Combine(saves, "2025-09-01.txt"), "Sep 1",
            new SavedPaper("Sparse Agents", "Agents.", Upvotes: 40), new SavedPaper("Fast Vision", "Vision.", Upvotes: 7));
        TextSave.Write(Path.Combine(saves, "2025-09-02.txt"), "Sep 2",
            new SavedPaper("Robust Reasoning", "Reasoning.", Upvotes: 7), new SavedPaper("Quiet Paper", "Quiet."));

        // paperfeed merge saves/*.txt --reference-date 2025-09-21 --format parquet --partition-by month --output papers
        string[] args = ["merge", .. Directory.GetFiles(saves, "*.txt").Order(StringComparer.Ordinal),
            "--reference-date", "2025-09-21", "--format", "parquet", "--partition-by", "month", "--output", _temp.File("papers")];
        var run = await PaperfeedRun.InvokeAsync(args);

        run.ExitCode.Should().Be(0, run.Stderr);
        File.Exists(_temp.File("papers/featured_month=2025-08/part-00000.parquet")).Should().BeTrue();
        using var duck = new DuckDbSession();
        // The recipe's relative 'papers/…' path resolves in the folder the command ran in.
        duck.Rows($"SET file_search_path = '{_temp.Path}'");
        var byMonth = duck.Rows(Query(0));
        var top = duck.Rows(Query(1));

        // Counted by hand from the saves above: Sparse Agents moves to September with its latest 40 upvotes.
        // sum() is a HUGEINT in DuckDB: compared through its text.
        byMonth.Select(r => (r[0], r[1], long.Parse(r[2]!.ToString()!, System.Globalization.CultureInfo.InvariantCulture)))
            .Should().Equal(("2025-08", 1L, 5L), ("2025-09", 4L, 54L));
        top.Select(r => (r[0], r[1], r[2])).Should().Equal(
            ("Sparse Agents", 40, new DateOnly(2025, 9, 1)), ("Fast Vision", 7, new DateOnly(2025, 9, 1)), ("Robust Reasoning", 7, new DateOnly(2025, 9, 2)));
    }

    /// <summary>The <paramref name="index"/>-th <c>```sql</c> block of recipe 5, as the doc has it.</summary>
    private static string Query(int index)
    {
        string doc = File.ReadAllText(Path.Combine(SourceTree.Root, "docs", "recipes.md"));
        string recipe = doc[doc.IndexOf("## 5.", StringComparison.Ordinal)..];
        var blocks = recipe.Split("```sql\n")[1..].Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]).ToList();
        return blocks[index];
    }
}
