using System.CommandLine;
using PaperFeed.Export;

namespace PaperFeed.Cli;

/// <summary>The options of the standard exports (<c>--format rss|atom|jsonfeed|csv|markdown</c>), shared by <c>parse</c> and <c>merge</c>.</summary>
internal sealed class ExportCliOptions
{
    private readonly Option<bool> _csvRaw = new("--csv-raw")
    {
        Description = "CSV: write cells exactly as they are. By default a cell starting with =, +, -, @, tab or CR gets a leading ' so spreadsheets do not run it as a formula.",
    };

    public void AddTo(Command command) => command.Options.Add(_csvRaw);

    /// <summary>The export settings: year-less dates resolved with <c>--reference-date</c>, warnings to the reporter.</summary>
    public ExportOptions Read(ParseResult result, FeedReaderOptions reader, Reporter reporter) => ExportOptions.Default with
    {
        ReferenceDate = reader.Dates.ReferenceDate,
        EscapeCsvFormulas = !result.GetValue(_csvRaw),
        OnDiagnostic = reporter.Report,
    };
}
