namespace PaperFeed.Tests.Text;

/// <summary>Year-less dates: kept year-less by default, resolved against ReferenceDate (feed) and the feed's date (papers).</summary>
public class ReferenceDateTests
{
    private const string Listing = "Daily Papers\n\nDec 30\n\nT1\n\nA1.\n\n  • 2 authors\n·\nDec 31\n\nT2\n\nA2.\n\n  • 2 authors\n·\nAug 25 2\n\nT3\n\nA3.\n\n  • 2 authors\n·\nFeb 13, 2023\n";

    [Fact]
    public void Without_reference_dates_stay_year_less()
    {
        var feed = FeedParser.Parse(Listing).Single();

        feed.Date.Should().Be(new PaperDate(null, 12, 30));
        feed.Papers.Select(p => p.Published).Should().Equal(new PaperDate(null, 12, 31), new PaperDate(null, 8, 25), new PaperDate(2023, 2, 13));
        feed.Papers.Select(p => p.Published!.Value.ToString()).Should().Equal("--12-31", "--08-25", "2023-02-13");
    }

    [Fact]
    public void Feed_date_resolves_against_the_reference_and_papers_against_the_feed()
    {
        // Taken on 2026-01-02: the page said Dec 30 (2025); a paper dated Dec 31 is before that page date, so 2024.
        var feed = FeedParser.Parse(Listing, new FeedParserOptions { ReferenceDate = new DateOnly(2026, 1, 2) }).Single();

        feed.Date.Should().Be(new PaperDate(2025, 12, 30));
        feed.Papers.Select(p => p.Published).Should().Equal(new PaperDate(2024, 12, 31), new PaperDate(2025, 8, 25), new PaperDate(2023, 2, 13));
        feed.Papers.Should().OnlyContain(p => p.Featured == new PaperDate(2025, 12, 30));
    }

    [Fact]
    public void Papers_of_a_feed_without_date_resolve_against_the_reference()
    {
        var papers = FeedParser.Parse("T\n\nA.\n\n  • 2 authors\n·\nDec 31\n", new FeedParserOptions { ReferenceDate = new DateOnly(2026, 1, 2) }).Single().Papers;

        papers.Single().Published.Should().Be(new PaperDate(2025, 12, 31));
    }

    [Theory]
    [InlineData(2024, 3, 1, 2024)]
    [InlineData(2024, 2, 29, 2024)]
    [InlineData(2024, 2, 28, 2020)]
    [InlineData(2023, 6, 1, 2020)]
    public void Feb_29_resolves_to_a_leap_year(int year, int month, int day, int expected)
    {
        new PaperDate(null, 2, 29).Resolve(new DateOnly(year, month, day)).Should().Be(new PaperDate(expected, 2, 29));
    }
}
