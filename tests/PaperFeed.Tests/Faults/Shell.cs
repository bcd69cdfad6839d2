using System.Diagnostics;

namespace PaperFeed.Tests.Faults;

/// <summary>Runs a bash script as a user would type it (pipes, FIFOs, process substitution), with a bounded wait.</summary>
internal static class Shell
{
    public static (int ExitCode, string Stdout, string Stderr) Bash(string script)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(PaperfeedProcess.Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the script hung: {script}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A path quoted for bash.</summary>
    public static string Quoted(string path) => "'" + path.Replace("'", "'\\''") + "'";

    /// <summary>The real CLI executable, quoted.</summary>
    public static string Cli => Quoted(PaperfeedProcess.Executable);
}
