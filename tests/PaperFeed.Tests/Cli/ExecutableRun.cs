using System.Diagnostics;

namespace PaperFeed.Tests.Cli;

/// <summary>
/// One run of the built <c>paperfeed</c> program in its own process (the CLI assembly next to the tests, through the
/// <c>dotnet</c> host that runs them): real exit code, real standard output and error, no in-process shortcuts.
/// </summary>
internal sealed record ExecutableRun(int ExitCode, string Stdout, string Stderr)
{
    private static string Host => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static async Task<ExecutableRun> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PaperFeed.Cli.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("paperfeed did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new ExecutableRun(process.ExitCode, await stdout, await stderr);
    }
}
