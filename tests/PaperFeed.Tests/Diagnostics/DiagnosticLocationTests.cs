using System.Text;
using PaperFeed.Tests.Formats;

namespace PaperFeed.Tests.Diagnostics;

public class DiagnosticLocationTests
{
    [Fact]
    public void Each_kind_of_location_formats_like_a_compiler_message()
    {
        static string Format(DiagnosticLocation location, string? source = "f") =>
            new FeedDiagnostic(DiagnosticSeverity.Warning, "PF999", location, "m", source).ToString();

        Format(DiagnosticLocation.AtLine(12, 5)).Should().Be("f:12:5: warning PF999: m");
        Format(DiagnosticLocation.AtLine(12)).Should().Be("f:12: warning PF999: m");
        Format(DiagnosticLocation.AtJsonPath("$[3].paper")).Should().Be("f($[3].paper): warning PF999: m");
        Format(new DiagnosticLocation(7, null, "$.paper.upvotes")).Should().Be("f:7($.paper.upvotes): warning PF999: m");
        Format(new DiagnosticLocation(7, 3, "$.x")).Should().Be("f:7:3($.x): warning PF999: m");
        Format(DiagnosticLocation.None).Should().Be("f: warning PF999: m");
        Format(DiagnosticLocation.None, source: null).Should().Be("warning PF999: m");
        Format(DiagnosticLocation.AtLine(4_000_000_000L), source: null).Should().Be("<input>:4000000000: warning PF999: m", "line numbers are long");
    }

    [Fact]
    public void The_location_alone_formats_without_a_file_name()
    {
        DiagnosticLocation.AtLine(12, 5).ToString().Should().Be("12:5");
        DiagnosticLocation.AtJsonPath("$[3]").ToString().Should().Be("$[3]");
        new DiagnosticLocation(2, null, "$.a").ToString().Should().Be("2($.a)");
        DiagnosticLocation.None.ToString().Should().BeEmpty();
        DiagnosticLocation.None.IsNone.Should().BeTrue();
        default(DiagnosticLocation).Should().Be(DiagnosticLocation.None);
        DiagnosticLocation.AtJsonPath("$").IsNone.Should().BeFalse();
    }

    [Fact]
    public void Impossible_locations_are_refused()
    {
        FluentActions.Invoking(() => DiagnosticLocation.AtLine(0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => DiagnosticLocation.AtLine(1, 0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new DiagnosticLocation(null, 3)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => DiagnosticLocation.AtJsonPath("paper.title")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_sink_hands_every_diagnostic_to_the_listener_and_stops_at_a_warning_only_in_strict_mode()
    {
        var seen = new List<string>();
        var info = new FeedDiagnostic(DiagnosticSeverity.Info, "PF101", DiagnosticLocation.AtLine(1), "i");
        var warning = new FeedDiagnostic(DiagnosticSeverity.Warning, "PF201", DiagnosticLocation.AtLine(2), "w");
        var cause = new InvalidOperationException("cause");

        var lenient = new DiagnosticSink(d => seen.Add(d.Code), strict: false);
        lenient.Report(info);
        lenient.Report(warning);
        var strict = new DiagnosticSink(new FeedParserOptions { OnDiagnostic = d => seen.Add(d.Code), Strict = true });
        strict.Report(info);
        var stop = FluentActions.Invoking(() => strict.Report(warning, cause)).Should().Throw<FeedFormatException>().Which;

        seen.Should().Equal("PF101", "PF201", "PF101", "PF201");
        stop.Diagnostic.Should().BeSameAs(warning);
        stop.InnerException.Should().BeSameAs(cause);
        new DiagnosticSink(null, strict: false).IsObserved(DiagnosticSeverity.Warning).Should().BeFalse("nobody listens, nothing stops");
        new DiagnosticSink(null, strict: true).IsObserved(DiagnosticSeverity.Warning).Should().BeTrue();
        new DiagnosticSink(null, strict: true).IsObserved(DiagnosticSeverity.Info).Should().BeFalse();
    }

    [Fact]
    public async Task A_value_on_a_json_lines_line_is_located_by_its_line_and_the_path_inside_it()
    {
        var diagnostics = new List<FeedDiagnostic>();
        string input = "{\"paper\": {\"id\": \"1\", \"title\": \"A\"}}\n{\"paper\": {\"id\": \"2\", \"title\": \"B\", \"upvotes\": \"many\"}}\n{\"paper\": {\"id\": \"3\"}}\n";

        await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new ReadSettings { OnDiagnostic = diagnostics.Add, SourceName = "a.jsonl" }).ToListAsync();

        diagnostics.Select(d => (d.Code, d.Location)).Should().Equal(
            (DiagnosticCodes.InvalidCount, new DiagnosticLocation(2, null, "$.paper.upvotes")),
            (DiagnosticCodes.UntitledItem, new DiagnosticLocation(3, null, "$")));
        diagnostics[0].ToString().Should().StartWith("a.jsonl:2($.paper.upvotes): warning PF410: ");
    }

    [Fact]
    public async Task A_listing_page_document_locates_its_items_by_path()
    {
        var diagnostics = new List<FeedDiagnostic>();
        string input = "{\n  \"dailyPapers\": [\n    {\"paper\": {\"id\": \"1\", \"title\": \"A\"}},\n    {\"paper\": {\"id\": \"2\"}}\n  ]\n}\n";

        await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new ReadSettings { OnDiagnostic = diagnostics.Add }).ToListAsync();

        diagnostics.Should().ContainSingle().Which.Location.Should().Be(DiagnosticLocation.AtJsonPath("$.dailyPapers[1]"));
    }

    [Fact]
    public void A_text_listing_diagnostic_has_a_line_and_no_json_path()
    {
        var diagnostics = new List<FeedDiagnostic>();

        FeedParser.Parse("Daily Papers\n\nA title without an abstract\n", new FeedParserOptions { OnDiagnostic = diagnostics.Add });

        var warning = diagnostics.Should().ContainSingle().Subject;
        (warning.Code, warning.Location.Line, warning.Location.JsonPath).Should().Be((DiagnosticCodes.MissingAbstract, 3, null));
    }

    [Fact]
    public async Task A_paperfeed_json_error_is_thrown_with_its_cause()
    {
        var read = async () => await FeedJson.ReadPapersAsync(new MemoryStream(Encoding.UTF8.GetBytes("[{\"title\": 5}]"))).ToListAsync();

        var error = (await read.Should().ThrowAsync<FeedFormatException>()).Which;
        error.Location.Should().Be(DiagnosticLocation.AtLine(1, error.Column!.Value));
        error.InnerException.Should().BeAssignableTo<System.Text.Json.JsonException>();
    }
}
