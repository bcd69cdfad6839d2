using PaperFeed.Parquet;

namespace PaperFeed.Tests.Parquet;

/// <summary>Partition folders, file names and row groups of <see cref="ParquetExport"/>, read back by DuckDB.</summary>
public sealed class ParquetDatasetTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DuckDbSession _duck = new();

    public void Dispose()
    {
        _duck.Dispose();
        _temp.Dispose();
    }

    private static Paper Featured(string title, int? year, int month, int day, int upvotes = 1) =>
        new() { Title = title, Featured = new PaperDate(year, month, day), Upvotes = upvotes };

    // 2024-12-30 is a Monday in ISO week 2025-W01; 2025-01-01 too; 2024-12-29 is a Sunday, the end of 2024-W52.
    private static readonly Paper[] AcrossTheYear =
    [
        Featured("Sunday", 2024, 12, 29), Featured("Monday", 2024, 12, 30), Featured("New year", 2025, 1, 1),
        Featured("June", 2025, 6, 14), Featured("Year-less", null, 8, 28), new Paper { Title = "Undated" },
    ];

    [Theory]
    [InlineData(ParquetPartitioning.None, new[] { "part-00000.parquet" })]
    [InlineData(ParquetPartitioning.Day, new[] {
        "featured_day=2024-12-29/part-00000.parquet", "featured_day=2024-12-30/part-00000.parquet", "featured_day=2025-01-01/part-00000.parquet",
        "featured_day=2025-06-14/part-00000.parquet", "featured_day=__HIVE_DEFAULT_PARTITION__/part-00000.parquet" })]
    [InlineData(ParquetPartitioning.Week, new[] {
        "featured_week=2024-W52/part-00000.parquet", "featured_week=2025-W01/part-00000.parquet", "featured_week=2025-W24/part-00000.parquet",
        "featured_week=__HIVE_DEFAULT_PARTITION__/part-00000.parquet" })]
    [InlineData(ParquetPartitioning.Month, new[] {
        "featured_month=2024-12/part-00000.parquet", "featured_month=2025-01/part-00000.parquet", "featured_month=2025-06/part-00000.parquet",
        "featured_month=__HIVE_DEFAULT_PARTITION__/part-00000.parquet" })]
    public async Task Partitions_are_hive_folders_named_by_the_featured_period(ParquetPartitioning partitioning, string[] expected)
    {
        string dataset = _temp.File("ds");

        var files = await ParquetExport.WriteDatasetAsync(dataset, AcrossTheYear.ToAsyncEnumerable(), new ParquetExportOptions { PartitionBy = partitioning });

        files.Order(StringComparer.Ordinal).Should().Equal(expected);
        Directory.EnumerateFiles(dataset, "*", SearchOption.AllDirectories).Should().HaveCount(expected.Length);
        _duck.Scalar($"SELECT count(*) FROM {DuckDbSession.Dataset(dataset)}").Should().Be(6L);
    }

    [Fact]
    public async Task Duckdb_reads_the_partition_values_and_null_for_unknown_days()
    {
        string dataset = _temp.File("ds");
        await ParquetExport.WriteDatasetAsync(dataset, AcrossTheYear.ToAsyncEnumerable(), new ParquetExportOptions { PartitionBy = ParquetPartitioning.Week });

        var rows = _duck.Rows($"SELECT title, featured_week FROM {DuckDbSession.Dataset(dataset)} ORDER BY title");

        rows.Select(r => (r[0], r[1])).Should().Equal(
            ("June", "2025-W24"), ("Monday", "2025-W01"), ("New year", "2025-W01"), ("Sunday", "2024-W52"), ("Undated", null), ("Year-less", null));
    }

    [Fact]
    public async Task Row_groups_hold_at_most_the_row_group_size_and_files_keep_input_order()
    {
        string dataset = _temp.File("ds");
        var papers = Enumerable.Range(0, 1000).Select(i => new Paper { Title = $"Paper {i:0000}", Upvotes = i }).ToArray();

        await ParquetExport.WriteDatasetAsync(dataset, papers.ToAsyncEnumerable(), new ParquetExportOptions { RowGroupSize = 128 });

        var groups = _duck.Rows($"SELECT row_group_id, any_value(row_group_num_rows) FROM parquet_metadata('{dataset}/part-00000.parquet') GROUP BY ALL ORDER BY 1");
        groups.Select(g => (long)g[1]!).Should().Equal(128, 128, 128, 128, 128, 128, 128, 104);
        var upvotes = _duck.Rows($"SELECT upvotes FROM read_parquet('{dataset}/part-00000.parquet')").Select(r => (int)r[0]!);
        upvotes.Should().Equal(Enumerable.Range(0, 1000), "rows keep input order");
    }

    [Fact]
    public async Task Interleaved_periods_beyond_the_open_file_limit_continue_in_the_next_part()
    {
        string dataset = _temp.File("ds");
        int months = ParquetDatasetWriter.MaxOpenFiles + 4;
        // Two rounds over more months than files may be open: the first files of each month are finished, the second round starts part-00001.
        var papers = Enumerable.Range(0, 2 * months).Select(i => Featured($"P{i}", 2020 + (i % months) / 12, (i % months) % 12 + 1, 1, upvotes: i)).ToArray();

        var files = await ParquetExport.WriteDatasetAsync(dataset, papers.ToAsyncEnumerable(), new ParquetExportOptions { PartitionBy = ParquetPartitioning.Month });

        // Cycling through more months than files stay open, each month was closed before its second paper came.
        files.Should().HaveCount(2 * months);
        files.Should().Contain(["featured_month=2020-01/part-00000.parquet", "featured_month=2020-01/part-00001.parquet", "featured_month=2021-08/part-00001.parquet"]);
        var totals = _duck.Rows($"SELECT count(*), CAST(sum(upvotes) AS BIGINT) FROM {DuckDbSession.Dataset(dataset)}").Single();
        totals.Should().Equal(2L * months, (long)papers.Sum(p => p.Upvotes!.Value));
    }

    [Fact]
    public async Task No_papers_give_one_empty_file_with_the_schema()
    {
        string dataset = _temp.File("ds");

        var files = await ParquetExport.WriteDatasetAsync(dataset, AsyncEnumerable.Empty<Paper>());

        files.Should().Equal("part-00000.parquet");
        _duck.Scalar($"SELECT count(*) FROM {DuckDbSession.Dataset(dataset)}").Should().Be(0L);
        _duck.Describe(DuckDbSession.Dataset(dataset)).Should().ContainKey("arxivId").WhoseValue.Should().Be("VARCHAR");
    }

    [Fact]
    public async Task One_file_to_a_stream_reads_back_in_duckdb()
    {
        string path = _temp.File("one.parquet");
        await using (var stream = File.Create(path))
        {
            long written = await ParquetExport.WriteAsync(stream, TypedPapers.All.ToAsyncEnumerable(), new ParquetExportOptions { RowGroupSize = 2 });
            written.Should().Be(3);
        }

        _duck.Rows($"SELECT title FROM read_parquet('{path}')").Select(r => r[0]).Should().Equal("An Example Paper", "Text paper: year-less dates", "Bare");
    }

    [Fact]
    public async Task A_forward_only_stream_gets_the_same_bytes_as_a_seekable_one()
    {
        var papers = TypedPapers.All.Concat(Enumerable.Range(0, 50).Select(i => new Paper { Title = $"P{i}", Upvotes = i })).ToArray();
        using var seekable = new MemoryStream();
        using var written = new MemoryStream();
        await using var forwardOnly = new Faults.NoSpaceStream(written, capacity: long.MaxValue);

        await ParquetExport.WriteAsync(seekable, papers.ToAsyncEnumerable(), new ParquetExportOptions { RowGroupSize = 16 });
        await ParquetExport.WriteAsync(forwardOnly, papers.ToAsyncEnumerable(), new ParquetExportOptions { RowGroupSize = 16 });

        written.ToArray().Should().Equal(seekable.ToArray(), "a pipe or standard output gets a valid file too");
        string path = _temp.File("piped.parquet");
        File.WriteAllBytes(path, written.ToArray());
        _duck.Scalar($"SELECT count(*) FROM read_parquet('{path}')").Should().Be(53L);
    }

    [Fact]
    public async Task No_papers_with_partitions_give_an_empty_folder()
    {
        string dataset = _temp.File("ds");

        var files = await ParquetExport.WriteDatasetAsync(dataset, AsyncEnumerable.Empty<Paper>(), new ParquetExportOptions { PartitionBy = ParquetPartitioning.Day });

        files.Should().BeEmpty();
        Directory.EnumerateFileSystemEntries(dataset).Should().BeEmpty();
    }

    [Fact]
    public async Task A_lone_surrogate_becomes_the_replacement_character()
    {
        string dataset = _temp.File("ds");

        await ParquetExport.WriteDatasetAsync(dataset, new[] { new Paper { Title = "a\uD800b", Abstract = "ok \uD83E\uDD80" } }.ToAsyncEnumerable());

        _duck.Rows($"SELECT title, abstract FROM {DuckDbSession.Dataset(dataset)}").Single().Should().Equal("a\uFFFDb", "ok \uD83E\uDD80");
    }

    [Fact]
    public void A_row_group_holds_at_least_one_paper() =>
        FluentActions.Invoking(() => new ParquetExportOptions { RowGroupSize = 0 }).Should().Throw<ArgumentOutOfRangeException>();
}
