using System.Diagnostics;

namespace PaperFeed.Tests.Faults;

/// <summary>
/// The environment a run meets, driven through the real executable and a real shell: leftovers of a run killed with
/// SIGKILL, a tiny descriptor limit, closed standard streams, and odd file names (a leading dash, a newline, a byte
/// that is not UTF-8).
/// </summary>
public sealed class EnvironmentTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_later_run_removes_the_temporary_file_of_a_killed_run_and_never_a_live_ones()
    {
        string target = _folder.File("out.csv");
        var sample = await File.ReadAllBytesAsync(TestData.Corpus000);
        byte[] stalled = [.. sample, .. sample];

        // A run killed with SIGKILL while it writes out.csv: it cannot clean up.
        using (var killed = PaperfeedProcess.Start(stalled, "parse", "--quiet", "--format", "csv", "-o", target, "-"))
        {
            string leftover = await WaitForTemporaryAsync(killed.Id);
            Path.GetFileName(leftover).Should().MatchRegex($@"^\.out\.csv\.p{killed.Id}s\d+n\d+\.tmp$", "the name says which process wrote it");
            Bash($"kill -9 {killed.Id}");
            (await killed.WaitAsync()).ExitCode.Should().Be(137);
            File.Exists(leftover).Should().BeTrue("SIGKILL leaves the temporary file");
        }
        string killedLeftover = Temporaries().Single();

        // A run still going for the same output, and a third that finishes.
        using var live = PaperfeedProcess.Start(stalled, "parse", "--quiet", "--format", "csv", "-o", target, "-");
        string liveTemporary = await WaitForTemporaryAsync(live.Id);
        var finished = await PaperfeedProcess.RunAsync("parse", "--quiet", "--format", "csv", "-o", target, TestData.Corpus001);

        finished.ExitCode.Should().Be(0, finished.Stderr);
        File.Exists(killedLeftover).Should().BeFalse("the killed run's leftover is removed");
        File.Exists(liveTemporary).Should().BeTrue("a live run's file is never removed");
        File.ReadLines(target).Count().Should().BeGreaterThan(53, "the finished run wrote its 53 papers");
    }

    [Fact]
    public void A_tiny_descriptor_limit_is_one_clear_line_and_exit_1()
    {
        // 32: the JIT-compiled runtime needs about 24 descriptors before the program's first line runs (a Native AOT
        // build, the published paperfeed, needs fewer); below 64 paperfeed refuses to start.
        var run = Bash($"ulimit -n 32; exec {Quote(PaperfeedProcess.Executable)} parse {Quote(TestData.Corpus000)}");

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().ContainSingle().Which.Should().Be(
            "paperfeed: error: too few file descriptors: the limit is 32 (ulimit -n), paperfeed needs at least 64; raise it with ulimit -n 1024");
    }

    [Fact]
    public void A_file_named_with_a_byte_that_is_not_utf8_is_read()
    {
        // é in Latin-1 (0xE9): the name can only be made and given through the shell, as bytes.
        Bash($"cp {Quote(TestData.Corpus000)} {Quote(_folder.Path)}/lat$'\\xe9'in.txt").ExitCode.Should().Be(0);

        var run = Bash($"exec {Quote(PaperfeedProcess.Executable)} stats --quiet {Quote(_folder.Path)}/lat$'\\xe9'in.txt");
        // .NET cannot name the file to delete it either.
        Bash($"rm {Quote(_folder.Path)}/lat$'\\xe9'in.txt").ExitCode.Should().Be(0);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("\"papers\": 78", "the snapshot's 78 papers (its PROVENANCE.md)");
    }

    [Fact]
    public void A_file_named_with_a_leading_dash_is_read_after_a_double_dash()
    {
        File.Copy(TestData.Corpus000, _folder.File("-dash.txt"));

        var run = Bash($"cd {Quote(_folder.Path)} && exec {Quote(PaperfeedProcess.Executable)} stats --quiet -- -dash.txt");
        var withoutDoubleDash = Bash($"cd {Quote(_folder.Path)} && exec {Quote(PaperfeedProcess.Executable)} stats --quiet -dash.txt");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("\"papers\": 78");
        withoutDoubleDash.ExitCode.Should().Be(2, "without '--' it is an unknown option, as in any Unix tool");
    }

    [Fact]
    public void A_newline_in_a_path_keeps_each_diagnostic_on_one_line()
    {
        string path = _folder.File("new\nline\tname.txt");
        File.WriteAllText(path, "Daily Papers\n\nAug 28\n\nTitle\n\nAbstract.\n\n  • x authors\n");

        var run = Bash($"exec {Quote(PaperfeedProcess.Executable)} parse {Quote(path)}");

        run.ExitCode.Should().Be(0, run.Stderr);
        string shown = _folder.Path + "/new\\nline\\tname.txt";
        run.StderrLines.Should().NotBeEmpty().And.OnlyContain(line => line.StartsWith(shown + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Closed_standard_input_does_not_hang_and_closed_standard_output_says_so()
    {
        var stdinClosed = Bash($"exec {Quote(PaperfeedProcess.Executable)} parse <&-");
        var stdoutClosed = Bash($"exec {Quote(PaperfeedProcess.Executable)} parse --quiet {Quote(TestData.Corpus000)} >&-");
        var both = Bash($"exec {Quote(PaperfeedProcess.Executable)} parse --quiet -o {Quote(_folder.File("out.json"))} {Quote(TestData.Corpus000)} <&- >&-");

        stdinClosed.ExitCode.Should().Be(1);
        stdinClosed.StderrLines.Should().ContainSingle().Which.Should().Be(
            "paperfeed: error: <stdin>: it is closed (<&-): there is nothing to read; give input files, or '-' with input");
        stdoutClosed.ExitCode.Should().Be(1);
        stdoutClosed.StderrLines.Should().ContainSingle().Which.Should().Be("paperfeed: error: standard output: cannot write: it is closed (>&-); give --output FILE");
        both.ExitCode.Should().Be(0, "a run that uses neither stream is not affected: " + both.Stderr);
        File.Exists(_folder.File("out.json")).Should().BeTrue();
    }

    private IEnumerable<string> Temporaries() => Directory.EnumerateFiles(_folder.Path, ".out.csv.*.tmp");

    /// <summary>Waits until the run with process id <paramref name="pid"/> has made its temporary output.</summary>
    private async Task<string> WaitForTemporaryAsync(int pid)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < PaperfeedProcess.Timeout)
        {
            if (Temporaries().FirstOrDefault(path => Path.GetFileName(path).Contains($".p{pid}s", StringComparison.Ordinal)) is string found) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"run {pid} made no temporary file");
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static PaperfeedProcess.Result Bash(string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(PaperfeedProcess.Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{script}' did not finish");
        }
        return new PaperfeedProcess.Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
