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
        Description = "Hide warnings as well as infos (errors still show).",
    };

    public static Option<bool> Verbose() => new("--verbose", "-v")
    {
        Description = "Also show info diagnostics (repairs such as a collapsed repeat, normal on real listings): counted, not shown, without it.",
    };

    public static Option<ColorMode> Color()
    {
        var option = new Option<ColorMode>("--color")
        {
            Description = "When to colour severity words and headings: auto (on a terminal, unless NO_COLOR is set), always, never. [default: auto]",
            HelpName = "WHEN",
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (ColorModes.FirstOrDefault(m => m.Name == text) is { Name: not null } mode) return mode.Mode;
                result.AddError($"--color: '{Reporter.Bound(text)}' is not one of auto, always, never.");
                return ColorMode.Auto;
            },
        };
        option.CompletionSources.Add([.. ColorModes.Select(m => m.Name)]);
        return option;
    }

    private static readonly (string Name, ColorMode Mode)[] ColorModes = [("auto", ColorMode.Auto), ("always", ColorMode.Always), ("never", ColorMode.Never)];

    /// <summary><c>--json</c> of the commands that print a summary for people on a terminal: the JSON scripts read, always.</summary>
    public static Option<bool> Json(string description) => new("--json")
    {
        Description = description,
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
