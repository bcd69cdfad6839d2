using PaperFeed.Partitioning;
using System.Text;
using PaperFeed.Testing;

namespace PaperFeed.Tests.Partitioning;

public sealed class ParallelParseTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"paperfeed-parallel-{Guid.NewGuid():N}.txt");

    public void Dispose() => File.Delete(_path);

    private DumpSummary WriteDump(int seed, long bytes = 3 << 20) =>
        DumpGenerator.WriteFile(_path, new DumpOptions { Seed = seed, TargetBytes = bytes, LineEndings = DumpLineEndings.Mixed, ByteOrderMark = true });

    private static async Task<(List<Paper> Papers, List<FeedDiagnostic> Diagnostics)> Collect(Func<FeedParserOptions, IAsyncEnumerable<Paper>> read)
    {
        var diagnostics = new List<FeedDiagnostic>();
        var papers = new List<Paper>();
        await foreach (var paper in read(new FeedParserOptions { OnDiagnostic = diagnostics.Add })) papers.Add(paper);
        return (papers, diagnostics);
    }

    private async Task<(List<Paper> Papers, List<FeedDiagnostic> Diagnostics)> Sequential()
    {
        await using var stream = File.OpenRead(_path);
        return await Collect(options => FeedParser.ReadPapersAsync(stream, options));
    }

    [Theory]
    [InlineData(1, 64 << 10, 2)]
    [InlineData(2, 300 << 10, 3)]
    [InlineData(3, 4 << 20, 0)]
    [InlineData(9, 3 << 10, 2)] // nominal cuts closer together than snapshots: most find the same next start, and pieces stay whole
    public async Task Parallel_parse_equals_the_sequential_parse_line_numbers_and_diagnostics_included(int seed, long pieceLength, int parallelism)
    {
        var summary = WriteDump(seed);
        var expected = await Sequential();

        var actual = await Collect(options => ParallelReads.ReadAsync<Paper>(_path, Settings(options), ParallelParse.Output.Papers, parallelism, pieceLength, default));

        actual.Papers.Should().HaveCount((int)summary.Expected.Papers).And.Equal(expected.Papers);
        actual.Papers.Select(p => p.SourceLine).Should().Equal(expected.Papers.Select(p => p.SourceLine));
        actual.Diagnostics.Should().Equal(expected.Diagnostics);
        actual.Diagnostics.Should().HaveCount((int)(summary.Expected.Infos + summary.Expected.Warnings));
    }

    [Fact]
    public async Task Parallel_count_equals_the_true_counts()
    {
        var summary = WriteDump(4);

        var statistics = await ParallelReads.CountAsync(_path, ReadSettings.Default, 2, 128 << 10, default);

        statistics.Should().Be(summary.Expected);
        (await FeedParser.CountParallelAsync(_path)).Should().Be(summary.Expected);
    }

    [Fact]
    public async Task An_entry_cut_short_by_the_next_header_is_reported_as_in_the_sequential_parse()
    {
        await File.WriteAllTextAsync(_path, "new\n\nAug 28\n\nT1\n\nA1\n\nT2\n\nnew\n\nAug 29\n\nT3\n\nA3\n");
        var expected = await Sequential();

        var actual = await Collect(options => ParallelReads.ReadAsync<Paper>(_path, Settings(options), ParallelParse.Output.Papers, 2, 1, default));

        actual.Papers.Should().Equal(expected.Papers);
        actual.Diagnostics.Should().Equal(expected.Diagnostics).And.ContainSingle(d => d.Code == DiagnosticCodes.MissingAbstract && d.Line == 9);
    }

    [Fact]
    public async Task Errors_surface_after_the_papers_before_them_with_the_line_of_the_whole_file()
    {
        var summary = WriteDump(5, 1 << 20);
        var bytes = await File.ReadAllBytesAsync(_path);
        int nul = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length * 3 / 4) + 1;
        bytes[nul] = 0;
        await File.WriteAllBytesAsync(_path, bytes);
        var sequential = new List<Paper>();
        var sequentialError = await Record.ExceptionAsync(async () =>
        {
            await using var stream = File.OpenRead(_path);
            await foreach (var paper in FeedParser.ReadPapersAsync(stream)) sequential.Add(paper);
        });

        var parallel = new List<Paper>();
        var parallelError = await Record.ExceptionAsync(async () =>
        {
            await foreach (var paper in ParallelReads.ReadAsync<Paper>(_path, Settings(FeedParserOptions.Default), ParallelParse.Output.Papers, 2, 64 << 10, default)) parallel.Add(paper);
        });

        sequentialError.Should().BeOfType<FeedFormatException>();
        parallelError.Should().BeOfType<FeedFormatException>().Which.Diagnostic.Should().Be(((FeedFormatException)sequentialError!).Diagnostic);
        parallel.Should().Equal(sequential).And.HaveCountGreaterThan((int)summary.Expected.Papers / 2);
    }

    [Fact]
    public async Task Strict_mode_throws_the_first_warning_of_the_whole_file()
    {
        WriteDump(6, 1 << 20);
        var strict = new FeedParserOptions { Strict = true };
        var sequentialError = await Record.ExceptionAsync(async () =>
        {
            await using var stream = File.OpenRead(_path);
            await foreach (var _ in FeedParser.ReadPapersAsync(stream, strict)) { }
        });

        var parallelError = await Record.ExceptionAsync(async () =>
        {
            await foreach (var _ in ParallelReads.ReadAsync<Paper>(_path, Settings(strict), ParallelParse.Output.Papers, 2, 32 << 10, default)) { }
        });

        parallelError.Should().BeOfType<FeedFormatException>().Which.Diagnostic.Should().Be(((FeedFormatException)sequentialError!).Diagnostic);
    }

    [Fact]
    public async Task Stopping_early_stops_the_pieces_and_releases_the_file()
    {
        WriteDump(7);
        int taken = 0;

        await foreach (var _ in ParallelReads.ReadAsync<Paper>(_path, Settings(FeedParserOptions.Default), ParallelParse.Output.Papers, 2, 64 << 10, default))
        {
            if (++taken == 10) break;
        }

        taken.Should().Be(10);
        File.Delete(_path);
        File.Exists(_path).Should().BeFalse();
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        WriteDump(8);
        using var cancellation = new CancellationTokenSource();

        var act = async () =>
        {
            await foreach (var _ in FeedParser.ReadPapersParallelAsync(_path, cancellationToken: cancellation.Token)) await cancellation.CancelAsync();
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    private static ReadSettings Settings(FeedParserOptions options) => options.ToSettings();
}
