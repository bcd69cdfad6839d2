using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace PaperFeed.Tests.Faults;

/// <summary>
/// The real <c>paperfeed</c> executable (the CLI project's apphost, copied next to the tests) as a child process:
/// signals, closed pipes and special files only show in a real process.
/// </summary>
internal sealed class PaperfeedProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly Task _stderrDone;

    private PaperfeedProcess(Process process)
    {
        _process = process;
        _stderrDone = Task.Run(async () =>
        {
            string text = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
            lock (_stderr) _stderr.Append(text);
        });
    }

    public static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "PaperFeed.Cli.exe" : "PaperFeed.Cli");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public Stream Stdout => _process.StandardOutput.BaseStream;

    /// <summary>Starts <c>paperfeed <paramref name="args"/></c> with standard input empty and closed.</summary>
    public static PaperfeedProcess Start(params string[] args) => Start(null, args);

    /// <summary>
    /// Starts <c>paperfeed <paramref name="args"/></c>; standard input gets <paramref name="stdin"/> and then stays open
    /// with nothing more, as from a producer that stalls (null: empty and closed).
    /// </summary>
    public static PaperfeedProcess Start(byte[]? stdin, params string[] args)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("paperfeed did not start");
        if (stdin is null)
        {
            process.StandardInput.Close();
        }
        else
        {
            process.StandardInput.BaseStream.Write(stdin);
            process.StandardInput.BaseStream.Flush();
        }
        return new PaperfeedProcess(process);
    }

    /// <summary>Runs to the end, reading standard output; a run that hangs fails the test instead of the suite.</summary>
    public static async Task<Result> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var stdout = new MemoryStream();
        await process.Stdout.CopyToAsync(stdout).WaitAsync(Timeout);
        return await process.WaitAsync() with { Stdout = Encoding.UTF8.GetString(stdout.ToArray()) };
    }

    /// <summary>Generous: the machine runs other builds; a hang still fails in bounded time.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Sends a signal (by name: INT, TERM, HUP) with kill(2): at once, where spawning kill(1) takes a while on a loaded machine.</summary>
    public void Signal(string name)
    {
        int number = name switch { "HUP" => 1, "INT" => 2, "TERM" => 15, _ => throw new ArgumentOutOfRangeException(nameof(name)) };
        if (Kill(_process.Id, number) != 0)
        {
            throw new InvalidOperationException($"kill({name}) failed (errno {Marshal.GetLastPInvokeError()}); paperfeed exited: {_process.HasExited}, stderr: {_stderr}");
        }
    }

    [DllImport("libc.so.6", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>Waits for the exit (standard output must be drained or closed by the caller).</summary>
    public async Task<Result> WaitAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? Timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"paperfeed did not exit within {timeout ?? Timeout}");
        }
        await _stderrDone;
        lock (_stderr) return new Result(_process.ExitCode, "", _stderr.ToString());
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    /// <summary>What a run left: exit code, standard output (when read) and standard error.</summary>
    internal sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
