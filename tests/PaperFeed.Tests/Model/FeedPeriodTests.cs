namespace PaperFeed.Tests.Model;

public class FeedPeriodTests
{
    [Theory]
    [InlineData("2025-09-14", FeedPeriodKind.Day)]
    [InlineData("--08-28", FeedPeriodKind.Day)]
    [InlineData("2025-W38", FeedPeriodKind.Week)]
    [InlineData("2020-W53", FeedPeriodKind.Week)]
    [InlineData("2025-09", FeedPeriodKind.Month)]
    public void Parses_and_formats_each_form_back_to_itself(string text, FeedPeriodKind kind)
    {
        var period = FeedPeriod.Parse(text);

        period.Kind.Should().Be(kind);
        period.ToString().Should().Be(text);
        FeedPeriod.TryParse(text.ToLowerInvariant(), out var again).Should().BeTrue();
        again.Should().Be(period);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025-W54")]
    [InlineData("2025-W00")]
    [InlineData("2025-W53")]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-9")]
    [InlineData("Aug 28")]
    [InlineData("2025-02-30")]
    public void Rejects_what_is_not_a_period(string text)
    {
        FeedPeriod.TryParse(text, out _).Should().BeFalse();
        FluentActions.Invoking(() => FeedPeriod.Parse(text)).Should().Throw<FormatException>();
    }

    [Fact]
    public void Week_spans_monday_to_sunday_and_contains_its_days()
    {
        var week = FeedPeriod.Parse("2025-W38");

        week.Start.Should().Be(new DateOnly(2025, 9, 15));
        week.End.Should().Be(new DateOnly(2025, 9, 21));
        week.Contains(new PaperDate(2025, 9, 21)).Should().BeTrue();
        week.Contains(new PaperDate(2025, 9, 22)).Should().BeFalse();
        week.Contains(new PaperDate(null, 9, 16)).Should().BeFalse();
    }

    [Fact]
    public void Month_spans_its_days()
    {
        var month = FeedPeriod.OfMonth(2024, 2);

        month.Start.Should().Be(new DateOnly(2024, 2, 1));
        month.End.Should().Be(new DateOnly(2024, 2, 29));
        month.Date.Should().BeNull();
    }

    [Fact]
    public void A_text_snapshot_feed_is_the_day_of_its_page_date()
    {
        var feed = FeedParser.Parse(File.ReadAllText(TestData.Corpus000)).Single();

        feed.Period.Should().Be(FeedPeriod.OfDay(new PaperDate(null, 8, 28)));
        feed.Period!.Value.ToString().Should().Be("--08-28");
        feed.Period.Value.Date.Should().Be(feed.Date);
    }

    [Fact]
    public void An_explicit_period_takes_part_in_feed_equality()
    {
        var day = new Feed { Date = new PaperDate(2025, 9, 15) };
        var week = day with { Period = FeedPeriod.OfWeek(2025, 38) };

        day.Should().Be(new Feed { Date = new PaperDate(2025, 9, 15), Period = FeedPeriod.Parse("2025-09-15") });
        week.Should().NotBe(day);
        new Feed().Period.Should().BeNull();
    }

    [Fact]
    public void Json_carries_an_explicit_period_only_and_reads_it_back()
    {
        var week = new Feed { Period = FeedPeriod.Parse("2025-W38"), Papers = [new Paper { Title = "T" }] };
        var day = new Feed { Date = new PaperDate(null, 8, 28) };

        string weekJson = System.Text.Json.JsonSerializer.Serialize(week, PaperFeedJsonContext.Default.Feed);
        string dayJson = System.Text.Json.JsonSerializer.Serialize(day, PaperFeedJsonContext.Default.Feed);

        weekJson.Should().Be("""{"title":"Daily Papers","period":"2025-W38","papers":[{"title":"T"}]}""");
        dayJson.Should().Be("""{"title":"Daily Papers","date":"--08-28","papers":[]}""");
        System.Text.Json.JsonSerializer.Deserialize(weekJson, PaperFeedJsonContext.Default.Feed).Should().Be(week);
        System.Text.Json.JsonSerializer.Deserialize(dayJson, PaperFeedJsonContext.Default.Feed)!.Period.Should().Be(FeedPeriod.Parse("--08-28"));
        FluentActions.Invoking(() => System.Text.Json.JsonSerializer.Deserialize("""{"title":"x","period":"2025-W99","papers":[]}""", PaperFeedJsonContext.Default.Feed))
            .Should().Throw<System.Text.Json.JsonException>().WithMessage("*2025-W99*");
    }
}
