using System.Text.Json;

namespace PaperFeed.Tests.Cli;

/// <summary>stderr shows FeedDiagnostic.ToString() and --diagnostics the same location, for every kind of location.</summary>
public sealed class DiagnosticOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_json_document_diagnostic_shows_its_json_path_and_no_line()
    {
        string input = _folder.File("day.json");
        File.WriteAllText(input, """[{"paper": {"id": "1", "title": "One"}}, {"paper": {"id": "2", "upvotes": "many", "title": "Two"}}]""");
        string log = _folder.File("diagnostics.jsonl");

        var run = await CliRun.InvokeAsync("parse", "--diagnostics", log, input);

        run.ExitCode.Should().Be(0, run.Stderr);
        var expected = new FeedDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidCount, DiagnosticLocation.AtJsonPath("$[1].paper.upvotes"),
            "$[1].paper.upvotes is \"many\", not a count (a whole number from 0 to 2147483647); read as unknown", input);
        run.StderrLines.Should().Equal(expected.ToString());
        var record = JsonDocument.Parse(File.ReadAllText(log)).RootElement;
        record.GetProperty("jsonPath").GetString().Should().Be("$[1].paper.upvotes");
        record.GetProperty("line").ValueKind.Should().Be(JsonValueKind.Null);
        record.GetProperty("column").ValueKind.Should().Be(JsonValueKind.Null);
        record.GetProperty("file").GetString().Should().Be(input);
    }

    [Fact]
    public async Task A_json_lines_diagnostic_shows_its_line_and_the_path_inside_it()
    {
        string input = _folder.File("archive.jsonl");
        File.WriteAllText(input, "{\"paper\": {\"id\": \"1\", \"title\": \"One\"}}\n{\"paper\": {\"id\": \"2\", \"upvotes\": -1, \"title\": \"Two\"}}\n");

        var run = await CliRun.InvokeAsync("parse", input);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith($"{input}:2($.paper.upvotes): warning PF410: ");
    }

    public void Dispose() => _folder.Dispose();
}
