using System.Text.Json;
using PaperFeed.Cli;
using PaperFeed.Tests.Html;

namespace PaperFeed.Tests.Cli;

/// <summary>Saved HTML pages through <c>paperfeed</c>: outputs read back with System.Text.Json, not PaperFeed.</summary>
public class HtmlInputTests
{
    [Fact]
    public async Task Parse_keeps_the_day_of_a_page_dated_only_by_its_date_instant()
    {
        var run = await CliRun.InvokeAsync("parse", "--format", "json", RealPageTests.Page2024Path);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        using var output = JsonDocument.Parse(run.Stdout);
        var feed = output.RootElement.EnumerateArray().Should().ContainSingle().Subject;
        feed.GetProperty("date").GetString().Should().Be("2024-08-01");
        feed.GetProperty("papers").GetArrayLength().Should().Be(RealPageTests.Papers2024);
    }
}
