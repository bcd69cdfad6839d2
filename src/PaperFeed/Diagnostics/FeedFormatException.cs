namespace PaperFeed;

/// <summary>
/// Thrown when input cannot be read as a listing: it is not text (a NUL character), it is not a listing or not valid
/// JSON, or <see cref="FeedParserOptions.Strict"/> is on and a warning occurred. <see cref="Diagnostic"/> says what and where.
/// </summary>
public sealed class FeedFormatException : FormatException
{
    /// <summary>Creates the exception for a diagnostic.</summary>
    /// <param name="diagnostic">What stopped the read; <see cref="Exception.Message"/> is its <see cref="FeedDiagnostic.ToString"/>.</param>
    public FeedFormatException(FeedDiagnostic diagnostic)
        : this(diagnostic, null)
    {
    }

    /// <summary>Creates the exception for a diagnostic caused by another exception (such as a <see cref="System.Text.Json.JsonException"/>).</summary>
    /// <param name="diagnostic">What stopped the read; <see cref="Exception.Message"/> is its <see cref="FeedDiagnostic.ToString"/>.</param>
    /// <param name="innerException">The exception that caused it, kept as <see cref="Exception.InnerException"/>.</param>
    public FeedFormatException(FeedDiagnostic diagnostic, Exception? innerException)
        : base(diagnostic?.ToString(), innerException)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        Diagnostic = diagnostic;
    }

    /// <summary>The diagnostic that stopped the read.</summary>
    public FeedDiagnostic Diagnostic { get; }

    /// <summary>The stable code (<see cref="DiagnosticCodes"/>).</summary>
    public string Code => Diagnostic.Code;

    /// <summary>Where the read stopped (<see cref="FeedDiagnostic.Location"/>).</summary>
    public DiagnosticLocation Location => Diagnostic.Location;

    /// <summary>The 1-based input line, when the location has one.</summary>
    public long? Line => Diagnostic.Line;

    /// <summary>The 1-based column, when it applies.</summary>
    public long? Column => Diagnostic.Column;

    /// <summary>The input's name, when given.</summary>
    public string? SourceName => Diagnostic.Source;
}
