namespace PaperFeed;

/// <summary>
/// Where a reader sends its diagnostics, with the one rule every reader follows: the listener sees each diagnostic
/// first, then, in strict mode, a warning stops the read with a <see cref="FeedFormatException"/> carrying it. Infos
/// never stop a read; errors are thrown by the reader itself. Readers of other packages (PaperFeed.Html, third-party
/// formats) use it too, so that every input follows the same rule.
/// </summary>
/// <remarks>Thread-safe when the listener is.</remarks>
public sealed class DiagnosticSink
{
    /// <summary>Creates a sink.</summary>
    /// <param name="onDiagnostic">Receives every diagnostic; null when nobody listens.</param>
    /// <param name="strict">True when a warning stops the read (after the listener has seen it).</param>
    public DiagnosticSink(Action<FeedDiagnostic>? onDiagnostic, bool strict)
    {
        OnDiagnostic = onDiagnostic;
        Strict = strict;
    }

    /// <summary>Creates the sink of <see cref="FeedParserOptions.OnDiagnostic"/> and <see cref="FeedParserOptions.Strict"/>.</summary>
    /// <param name="options">The options of the read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    [Obsolete("Use DiagnosticSink(onDiagnostic, strict), or FeedReadContext.Diagnostics in a format.")]
    public DiagnosticSink(FeedParserOptions options)
        : this(options?.OnDiagnostic, options?.Strict ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>The listener, or null.</summary>
    public Action<FeedDiagnostic>? OnDiagnostic { get; }

    /// <summary>True when a warning stops the read.</summary>
    public bool Strict { get; }

    /// <summary>
    /// True when a diagnostic of this severity reaches anyone (the listener, or strict mode that throws): a reader can
    /// skip building a message nobody reads.
    /// </summary>
    /// <param name="severity">The diagnostic's severity.</param>
    public bool IsObserved(DiagnosticSeverity severity) => OnDiagnostic is not null || StopsRead(severity);

    /// <summary>Hands <paramref name="diagnostic"/> to the listener; in strict mode a warning then stops the read.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <param name="cause">The exception behind the diagnostic (a <see cref="System.Text.Json.JsonException"/> for broken
    /// JSON), when there is one: the <see cref="Exception.InnerException"/> of the exception strict mode throws.</param>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostic"/> is null.</exception>
    /// <exception cref="FeedFormatException">Strict mode and a warning.</exception>
    public void Report(FeedDiagnostic diagnostic, Exception? cause = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        OnDiagnostic?.Invoke(diagnostic);
        if (StopsRead(diagnostic.Severity)) throw new FeedFormatException(diagnostic, cause);
    }

    private bool StopsRead(DiagnosticSeverity severity) => Strict && severity == DiagnosticSeverity.Warning;
}
