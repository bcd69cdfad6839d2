namespace PaperFeed;

/// <summary>
/// Thrown when input cannot be read as a listing: it is not text (a NUL character), or
/// <see cref="FeedParserOptions.Strict"/> is on and a warning occurred.
/// </summary>
public sealed class FeedFormatException : FormatException
{
    /// <summary>Creates the exception for a diagnostic.</summary>
    public FeedFormatException(FeedDiagnostic diagnostic)
        : base(diagnostic?.ToString())
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        Diagnostic = diagnostic;
    }

    /// <summary>The diagnostic that stopped the parse.</summary>
    public FeedDiagnostic Diagnostic { get; }

    /// <summary>The stable code (<see cref="DiagnosticCodes"/>).</summary>
    public string Code => Diagnostic.Code;

    /// <summary>The 1-based input line.</summary>
    public int Line => Diagnostic.Line;

    /// <summary>The 1-based column, where it applies.</summary>
    public int? Column => Diagnostic.Column;

    /// <summary>The input's name, when given.</summary>
    public string? SourceName => Diagnostic.Source;
}
