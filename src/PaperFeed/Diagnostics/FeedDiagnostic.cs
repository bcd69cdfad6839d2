using System.Globalization;

namespace PaperFeed;

/// <summary>
/// Something the parser noticed about its input: a repaired quirk (<see cref="DiagnosticSeverity.Info"/>) or
/// a line that did not fit the format (<see cref="DiagnosticSeverity.Warning"/>). Codes are stable; see
/// <see cref="DiagnosticCodes"/>.
/// </summary>
/// <param name="Severity">How serious it is.</param>
/// <param name="Code">A stable code such as <c>PF201</c>.</param>
/// <param name="Line">The 1-based input line it is about.</param>
/// <param name="Column">The 1-based column, where it applies.</param>
/// <param name="Message">What happened, for people.</param>
/// <param name="Source">The input's name (<see cref="FeedParserOptions.SourceName"/>), when given.</param>
public sealed record FeedDiagnostic(DiagnosticSeverity Severity, string Code, int Line, int? Column, string Message, string? Source = null)
{
    /// <summary>Formats like a compiler message: <c>file.txt:12:5: warning PF201: message</c>.</summary>
    public override string ToString()
    {
        string location = Column is int column
            ? string.Create(CultureInfo.InvariantCulture, $"{Source ?? "<input>"}:{Line}:{column}")
            : string.Create(CultureInfo.InvariantCulture, $"{Source ?? "<input>"}:{Line}");
        string severity = Severity switch
        {
            DiagnosticSeverity.Info => "info",
            DiagnosticSeverity.Warning => "warning",
            _ => "error",
        };
        return $"{location}: {severity} {Code}: {Message}";
    }
}
