using System.Diagnostics;
using Xunit.Abstractions;

namespace PaperFeed.Tests.Faults;

/// <summary>
/// SIGINT, SIGTERM and SIGHUP during a long run (issue 14, item 2): the run stops promptly, removes its temporary
/// file, keeps the old output, prints one line and exits 128 + the signal's number.
/// </summary>
public sealed class SignalTests(LargeDump dump, ITestOutputHelper output) : IClassFixture<LargeDump>, IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("parse", "INT", 130)]
    [InlineData("parse", "TERM", 143)]
    [InlineData("parse", "HUP", 129)]
    [InlineData("merge", "TERM", 143)]
    [InlineData("stats", "INT", 130)]
    [InlineData("diff", "HUP", 129)]
    public async Task A_signal_stops_the_run_and_keeps_the_old_output(string command, string signal, int exitCode)
    {
        string target = _folder.File("out.json");
        File.WriteAllText(target, "old output\n");
        // The dump more than once, so the run is surely still going when the signal comes (diff takes two inputs).
        string[] inputs = command == "diff" ? [dump.Path, dump.Path] : [.. Enumerable.Repeat(dump.Path, 6)];
        using var run = PaperfeedProcess.Start([command, "--quiet", "--output", target, .. inputs]);
        var stdout = run.Stdout.CopyToAsync(Stream.Null);

        await WaitUntilReadingAsync(run.Id);
        var stopwatch = Stopwatch.StartNew();
        run.Signal(signal);
        var result = await run.WaitAsync();
        stopwatch.Stop();
        await stdout;
        output.WriteLine($"{command}, SIG{signal}: exited {stopwatch.ElapsedMilliseconds} ms after the signal");

        result.ExitCode.Should().Be(exitCode, result.Stderr);
        result.StderrLines.Should().ContainSingle().Which.Should().Be($"paperfeed: error: interrupted by SIG{signal}; output not written");
        File.ReadAllText(target).Should().Be("old output\n");
        Directory.GetFileSystemEntries(_folder.Path).Should().Equal([target], "the temporary file is removed");
        // "Within a second" on an idle machine; generous here, where other builds share the cores.
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("parse", "INT", 130)]
    [InlineData("merge", "TERM", 143)]
    public async Task A_signal_stops_a_run_waiting_on_standard_input(string command, string signal, int exitCode)
    {
        // A read of a pipe cannot be cancelled: the run gives it up (parse) or the process ends without it (merge).
        string target = _folder.File("out.json");
        File.WriteAllText(target, "old output\n");
        var sample = File.ReadAllBytes(Path.Combine(SourceTree.Root, "samples", "daily-papers.txt"));
        byte[] first = [.. sample, .. sample, .. sample];
        using var run = PaperfeedProcess.Start(first, command, "--quiet", "--output", target, "-");
        var stdout = run.Stdout.CopyToAsync(Stream.Null);

        // Startup reads far less than this: past it, the run has read what was written and waits for more.
        await WaitUntilReadingAsync(run.Id, first.Length);
        await Task.Delay(200);
        var stopwatch = Stopwatch.StartNew();
        run.Signal(signal);
        var result = await run.WaitAsync();
        stopwatch.Stop();
        await stdout;
        output.WriteLine($"{command} on a stalled standard input, SIG{signal}: exited {stopwatch.ElapsedMilliseconds} ms after the signal");

        result.ExitCode.Should().Be(exitCode, result.Stderr);
        result.StderrLines.Should().ContainSingle().Which.Should().Be($"paperfeed: error: interrupted by SIG{signal}; output not written");
        File.ReadAllText(target).Should().Be("old output\n");
        Directory.GetFileSystemEntries(_folder.Path).Should().Equal([target], "the temporary file is removed");
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task A_signal_during_a_parquet_dataset_leaves_no_temporary_folder()
    {
        // The dataset folder is written beside DIR while papers stream in from a stalled standard input.
        string target = _folder.File("dataset");
        var sample = File.ReadAllBytes(Path.Combine(SourceTree.Root, "samples", "daily-papers.txt"));
        byte[] first = [.. sample, .. sample, .. sample];
        using var run = PaperfeedProcess.Start(first, "parse", "--quiet", "--format", "parquet", "--output", target, "-");
        var stdout = run.Stdout.CopyToAsync(Stream.Null);

        await WaitUntilReadingAsync(run.Id, first.Length);
        await Task.Delay(200);
        run.Signal("TERM");
        var result = await run.WaitAsync();
        await stdout;

        result.ExitCode.Should().Be(143, result.Stderr);
        result.StderrLines.Should().ContainSingle().Which.Should().Be("paperfeed: error: interrupted by SIGTERM; output not written");
        Directory.GetFileSystemEntries(_folder.Path).Should().BeEmpty("neither the dataset nor its temporary folder is left");
    }

    /// <summary>Waits until the process has read part of its input (Linux: /proc/PID/io), so the signal lands mid-run.</summary>
    internal static async Task WaitUntilReadingAsync(int pid, long bytes = 2 << 20)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < PaperfeedProcess.Timeout)
        {
            try
            {
                string? read = File.ReadLines($"/proc/{pid}/io").FirstOrDefault(line => line.StartsWith("rchar:", StringComparison.Ordinal));
                if (read is not null && long.Parse(read["rchar:".Length..], System.Globalization.CultureInfo.InvariantCulture) > bytes) return;
            }
            catch (IOException)
            {
                return; // the process already ended: the assertions say how
            }
            await Task.Delay(20);
        }
    }

    public void Dispose() => _folder.Dispose();
}
