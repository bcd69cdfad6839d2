using System.Text;

namespace PaperFeed.Tests.Cli;

/// <summary>One in-process run of <c>paperfeed</c> (the same entry point as the executable): exit code and output.</summary>
internal sealed record PaperfeedRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<PaperfeedRun> InvokeAsync(params string[] args)
    {
        using var input = new MemoryStream();
        using var output = new MemoryStream();
        using var error = new StringWriter();
        int exitCode = await PaperFeed.Cli.Cli.InvokeAsync(args, input, output, error);
        return new PaperfeedRun(exitCode, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }
}
