namespace PaperFeed;

/// <summary>
/// Something a reader, a merge, a diff or an export noticed: a repaired quirk (<see cref="DiagnosticSeverity.Info"/>),
/// something that did not fit the format (<see cref="DiagnosticSeverity.Warning"/>), or what stopped a read
/// (<see cref="DiagnosticSeverity.Error"/>, carried by a <see cref="FeedFormatException"/>). Codes are stable; see
/// <see cref="DiagnosticCodes"/>.
/// </summary>
/// <param name="Severity">How serious it is.</param>
/// <param name="Code">A stable code such as <c>PF201</c>.</param>
/// <param name="Location">Where it is: a line and column of the input, a JSON path, both, or <see cref="DiagnosticLocation.None"/>.</param>
/// <param name="Message">What happened, for people.</param>
/// <param name="Source">The input's name (<see cref="FeedParserOptions.SourceName"/>), when given.</param>
public sealed record FeedDiagnostic(DiagnosticSeverity Severity, string Code, DiagnosticLocation Location, string Message, string? Source = null)
{
    /// <summary>The 1-based input line (<see cref="DiagnosticLocation.Line"/>), when the diagnostic points at one.</summary>
    public long? Line => Location.Line;

    /// <summary>The 1-based column (<see cref="DiagnosticLocation.Column"/>), when it applies.</summary>
    public long? Column => Location.Column;

    /// <summary>
    /// Formats like a compiler message: the source (<c>&lt;input&gt;</c> when it has a location but no source), the
    /// location, the severity, the code and the message. <c>file.txt:12:5: warning PF201: message</c> (text, HTML and
    /// JSON Lines), <c>file.json($[3].paper.upvotes): warning PF402: message</c> (a JSON document),
    /// <c>file.jsonl:7($.paper.upvotes): warning PF402: message</c> (a value in a JSON Lines line),
    /// <c>file.txt: warning PF601: message</c> or <c>warning PF701: message</c> (no location).
    /// </summary>
    public override string ToString()
    {
        string severity = Severity switch
        {
            DiagnosticSeverity.Info => "info",
            DiagnosticSeverity.Warning => "warning",
            _ => "error",
        };
        string where = Location.IsNone
            ? Source is null ? "" : Source + ": "
            : (Source ?? "<input>") + Location.AfterFileName() + ": ";
        return $"{where}{severity} {Code}: {Message}";
    }
}
