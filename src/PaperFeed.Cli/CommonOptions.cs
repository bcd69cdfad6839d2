using System.CommandLine;

namespace PaperFeed.Cli;

/// <summary>Options several commands take, made in one place so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Write to FILE (replaced only when the run succeeds) instead of standard output.",
        HelpName = "FILE",
    };

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "Hide info and warning diagnostics (errors still show).",
    };
}
