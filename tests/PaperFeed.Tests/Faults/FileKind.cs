using System.Diagnostics;

namespace PaperFeed.Tests.Faults;

/// <summary>Special files for the tests, made and inspected with the system's own tools (mkfifo, mknod, stat).</summary>
internal static class FileKind
{
    /// <summary>The file's type as stat(1) names it: "regular file", "fifo", "character special file", "symbolic link".</summary>
    public static string Of(string path) => Run("stat", "-c", "%F", path).Output.Trim();

    /// <summary>Runs a tool; its exit code and standard output.</summary>
    public static (int ExitCode, string Output) Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
