using PaperFeed.Tests.Cli;

namespace PaperFeed.Tests.Parquet;

/// <summary><c>paperfeed parse|merge --format parquet</c>: where the dataset goes, and what is refused.</summary>
public sealed class ParquetCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("parse")]
    [InlineData("merge")]
    public async Task Without_an_output_directory_is_a_usage_error(string command)
    {
        var run = await CliRun.InvokeAsync(command, "--format", "parquet", TestData.Corpus001);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--format parquet writes a directory of files: give --output DIR.");
        (await CliRun.InvokeAsync(command, "--format", "parquet", "-o", "-", TestData.Corpus001)).ExitCode.Should().Be(2);
    }

    [Fact]
    public async Task Partition_by_needs_the_parquet_format_and_a_known_period()
    {
        var other = await CliRun.InvokeAsync("parse", "--format", "jsonl", "--partition-by", "day", TestData.Corpus001);
        var unknown = await CliRun.InvokeAsync("parse", "--format", "parquet", "-o", _temp.File("ds"), "--partition-by", "year", TestData.Corpus001);

        other.ExitCode.Should().Be(2);
        other.Stderr.Should().Contain("--partition-by applies only to --format parquet.");
        unknown.ExitCode.Should().Be(2);
        unknown.Stderr.Should().Contain("--partition-by: 'year' is not one of none, day, week, month.");
        Directory.Exists(_temp.File("ds")).Should().BeFalse();
    }

    [Theory]
    [InlineData("parse")]
    [InlineData("merge")]
    public async Task A_directory_with_other_files_is_left_alone(string command)
    {
        string folder = Directory.CreateDirectory(_temp.File("notes")).FullName;
        File.WriteAllText(Path.Combine(folder, "todo.txt"), "keep me");

        var run = await CliRun.InvokeAsync(command, "--format", "parquet", "-o", folder, TestData.Corpus001);

        run.ExitCode.Should().Be(1);
        run.Stderr.Should().Contain("holds files that are not a Parquet dataset");
        Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Should().Equal("todo.txt");
        Directory.EnumerateDirectories(_temp.Path).Select(Path.GetFileName).Should().Equal(["notes"], "no temporary folder is left behind");
    }

    [Fact]
    public async Task A_file_at_the_output_path_is_refused()
    {
        string file = _temp.File("papers.parquet");
        File.WriteAllText(file, "x");

        var run = await CliRun.InvokeAsync("parse", "--format", "parquet", "-o", file, TestData.Corpus001);

        run.ExitCode.Should().Be(1);
        run.Stderr.Should().Contain("is a file");
        File.ReadAllText(file).Should().Be("x");
    }

    [Fact]
    public async Task A_rerun_replaces_the_earlier_dataset_whole()
    {
        string dataset = _temp.File("ds");
        (await CliRun.InvokeAsync("parse", "-q", "--format", "parquet", "--partition-by", "day", "--reference-date", "2025-12-31", "-o", dataset, TestData.Corpus000)).ExitCode.Should().Be(0);
        Directory.EnumerateDirectories(dataset).Select(Path.GetFileName).Should().Equal("featured_day=2025-08-28");

        var run = await CliRun.InvokeAsync("parse", "-q", "--format", "parquet", "--partition-by", "day", "--reference-date", "2025-12-31", "-o", dataset, TestData.Corpus001);

        run.ExitCode.Should().Be(0, run.Stderr);
        Directory.EnumerateDirectories(dataset).Select(Path.GetFileName).Should().Equal(["featured_day=2025-12-30"], "the earlier run's partitions are gone");
        Directory.EnumerateFileSystemEntries(_temp.Path).Select(Path.GetFileName).Should().Equal("ds");
    }

    [Fact]
    public async Task Merge_writes_each_paper_once()
    {
        string dataset = _temp.File("ds");

        var run = await CliRun.InvokeAsync("merge", "-q", "--format", "parquet", "--partition-by", "month", "-o", dataset, TestData.Corpus000, TestData.Corpus000);

        run.ExitCode.Should().Be(0, run.Stderr);
        using var duck = new DuckDbSession();
        duck.Scalar($"SELECT count(*) FROM {DuckDbSession.Dataset(dataset)}").Should().Be(78L, "the file's 78 papers (expected.json), merged with themselves");
    }
}
