using System.CommandLine;
using System.Globalization;

namespace PaperFeed.Cli;

/// <summary>Options several commands take, made in one place so they read and mean the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string?> Output()
    {
        var option = new Option<string?>("--output", "-o")
        {
            Description = "Write to FILE instead of standard output: a file is replaced only when the run succeeds (a symlink's target is), a device or FIFO is written in place, a read-only file is refused. '-' is standard output.",
            HelpName = "FILE",
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && result.Tokens[0].Value.Length == 0) result.AddError("--output: the path is empty.");
        });
        return option;
    }

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "Hide info and warning diagnostics (errors still show).",
    };

    public static Option<string?> Diagnostics() => new("--diagnostics")
    {
        Description = "Also write every diagnostic to FILE as JSON Lines (code, severity, file, line, column, message); stderr shows at most 20 per code and file.",
        HelpName = "FILE",
    };

    /// <summary>A count such as <c>--top</c>: a whole number from 0 to 2147483647, or a usage error that names the option.</summary>
    public static Option<int?> Count(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int count)) return count;
            result.AddError($"{name}: '{Reporter.Bound(text)}' is not a whole number from 0 to {int.MaxValue}.");
            return null;
        },
    };
}
