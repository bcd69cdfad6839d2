using System.Globalization;

namespace PaperFeed.Text;

/// <summary>
/// The listing's diagnostics (docs/format.md §5): code, line, column and wording. Each goes through
/// <see cref="AssemblerBase.Report(DiagnosticSeverity, string, int, int?, string)"/>, which counts it and makes its
/// message only when someone listens.
/// </summary>
internal sealed partial class EntryAssembler<T, TUnits>
{
    private const string HeaderStartsSnapshot = "a header line starts the next snapshot";
    private const string MetadataFollowsTitle = "a metadata block follows the title";
    private const string NoAuthorLine = "the metadata block has no author line";

    private void ReportTooLong(int lineNumber, long length) =>
        Report(DiagnosticSeverity.Warning, DiagnosticCodes.LineTooLong, lineNumber, null, (length, Options.MaxLineLength),
            static a => string.Create(CultureInfo.InvariantCulture, $"line of {a.length} characters is longer than the limit of {a.MaxLineLength}; skipped"));

    private void ReportHeaderlessSnapshot(int lineNumber) =>
        Report(DiagnosticSeverity.Warning, DiagnosticCodes.HeaderlessSnapshot, lineNumber, null, "a page date with no header before it starts a new snapshot");

    private void ReportInvalidAuthorCount(int lineNumber, ReadOnlySpan<T> line) =>
        Report(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidMetadata, lineNumber, null, line, static l => $"'{Quote(l)}' is not a valid author count");

    private void ReportInvalidDate(int lineNumber, ReadOnlySpan<T> line) =>
        Report(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidMetadata, lineNumber, null, line, static l => $"'{Quote(l)}' is not a valid date");

    private void ReportPageDateNumber(int lineNumber) =>
        Report(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidMetadata, lineNumber, null, "the page date carries a trailing number; it was ignored");

    private void ReportFurniture(int lineNumber, ReadOnlySpan<T> line) =>
        Report(DiagnosticSeverity.Warning, DiagnosticCodes.UnexpectedLine, lineNumber, null, line,
            static l => $"'{Quote(l)}' is page furniture (markup or the site's own words), not a listing line; ignored");

    private void ReportUnexpected(int lineNumber, ReadOnlySpan<T> line) =>
        Report(DiagnosticSeverity.Warning, DiagnosticCodes.UnexpectedLine, lineNumber, null, line,
            static l => $"'{Quote(l)}' is a metadata line where a title was expected; ignored");

    /// <summary>One collapsed run: its column (UTF-16, from the line's start) is worked out only when someone listens.</summary>
    private void ReportCollapsedRun(EntryFields<T> entry, int offset)
    {
        if (!Count(DiagnosticSeverity.Info)) return;
        int column = entry.AbstractIndent + TUnits.CharCount(entry.RawAbstract[..offset]) + 1;
        Deliver(DiagnosticSeverity.Info, DiagnosticCodes.DuplicateSentences, entry.AbstractLine, column,
            "a run of sentences repeated in the abstract was collapsed; this copy was dropped");
    }

    /// <summary>A line taken by an entry whose title was skipped is dropped with it, and says so.</summary>
    private void NoteEntryLine(int lineNumber)
    {
        if (_entry.TitleSkipped)
        {
            Report(DiagnosticSeverity.Warning, DiagnosticCodes.SkippedEntry, lineNumber, null, "dropped with its entry, whose title line was too long");
        }
    }

    private void ReportMissingAbstract(string reason)
    {
        if (_entry.TitleSkipped) return;
        Report(DiagnosticSeverity.Warning, DiagnosticCodes.MissingAbstract, _entry.TitleLine, null, reason, static r => $"the entry has no abstract: {r}");
    }

    private void ReportIncompleteMetadata() =>
        ReportIncompleteMetadata(_entry.MetadataLine == 0 ? _entry.TitleLine : _entry.MetadataLine, "the metadata block has no date");

    private void ReportIncompleteMetadata(int lineNumber, string message) =>
        Report(DiagnosticSeverity.Warning, DiagnosticCodes.IncompleteMetadata, lineNumber, null, message);

    private static string Quote(ReadOnlySpan<T> line) => LineQuote.Shorten(TUnits.ToString(line));
}
