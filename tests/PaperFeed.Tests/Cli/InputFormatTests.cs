using System.Text;
using PaperFeed.Cli;
using PaperFeed.Tests.Api;
using PaperFeed.Tests.Formats;

namespace PaperFeed.Tests.Cli;

public class InputFormatTests
{
    [Theory]
    [InlineData("Html/daily.html")]
    [InlineData("Html/cards-only.html")]
    [InlineData("Api/daily_papers.json")]
    [InlineData("Api/archive.jsonl")]
    public async Task Parse_detects_html_and_api_json(string fixture)
    {
        var run = await CliRun.InvokeAsync("parse", "--format", "jsonl", Fixtures.Path(fixture.Split('/')));

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        var papers = await FeedJson.ReadPapersAsync(new MemoryStream(Encoding.UTF8.GetBytes(run.Stdout))).ToListAsync();
        papers.Select(p => p.ArxivId).Should().Equal(HuggingFaceJsonTests.DailyPapers.Select(p => p.ArxivId));
        // (Featured days depend on how each input groups into listings: see the library's tests.)
        if (!fixture.Contains("cards", StringComparison.Ordinal)) papers.Select(p => p with { Featured = null }).Should().Equal(HuggingFaceJsonTests.DailyPapers.Select(p => p with { Featured = null }));
    }

    [Fact]
    public async Task Input_format_forces_the_reader()
    {
        // The API's JSON read as a text listing is not the API's papers.
        var forced = await CliRun.InvokeAsync("parse", "--format", "jsonl", "--quiet", "--input-format", "text", Fixtures.DailyPapersJson);
        var api = await CliRun.InvokeAsync("parse", "--format", "jsonl", "--input-format", "hf-json", Fixtures.DailyPapersJson);

        forced.Stdout.Should().NotContain("\"arxivId\"");
        api.ExitCode.Should().Be(ExitCodes.Success);
        api.Stdout.Should().Contain("\"arxivId\":\"2508.20751\"");
    }

    [Fact]
    public async Task Unknown_input_format_is_a_usage_error_naming_the_option()
    {
        var run = await CliRun.InvokeAsync("parse", "--input-format", "pdf", Fixtures.DailyPapersJson);

        run.ExitCode.Should().Be(ExitCodes.UsageError);
        run.Stderr.Should().Contain("--input-format");
    }

    [Fact]
    public async Task Stats_counts_an_html_page()
    {
        var run = await CliRun.InvokeAsync("stats", Fixtures.BrokenPropsHtml);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        run.Stdout.Should().Contain("\"papers\": 4").And.Contain("\"warnings\": 1");
    }
}
