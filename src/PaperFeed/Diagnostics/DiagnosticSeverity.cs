namespace PaperFeed;

/// <summary>How serious a <see cref="FeedDiagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Input was repaired without loss (a collapsed duplicate, for example).</summary>
    Info,

    /// <summary>Input did not fit the format; the parser kept going and says what it did.</summary>
    Warning,

    /// <summary>Input could not be read at all.</summary>
    Error,
}
