using PaperFeed.Tests.Html;
using System.Text;
using PaperFeed.Html;
using PaperFeed.Tests.Cli;

namespace PaperFeed.Tests.Model;

/// <summary>The readers of API and HTML input set <see cref="Feed.Period"/> from periodType/dateString or the page address.</summary>
public class FeedPeriodFromInputTests
{
    private static string Page(string periodType, string dateString) =>
        $$"""{"dateString":"{{dateString}}","periodType":"{{periodType}}","dailyPapers":[{"paper":{"id":"2509.00001","title":"T","upvotes":3},"title":"T"}]}""";

    [Theory]
    [InlineData("week", "2025-W38", "2025-W38")]
    [InlineData("week", "2025-09-15", "2025-W38")]
    [InlineData("month", "2025-09", "2025-09")]
    public async Task Api_week_and_month_pages_carry_their_period_and_no_day(string periodType, string dateString, string expected)
    {
        var feed = await HuggingFaceJson.ReadFeedsAsync(new MemoryStream(Encoding.UTF8.GetBytes(Page(periodType, dateString)))).SingleAsync();

        feed.Period.Should().Be(FeedPeriod.Parse(expected));
        feed.Date.Should().BeNull();
        feed.Papers.Should().ContainSingle();
    }

    [Fact]
    public async Task An_api_day_page_is_the_day_of_its_date()
    {
        var feed = await HuggingFaceJson.ReadFeedsAsync(new MemoryStream(Encoding.UTF8.GetBytes(Page("day", "2025-09-15")))).SingleAsync();

        feed.Date.Should().Be(new PaperDate(2025, 9, 15));
        feed.Period.Should().Be(FeedPeriod.Parse("2025-09-15"));
    }

    [Fact]
    public void A_cards_only_week_page_takes_its_period_from_its_address()
    {
        string html = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Html", "cards-only.html"))
            .Replace("/papers/date/2025-08-28", "/papers/week/2025-W35", StringComparison.Ordinal);

        var feed = HtmlPages.ReadFeed(html);

        feed.Period.Should().Be(FeedPeriod.OfWeek(2025, 35));
        feed.Papers.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Paperfeed_json_output_carries_a_week_period()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("week.json"), Page("week", "2025-W38"));

        var run = await PaperfeedRun.InvokeAsync("parse", temp.File("week.json"));

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("\"period\": \"2025-W38\"");
        System.Text.Json.JsonSerializer.Deserialize(run.Stdout, PaperFeedJsonContext.Default.ListFeed)!.Single().Period.Should().Be(FeedPeriod.OfWeek(2025, 38));
    }
}
