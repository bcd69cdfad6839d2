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
        string[] inputs = command == "diff" ? [dump.Path, dump.Path] : [dump.Path];
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
