namespace PaperFeed.Text.Captures;

/// <summary>One dialect of text capture: takes the input's lines in order and tells the assembler what each card part is.</summary>
internal abstract class CaptureLineReader(CaptureAssembler cards, ReadSettings options)
{
    protected CaptureAssembler Cards { get; } = cards;

    protected ReadSettings Options { get; } = options;

    private bool _sawTitle;

    /// <summary>A line (terminator excluded, not trimmed) and its 1-based number.</summary>
    public abstract void PushLine(ReadOnlySpan<char> raw, int lineNumber);

    /// <summary>A line past <see cref="ReadSettings.MaxLineLength"/>, skipped unread.</summary>
    public virtual void PushTooLong(int lineNumber, long length) =>
        Cards.ReportLine(DiagnosticCodes.LineTooLong, lineNumber, null, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"line of {length} characters is longer than the limit of {Options.MaxLineLength}; skipped"));

    /// <summary>The input ended.</summary>
    public virtual void Complete() => Cards.Complete();

    /// <summary>Lines every dialect reads alike: header phrases, dates, the search page's URL in front matter.</summary>
    protected bool TryCommonLine(ReadOnlySpan<char> line, int lineNumber)
    {
        if (CaptureSyntax.IsHeaderPhrase(line))
        {
            Cards.Header();
            return true;
        }
        if (CaptureSyntax.TryDate(line, out var date))
        {
            Cards.Date(date, lineNumber, line);
            return true;
        }
        if (!_sawTitle && line.Contains("huggingface.co/papers?q=", StringComparison.Ordinal)) Cards.MarkSearchPage();
        return false;
    }

    protected void Title(string title, string? arxivId, int lineNumber, string? reference = null, bool needsEvidence = false)
    {
        _sawTitle = true;
        Cards.Title(title, arxivId, lineNumber, reference, needsEvidence);
    }
}
