using System.CommandLine;
using System.Globalization;
using PaperFeed.Export;

namespace PaperFeed.Cli;

/// <summary>The options of the standard exports (<c>--format rss|atom|jsonfeed|csv|markdown</c>), shared by <c>parse</c> and <c>merge</c>.</summary>
internal sealed class ExportCliOptions
{
    private readonly Option<bool> _csvRaw = new("--csv-raw")
    {
        Description = "CSV: write cells exactly as they are. By default a cell starting with =, +, -, @, tab or CR gets a leading ' so spreadsheets do not run it as a formula.",
    };

    private readonly Option<DateTimeOffset?> _updated = new("--updated")
    {
        Description = "RSS/Atom: the feed's own date (YYYY-MM-DD, or a date and time with an offset), as lastBuildDate and updated. Given, the papers are written in one pass, without a temporary file.",
        HelpName = "DATE",
        CustomParser = ParseUpdated,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_csvRaw);
        command.Options.Add(_updated);
    }

    /// <summary>The export settings: year-less dates resolved with <c>--reference-date</c>, warnings to the reporter.</summary>
    public ExportOptions Read(ParseResult result, FeedReaderOptions reader, Reporter reporter) => ExportOptions.Default with
    {
        ReferenceDate = reader.Dates.ReferenceDate,
        EscapeCsvFormulas = !result.GetValue(_csvRaw),
        Updated = result.GetValue(_updated),
        OnDiagnostic = reporter.Report,
    };

    /// <summary>A day (midnight UTC) or an ISO 8601 date and time; a time without an offset is UTC.</summary>
    private static DateTimeOffset? ParseUpdated(System.CommandLine.Parsing.ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day, TimeOnly.MinValue, TimeSpan.Zero);
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && text.Contains('T', StringComparison.Ordinal))
        {
            return time;
        }
        result.AddError($"--updated: '{text}' is not a date such as 2025-08-28 or 2025-08-28T06:00:00Z.");
        return null;
    }
}
