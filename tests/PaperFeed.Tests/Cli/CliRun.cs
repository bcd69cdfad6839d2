using System.Text;

namespace PaperFeed.Tests.Cli;

/// <summary>One in-process run of <c>paperfeed</c>: exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static Task<CliRun> WithStdinAsync(string stdin, params string[] args) => WithStdinAsync(Encoding.UTF8.GetBytes(stdin), args);

    public static async Task<CliRun> WithStdinAsync(byte[] stdin, params string[] args)
    {
        using var input = new MemoryStream(stdin);
        using var output = new MemoryStream();
        using var error = new StringWriter();
        int exitCode = await PaperFeed.Cli.Cli.InvokeAsync(args, input, output, error);
        return new CliRun(exitCode, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    public static Task<CliRun> InvokeAsync(params string[] args) => WithStdinAsync([], args);

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
