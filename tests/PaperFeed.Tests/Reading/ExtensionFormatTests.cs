using System.Runtime.CompilerServices;
using System.Text;
using PaperFeed.Tests.Formats;

namespace PaperFeed.Tests.Reading;

/// <summary>A third party's format, written against the public API only, is detected and read like a built-in one.</summary>
public class ExtensionFormatTests
{
    /// <summary>A made-up format: a <c>#papers-tsv</c> line, then <c>title TAB upvotes</c> lines, one feed per file.</summary>
    private sealed class TsvFormat() : FeedFormat("tsv")
    {
        public override bool IsMatch(ReadOnlySpan<byte> start, bool isEntireInput) => start.StartsWith("#papers-tsv\n"u8);

        public override async IAsyncEnumerable<Feed> ReadFeedsAsync(Stream input, FeedReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var reader = new StreamReader(input, Encoding.UTF8, leaveOpen: true);
            var papers = new List<Paper>();
            long number = 0;
            while (await reader.ReadLineAsync(cancellationToken) is string line)
            {
                number++;
                if (number == 1) continue;
                string[] cells = line.Split('\t');
                if (cells.Length != 2 || !int.TryParse(cells[1], out int upvotes))
                {
                    context.Diagnostics.Report(new FeedDiagnostic(DiagnosticSeverity.Warning, "TSV001", DiagnosticLocation.AtLine(number), "not title TAB upvotes", context.SourceName));
                    continue;
                }
                papers.Add(new Paper { Title = cells[0], Abstract = "", Upvotes = upvotes });
            }
            yield return new Feed { Papers = papers };
        }
    }

    private const string Input = "#papers-tsv\nFirst paper\t12\nbroken line\nSecond paper\t3\n";

    [Fact]
    public async Task A_registered_format_is_detected_read_counted_and_reports_through_the_one_sink()
    {
        var diagnostics = new List<FeedDiagnostic>();
        var reader = new FeedReader(FeedReaderOptions.Default.WithFormat(new TsvFormat()) with { Diagnostics = new() { OnDiagnostic = diagnostics.Add } });

        reader.DetectFormat(Encoding.UTF8.GetBytes(Input))!.Name.Should().Be("tsv");
        var papers = await reader.ReadPapersAsync(FeedInput.FromText(Input, "list.tsv")).ToListAsync();
        var count = reader.Count(FeedInput.FromText(Input, "list.tsv"));

        papers.Select(p => (p.Title, p.Upvotes)).Should().Equal(("First paper", 12), ("Second paper", 3));
        diagnostics.Select(d => d.ToString()).Should().Equal(
            "list.tsv:3: warning TSV001: not title TAB upvotes",
            "list.tsv:3: warning TSV001: not title TAB upvotes");
        count.Should().Be(new FeedStatistics { Feeds = 1, Papers = 2, Warnings = 1, Lines = 4 });
    }

    [Fact]
    public async Task Strict_mode_stops_a_registered_format_at_its_first_warning()
    {
        var reader = new FeedReader(FeedReaderOptions.Default.WithFormat(new TsvFormat()) with { Diagnostics = new() { Strict = true } });

        var act = () => reader.ReadPapersAsync(FeedInput.FromText(Input)).ToListAsync();

        (await act.Should().ThrowAsync<FeedFormatException>()).Which.Code.Should().Be("TSV001");
    }

    [Fact]
    public void Without_registration_the_same_input_is_not_a_listing()
    {
        var act = () => FeedReader.Default.ReadPapers(FeedInput.FromText(Input)).ToList();

        act.Should().Throw<FeedFormatException>().Which.Code.Should().Be(DiagnosticCodes.NotAListing);
    }
}
