namespace PaperFeed;

/// <summary>
/// The one rule every core reader follows for a diagnostic: the caller's <see cref="FeedParserOptions.OnDiagnostic"/>
/// sees it first, then, in strict mode, a warning stops the read with a <see cref="FeedFormatException"/> carrying it.
/// </summary>
internal static class DiagnosticPolicy
{
    /// <summary>
    /// True when a diagnostic of this severity has anyone to reach (a listener, or strict mode that throws), so a
    /// counting pass can skip formatting its message.
    /// </summary>
    public static bool IsObserved(FeedParserOptions options, DiagnosticSeverity severity) =>
        options.OnDiagnostic is not null || StopsRead(options, severity);

    /// <summary>Hands <paramref name="diagnostic"/> to the caller; in strict mode a warning then stops the read.</summary>
    /// <exception cref="FeedFormatException">Strict mode and a warning.</exception>
    public static void Report(FeedParserOptions options, FeedDiagnostic diagnostic)
    {
        options.OnDiagnostic?.Invoke(diagnostic);
        if (StopsRead(options, diagnostic.Severity)) throw new FeedFormatException(diagnostic);
    }

    private static bool StopsRead(FeedParserOptions options, DiagnosticSeverity severity) =>
        options.Strict && severity == DiagnosticSeverity.Warning;
}
