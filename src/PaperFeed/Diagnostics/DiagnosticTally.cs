namespace PaperFeed;

/// <summary>Counts the warnings and infos of a read whose reader has no counting pass of its own, passing each on.</summary>
internal sealed class DiagnosticTally
{
    public long Warnings { get; private set; }

    public long Infos { get; private set; }

    /// <summary>The options with <see cref="ReadSettings.OnDiagnostic"/> counting here first, then calling the caller's.</summary>
    public ReadSettings Counting(ReadSettings options) => options with
    {
        OnDiagnostic = diagnostic =>
        {
            if (diagnostic.Severity == DiagnosticSeverity.Warning) Warnings++;
            else if (diagnostic.Severity == DiagnosticSeverity.Info) Infos++;
            options.OnDiagnostic?.Invoke(diagnostic);
        },
    };
}
