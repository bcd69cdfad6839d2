using System.Text.Json;
using PaperFeed.Cli;

namespace PaperFeed.Tests.Cli;

public class StatsAndSchemaCommandTests
{
    [Fact]
    public async Task Stats_counts_through_the_parser_over_all_inputs()
    {
        var run = await CliRun.InvokeAsync("stats", TestData.Corpus000, TestData.Corpus001);

        run.ExitCode.Should().Be(0);
        using var stats = JsonDocument.Parse(run.Stdout);
        var root = stats.RootElement;
        root.GetProperty("files").GetInt64().Should().Be(2);
        root.GetProperty("feeds").GetInt64().Should().Be(2);
        root.GetProperty("papers").GetInt64().Should().Be(78 + 53);
        root.GetProperty("withMetadata").GetInt64().Should().Be(50);
        root.GetProperty("warnings").GetInt64().Should().Be(0);
        root.GetProperty("bytes").GetInt64().Should().Be(new FileInfo(TestData.Corpus000).Length + new FileInfo(TestData.Corpus001).Length);
        var reference = FeedParser.Count(new StringReader(File.ReadAllText(TestData.Corpus001)));
        root.GetProperty("infos").GetInt64().Should().BeGreaterThanOrEqualTo(reference.Infos);
    }

    [Fact]
    public async Task Stats_reads_own_json_from_stdin_too()
    {
        var jsonl = await CliRun.InvokeAsync("parse", "--format", "jsonl", TestData.Corpus001);

        var run = await CliRun.WithStdinAsync(jsonl.Stdout, "stats");

        using var stats = JsonDocument.Parse(run.Stdout);
        stats.RootElement.GetProperty("papers").GetInt64().Should().Be(53);
        stats.RootElement.GetProperty("withMetadata").GetInt64().Should().Be(50);
        stats.RootElement.GetProperty("feeds").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task Stats_of_a_missing_file_is_an_input_error()
    {
        var run = await CliRun.InvokeAsync("stats", "no-such-file.txt");

        run.ExitCode.Should().Be(ExitCodes.InputError);
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Schema_prints_the_generated_schema()
    {
        var run = await CliRun.InvokeAsync("schema");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Be(FeedJson.GetSchema());
    }
}
