using System.Globalization;

namespace PaperFeed.Cli;

/// <summary>Writes diagnostics and errors to stderr, one line each, like a compiler: <c>PATH:LINE: warning: message [PF201]</c>.</summary>
internal sealed class Reporter(TextWriter stderr, bool quiet)
{
    /// <summary>The name of standard input in messages.</summary>
    public const string StdinName = "<stdin>";

    public void Report(FeedDiagnostic diagnostic)
    {
        if (quiet && diagnostic.Severity != DiagnosticSeverity.Error) return;
        stderr.WriteLine(Format(diagnostic));
    }

    public void Error(string message) => stderr.WriteLine($"paperfeed: error: {message}");

    public static string Format(FeedDiagnostic diagnostic)
    {
        string severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Info => "info",
            DiagnosticSeverity.Warning => "warning",
            _ => "error",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{diagnostic.Source ?? StdinName}:{diagnostic.Line}: {severity}: {diagnostic.Message} [{diagnostic.Code}]");
    }
}
