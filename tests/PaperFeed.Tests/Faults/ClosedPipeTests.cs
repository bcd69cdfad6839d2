using System.Diagnostics;
using PaperFeed.Cli;
using Xunit.Abstractions;

namespace PaperFeed.Tests.Faults;

/// <summary>
/// <c>paperfeed parse --format jsonl big.txt | head -1</c> (issue 14, item 4): once the reader of standard output is
/// gone the run stops, silently, with exit code 141 (as a process SIGPIPE ends).
/// </summary>
public sealed class ClosedPipeTests(LargeDump dump, ITestOutputHelper output) : IClassFixture<LargeDump>
{
    [Theory]
    [InlineData("jsonl")]
    [InlineData("json")]
    public async Task A_closed_pipe_stops_the_run_quietly(string format)
    {
        using var run = PaperfeedProcess.Start("parse", "--quiet", "--format", format, dump.Path);
        using (var reader = new StreamReader(run.Stdout))
        {
            (await reader.ReadLineAsync().WaitAsync(PaperfeedProcess.Timeout)).Should().NotBeNullOrEmpty();
        }
        // The pipe's read end is closed now, as head closes it after its first line.
        var stopwatch = Stopwatch.StartNew();
        var result = await run.WaitAsync();
        output.WriteLine($"--format {format}: exited {stopwatch.ElapsedMilliseconds} ms after the pipe closed");

        result.ExitCode.Should().Be(ExitCodes.BrokenPipe, result.Stderr);
        result.Stderr.Should().BeEmpty();
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "the old code parsed the whole input for nobody");
    }
}
