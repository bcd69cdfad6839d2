namespace PaperFeed.Cli;

/// <summary>
/// ANSI colour for one output stream, or none: text goes through unchanged when the stream is not to be coloured
/// (<see cref="For"/>), so the words and spacing are the same either way.
/// </summary>
internal sealed class Style
{
    private const string Reset = "\e[0m";

    private Style(bool enabled) => Enabled = enabled;

    /// <summary>No colour.</summary>
    public static Style Plain { get; } = new(false);

    /// <summary>ANSI colour.</summary>
    public static Style Ansi { get; } = new(true);

    public bool Enabled { get; }

    /// <summary>
    /// The style of a stream: <see cref="ColorMode.Always"/> and <see cref="ColorMode.Never"/> as they say; otherwise
    /// colour only on a terminal, with <c>NO_COLOR</c> unset or empty and <c>TERM</c> not <c>dumb</c>.
    /// </summary>
    public static Style For(ColorMode mode, bool isTerminal, Func<string, string?> environment) => mode switch
    {
        ColorMode.Always => Ansi,
        ColorMode.Never => Plain,
        _ => isTerminal && string.IsNullOrEmpty(environment("NO_COLOR")) && environment("TERM") != "dumb" ? Ansi : Plain,
    };

    /// <summary>A severity word: error red, warning yellow, info cyan, all bold (as compilers colour them).</summary>
    public string Severity(DiagnosticSeverity severity, string text) => severity switch
    {
        DiagnosticSeverity.Info => Paint(text, "\e[1;36m"),
        DiagnosticSeverity.Warning => Paint(text, "\e[1;33m"),
        _ => Paint(text, "\e[1;31m"),
    };

    public string Heading(string text) => Paint(text, "\e[1m");

    /// <summary>A heading of added things: bold green (as diff tools colour additions).</summary>
    public string Added(string text) => Paint(text, "\e[1;32m");

    /// <summary>A heading of removed things: bold red.</summary>
    public string Removed(string text) => Paint(text, "\e[1;31m");

    /// <summary>A heading of changed things: bold yellow.</summary>
    public string Changed(string text) => Paint(text, "\e[1;33m");

    public string Dim(string text) => Paint(text, "\e[2m");

    private string Paint(string text, string code) => Enabled && text.Length > 0 ? code + text + Reset : text;
}
