using CsCheck;
using PaperFeed.Parquet;
using PaperFeed.Tests.Generators;

namespace PaperFeed.Tests.Parquet;

/// <summary>
/// Random papers with hostile text (XML-forbidden characters, NUL, <c>]]&gt;</c>, <c>&lt;/script&gt;</c>, RTL marks, emoji,
/// long fields), random partitioning and tiny row groups: DuckDB reads back exactly the papers written, each in the
/// folder of its featured period.
/// </summary>
public sealed class ParquetPropertyTests
{
    private static readonly Gen<string> Hostile = Gen.OneOf<string>(
        "\uFFFE title \uFFFF", "nul\0inside", "]]> </script> <![CDATA[", "\u202Eعربي\u202C mixed", "emoji 🦀🚀 pair", "a & b < c",
        new string('x', 100_000), "", " padded ");

    private static readonly Gen<Paper> HostilePaper =
        Gen.Select(PaperGen.Paper, Hostile, Gen.Null(Hostile, 0.3), Hostile.Array[0, 3], Gen.Bool,
            (paper, title, text, authors, yearLess) => paper with
            {
                Title = title,
                Abstract = text,
                Authors = [.. authors.Select(a => new Author(a))],
                Featured = yearLess && paper.Featured is PaperDate f ? new PaperDate(null, f.Month, f.Day) : paper.Featured,
            });

    /// <summary>SQL true for a row in the wrong folder (DuckDB's own week and month of the featured date).</summary>
    private static string? PartitionCheck(ParquetPartitioning partitioning) => partitioning switch
    {
        ParquetPartitioning.Day => "featured_day IS DISTINCT FROM featured",
        ParquetPartitioning.Week => "featured_week IS DISTINCT FROM strftime(featured, '%G-W%V')",
        ParquetPartitioning.Month => "featured_month IS DISTINCT FROM strftime(featured, '%Y-%m')",
        _ => null,
    };

    [Fact]
    public void Duckdb_reads_back_every_paper_exactly()
    {
        Gen.Select(HostilePaper.List[0, 30], Gen.Enum<ParquetPartitioning>(), Gen.Int[1, 7]).Sample((papers, partitioning, rowGroup) =>
        {
            using var temp = new TempFolder();
            using var duck = new DuckDbSession();
            string dataset = temp.File("ds");
            ParquetExport.WriteDatasetAsync(dataset, papers.ToAsyncEnumerable(), new ParquetExportOptions { PartitionBy = partitioning, RowGroupSize = rowGroup })
                .GetAwaiter().GetResult();
            if (papers.Count == 0 && partitioning != ParquetPartitioning.None)
            {
                // No period to make a folder for: the dataset is an empty folder (docs/parquet.md), nothing to query.
                Directory.EnumerateFileSystemEntries(dataset).Should().BeEmpty();
                return;
            }

            var rows = duck.Rows($"""
                SELECT title, abstract, authors, upvotes, arxivId, featuredText, strftime(featured, '%Y-%m-%d'), githubStars, aiKeywords
                FROM {DuckDbSession.Dataset(dataset)}
                """);
            var expected = papers.Select(p => new object?[]
            {
                p.Title, p.Abstract, p.Authors.Count == 0 ? null : p.Authors.Select(a => a.Name).ToList(), p.Upvotes, p.ArxivId,
                p.Featured?.ToString(), p.Featured?.ToDateOnly()?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                p.Details?.GithubStars, p.Details is { AiKeywords.Count: > 0 } d ? d.AiKeywords.ToList() : null,
            });
            rows.Should().BeEquivalentTo(expected, "every paper comes back once, whatever folder it went to");
            if (PartitionCheck(partitioning) is string misplaced)
            {
                duck.Scalar($"SELECT count(*) FROM {DuckDbSession.Dataset(dataset)} WHERE {misplaced}").Should().Be(0L, "each paper is in its period's folder");
            }
        }, iter: 25);
    }
}
