using System.Text;
using System.Text.Json;
using PaperFeed.Cli;

namespace PaperFeed.Tests.Faults;

/// <summary>
/// Diagnostics never flood stderr (issue 14, item 6): an abstract of thousands of repeated sentences shows 20 PF101
/// lines and one line counting the rest; <c>stats</c> counts all; <c>--diagnostics</c> writes every one as JSON Lines.
/// </summary>
public sealed class DiagnosticFloodTests : IDisposable
{
    // "a. " repeated: every copy after the first is a repeated sentence that is collapsed with an info (PF101).
    private const int Copies = 5000;

    private readonly TempFolder _folder = new();
    private readonly string _input;

    public DiagnosticFloodTests()
    {
        // The corpus with its first abstract (line 15 of the sample, by hand) replaced by the repeated sentence.
        var lines = File.ReadAllLines(Path.Combine(SourceTree.Root, "samples", "daily-papers.txt"));
        lines[14].Should().StartWith("Pre-trained language models can be fine-tuned");
        lines[14] = string.Concat(Enumerable.Repeat("a. ", Copies)).TrimEnd();
        _input = _folder.File("flood.txt");
        File.WriteAllLines(_input, lines);
    }

    [Fact]
    public async Task Stderr_shows_a_bounded_number_then_a_count_and_the_diagnostics_file_has_every_one()
    {
        string log = _folder.File("diagnostics.jsonl");

        var run = await PaperfeedProcess.RunAsync("parse", "--verbose", "--format", "jsonl", "--diagnostics", log, _input);

        run.ExitCode.Should().Be(0, run.Stderr);
        var flood = run.StderrLines.Where(line => line.Contains(": info PF101: ", StringComparison.Ordinal)).ToList();
        flood.Should().HaveCount(Reporter.ShownPerCodeAndFile);
        var records = File.ReadAllLines(log).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var pf101 = records.Where(r => r.GetProperty("code").GetString() == "PF101").ToList();
        pf101.Count(r => r.GetProperty("line").GetInt32() == 15).Should().Be(Copies - 1, "one per collapsed copy");
        run.StderrLines.Should().ContainSingle(line => line.Contains("more PF101", StringComparison.Ordinal)).Which.Should()
            .Be($"{_input}: info: {pf101.Count - Reporter.ShownPerCodeAndFile} more PF101 diagnostics not shown ({pf101.Count} in all; --diagnostics FILE writes every one)");
        var first = pf101[0];
        first.GetProperty("severity").GetString().Should().Be("info");
        first.GetProperty("file").GetString().Should().Be(_input);
        first.GetProperty("line").GetInt32().Should().Be(15);
        first.GetProperty("message").GetString().Should().NotBeNullOrEmpty();
        first.GetProperty("jsonPath").ValueKind.Should().Be(JsonValueKind.Null, "a text line has no JSON path");
        records.Where(r => !r.TryGetProperty("column", out var column)).Should().BeEmpty();
        // stderr shows what FeedDiagnostic.ToString() gives, column included (PF101 points at the dropped copy).
        long column = first.GetProperty("column").GetInt64();
        column.Should().BeGreaterThan(1);
        flood[0].Should().Be(new FeedDiagnostic(DiagnosticSeverity.Info, DiagnosticCodes.DuplicateSentences, DiagnosticLocation.AtLine(15, column),
            first.GetProperty("message").GetString()!, _input).ToString());
    }

    [Fact]
    public async Task Stats_counts_every_diagnostic_and_stderr_stays_bounded()
    {
        var run = await PaperfeedProcess.RunAsync("stats", _input);
        var verbose = await PaperfeedProcess.RunAsync("stats", "-v", _input);

        run.ExitCode.Should().Be(0, run.Stderr);
        using var stats = JsonDocument.Parse(run.Stdout);
        stats.RootElement.GetProperty("infos").GetInt64().Should().BeGreaterThanOrEqualTo(Copies - 1);
        run.Stderr.Should().BeEmpty("info diagnostics are counted, not shown, without -v");
        verbose.Stdout.Should().Be(run.Stdout);
        verbose.StderrLines.Length.Should().BeInRange(Reporter.ShownPerCodeAndFile, 3 * Reporter.ShownPerCodeAndFile);
    }

    public void Dispose() => _folder.Dispose();
}
