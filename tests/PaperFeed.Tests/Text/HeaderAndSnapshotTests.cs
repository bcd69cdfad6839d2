namespace PaperFeed.Tests.Text;

/// <summary>Header lines, page dates and where one snapshot ends and the next starts.</summary>
public class HeaderAndSnapshotTests
{
    [Fact]
    public void Partial_header_still_gives_the_page_date()
    {
        var result = ParseResult.OfFixture("partial-header.txt");

        result.Feeds.Should().ContainSingle().Which.Date.Should().Be(new PaperDate(null, 8, 28));
        result.Papers.Select(p => p.Title).Should().Equal("First Paper Title", "Second Paper Title");
        result.Papers[0].Abstract.Should().Be("First abstract. It has two sentences.");
        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Bare_date_at_the_start_is_the_page_date()
    {
        var result = ParseResult.OfFixture("no-header.txt");

        result.Feeds.Should().ContainSingle().Which.Date.Should().Be(new PaperDate(null, 8, 28));
        result.Papers.Should().ContainSingle().Which.Should().Be(new Paper
        {
            Title = "First Paper Title",
            Abstract = "First abstract.",
            Featured = new PaperDate(null, 8, 28),
        });
        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void No_header_and_no_date_gives_one_feed_without_date()
    {
        var result = ParseResult.Of("A Title\n\nAn abstract.\n");

        result.Feeds.Should().ContainSingle().Which.Date.Should().BeNull();
        result.Papers.Should().ContainSingle().Which.Featured.Should().BeNull();
    }

    [Fact]
    public void Empty_input_gives_no_feed()
    {
        FeedParser.Parse("").Should().BeEmpty();
        FeedParser.Parse("\n \n\t\r\n").Should().BeEmpty();
    }

    [Fact]
    public void Header_only_gives_an_empty_feed()
    {
        var feeds = FeedParser.Parse("new\n\nDaily Papers\n\nAug 28\n");

        feeds.Should().ContainSingle().Which.Papers.Should().BeEmpty();
        feeds[0].Date.Should().Be(new PaperDate(null, 8, 28));
    }

    [Fact]
    public void A_header_line_where_a_title_is_expected_starts_the_next_snapshot()
    {
        var text = "new\n\nDaily Papers\n\nAug 28\n\nT1\n\nA1.\n\nDaily Papers\n\nbyAK and the research community\n\nAug 29\n\nT2\n\nA2.\n";

        var result = ParseResult.Of(text);

        result.Feeds.Select(f => f.Date).Should().Equal(new PaperDate(null, 8, 28), new PaperDate(null, 8, 29));
        result.Feeds.Select(f => f.Papers.Single().Title).Should().Equal("T1", "T2");
        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Header_lines_out_of_page_order_start_a_new_snapshot()
    {
        // "new" after "Daily Papers" can only be the first line of the next copy of the page.
        FeedParser.Parse("Daily Papers\n\nnew\n\nAug 28\n").Should().HaveCount(2);
        FeedParser.Parse("new\n\nSubscribe\n\nDaily Papers\n\nAug 28\n").Should().ContainSingle();
    }

    [Fact]
    public void Bare_date_block_mid_input_starts_a_headerless_snapshot()
    {
        var result = ParseResult.OfFixture("headerless-snapshots.txt");

        result.Feeds.Select(f => f.Date).Should().Equal(new PaperDate(null, 8, 28), new PaperDate(null, 9, 2), new PaperDate(null, 9, 9));
        result.Feeds.Select(f => f.Papers.Count).Should().Equal(1, 2, 1);
        result.Feeds[1].Papers[0].Should().Be(new Paper { Title = "Second Paper Title", Abstract = "Second abstract.", Featured = new PaperDate(null, 9, 2) });
        result.Feeds[1].Papers[1].Title.Should().Be("Cut Off Title");
        result.Feeds[1].Papers[1].Abstract.Should().BeNull();
        result.Feeds[1].Papers[1].Published.Should().BeNull("a block of just a year-less date is a page date, not the paper's date");
        result.WithCode(DiagnosticCodes.HeaderlessSnapshot).Select(d => d.Line).Should().Equal(11, 19);
        result.WithCode(DiagnosticCodes.MissingAbstract).Should().ContainSingle().Which.Line.Should().Be(17);
    }

    [Fact]
    public void Date_with_year_or_upvotes_or_no_blank_before_after_an_abstract_is_the_papers_date()
    {
        var result = ParseResult.Of("Aug 28\n\nT1\n\nA1.\n\nAug 25, 2023\n\nT2\n\nA2.\n\nAug 26 4\n\nT3\n\nA3.\nAug 27\n");

        result.Feeds.Should().ContainSingle();
        result.Papers.Select(p => p.Published).Should().Equal(new PaperDate(2023, 8, 25), new PaperDate(null, 8, 26), new PaperDate(null, 8, 27));
        result.Papers[1].Upvotes.Should().Be(4);
        result.WithCode(DiagnosticCodes.IncompleteMetadata).Select(d => d.Line).Should().Equal(7, 13, 18);
    }

    [Fact]
    public void Page_date_with_a_trailing_number_warns_and_ignores_it()
    {
        var result = ParseResult.Of("Daily Papers\n\nAug 28 5\n\nT\n\nA.\n");

        result.Feeds.Single().Date.Should().Be(new PaperDate(null, 8, 28));
        result.WithCode(DiagnosticCodes.InvalidMetadata).Should().ContainSingle().Which.Line.Should().Be(3);
    }

    [Fact]
    public void Page_date_may_carry_a_year()
    {
        var feed = FeedParser.Parse("Daily Papers\n\nAug 28, 2023\n\nT\n\nA.\n\n  • 2 authors\n·\nAug 25\n").Single();

        feed.Date.Should().Be(new PaperDate(2023, 8, 28));
        feed.Papers[0].Published.Should().Be(new PaperDate(2023, 8, 25), "a page date with a year resolves the papers' year-less dates");
    }

    [Fact]
    public void Metadata_line_where_a_title_is_expected_is_ignored_with_a_warning()
    {
        var result = ParseResult.Of("Aug 28\n\n·\n\n  • 3 authors\n\nT\n\nA.\n");

        result.Papers.Should().ContainSingle().Which.Title.Should().Be("T");
        result.WithCode(DiagnosticCodes.UnexpectedLine).Select(d => d.Line).Should().Equal(3, 5);
    }

    [Fact]
    public void Feeds_come_out_as_each_snapshot_ends()
    {
        using var reader = new StringReader("Daily Papers\n\nAug 28\n\nT1\n\nA1.\n\nDaily Papers\n\nAug 29\n\nT2\n\nA2.\n");
        using var feeds = FeedParser.ReadFeeds(reader).GetEnumerator();

        feeds.MoveNext().Should().BeTrue();
        feeds.Current.Papers.Single().Title.Should().Be("T1");
        feeds.MoveNext().Should().BeTrue();
        feeds.Current.Papers.Single().Title.Should().Be("T2");
        feeds.MoveNext().Should().BeFalse();
    }
}
