using System.Text;
using System.Text.Json;
using PaperFeed.Cli;
using PaperFeed.Tests.Api;
using PaperFeed.Tests.Formats;
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

    [Fact]
    public async Task Two_saved_pages_in_one_file_are_two_feeds_in_parse_and_in_stats()
    {
        using var temp = new TempFolder();
        string path = temp.File("two-pages.html");
        File.WriteAllText(path, RealPageTests.Page2024 + File.ReadAllText(Fixtures.DailyHtml));
        int papers2025 = HuggingFaceJsonTests.DailyPapers.Count();

        var parse = await CliRun.InvokeAsync("parse", "--format", "json", path);
        var stats = await CliRun.InvokeAsync("stats", path);

        parse.ExitCode.Should().Be(ExitCodes.Success, parse.Stderr);
        using var output = JsonDocument.Parse(parse.Stdout);
        var feeds = output.RootElement.EnumerateArray().ToList();
        feeds.Select(f => f.GetProperty("date").GetString()).Should().Equal("2024-08-01", "2025-08-28");
        feeds.Select(f => f.GetProperty("papers").GetArrayLength()).Should().Equal(RealPageTests.Papers2024, papers2025);
        stats.ExitCode.Should().Be(ExitCodes.Success, stats.Stderr);
        using var counts = JsonDocument.Parse(stats.Stdout);
        counts.RootElement.GetProperty("feeds").GetInt32().Should().Be(2);
        counts.RootElement.GetProperty("papers").GetInt32().Should().Be(RealPageTests.Papers2024 + papers2025);
    }

    [Fact]
    public async Task A_stray_script_tag_warns_once_and_the_listing_is_still_written()
    {
        using var temp = new TempFolder();
        string path = temp.File("stray-script.html");
        string page = RealPageTests.Page2024;
        int body = page.IndexOf("<body", StringComparison.Ordinal);
        File.WriteAllText(path, page.Insert(page.IndexOf('>', body) + 1, "<script>window.unfinished = {"));

        var run = await CliRun.InvokeAsync("parse", "--format", "jsonl", path);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("title").GetString())
            .Should().HaveCount(RealPageTests.Papers2024).And.StartWith(RealPageTests.FirstTitle2024);
        run.StderrLines.Should().ContainSingle().Which.Should().Contain("PF404").And.Contain("stray-script.html");
    }

    [Fact]
    public async Task A_latin1_page_without_a_declaration_warns_PF207_and_is_read()
    {
        using var temp = new TempFolder();
        string path = temp.File("latin1.html");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(RealPageTests.Page2024.Replace("<meta charset=\"utf-8\" />", "", StringComparison.Ordinal)));

        var run = await CliRun.InvokeAsync("parse", "--format", "jsonl", path);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(RealPageTests.Papers2024);
        run.StderrLines.Should().NotBeEmpty().And.AllSatisfy(line => line.Should().Contain("PF207").And.Contain("latin1.html:"));
    }

    [Fact]
    public async Task Stats_counts_the_lines_of_an_html_page()
    {
        // The saved page has 648 newline characters, the last one ending the file (counted with Python): 648 lines.
        var run = await CliRun.InvokeAsync("stats", RealPageTests.Page2024Path);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        using var counts = JsonDocument.Parse(run.Stdout);
        counts.RootElement.GetProperty("lines").GetInt64().Should().Be(648);
        counts.RootElement.GetProperty("papers").GetInt64().Should().Be(RealPageTests.Papers2024);
    }
}
