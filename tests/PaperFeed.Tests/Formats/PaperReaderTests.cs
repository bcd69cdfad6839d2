using System.Text;
using PaperFeed.Html;
using PaperFeed.Tests.Api;

namespace PaperFeed.Tests.Formats;

public class PaperReaderTests
{
    [Theory]
    [InlineData("Api/daily_papers.json")]
    [InlineData("Api/archive.jsonl")]
    public async Task Detected_api_json_reads_like_its_own_reader(string fixture)
    {
        await using var stream = new OneByteAtATimeStream(File.ReadAllBytes(Fixtures.Path(fixture.Split('/'))));

        var papers = await TestReaders.ReadPapersAsync(stream).ToListAsync();
        await using var direct = File.OpenRead(Fixtures.Path(fixture.Split('/')));

        papers.Should().Equal(await HuggingFaceJson.ReadPapersAsync(direct).ToListAsync());
        papers.Select(p => p.ArxivId).Should().Equal(HuggingFaceJsonTests.DailyPapers.Select(p => p.ArxivId));
    }

    [Fact]
    public async Task Detected_text_listing_reads_like_the_feed_parser()
    {
        var expected = FeedParser.Parse(File.ReadAllText(TestData.Corpus001));
        await using var stream = File.OpenRead(TestData.Corpus001);

        var feeds = await TestReaders.ReadFeedsAsync(stream).ToListAsync();

        feeds.Should().Equal(expected);
    }

    [Fact]
    public async Task Html_needs_the_html_format_and_a_reader_without_it_says_so()
    {
        await using var stream = File.OpenRead(Fixtures.DailyHtml);

        var act = () => FeedReader.Default.ReadPapersAsync(FeedInput.FromStream(stream, "daily.html")).ToListAsync();

        var error = (await act.Should().ThrowAsync<FeedFormatException>()).Which;
        error.Code.Should().Be(DiagnosticCodes.UnsupportedFormat);
        error.Message.Should().Contain("PaperFeed.Html").And.StartWith("daily.html: error PF923");
    }

    [Fact]
    public async Task Any_paper_reader_adds_html()
    {
        await using var stream = new OneByteAtATimeStream(File.ReadAllBytes(Fixtures.DailyHtml));

        var feeds = await TestReaders.ReadFeedsAsync(stream).ToListAsync();

        feeds.Should().ContainSingle().Which.Should().Be(new Feed { Date = new PaperDate(2025, 8, 28), Papers = HuggingFaceJsonTests.OnListingDay(new PaperDate(2025, 8, 28)) });
    }

    [Fact]
    public async Task Unknown_content_is_an_error_not_an_empty_result()
    {
        var act = () => TestReaders.ReadPapersAsync(Fixtures.Utf8("{\"unknown\": true}")).ToListAsync();

        (await act.Should().ThrowAsync<FeedFormatException>()).Which.Code.Should().Be(DiagnosticCodes.UnknownFormat);
    }

    [Fact]
    public async Task A_forced_format_is_used_as_given()
    {
        // JSON forced to be read as a text listing is a (strange) listing, not JSON.
        var asText = await TestReaders.ReadPapersAsync(Fixtures.Utf8("[]\n\nnot an abstract"), "text").ToListAsync();
        // Text forced to be read as API JSON is refused in one line (PF922) that says what the input is, before any paper.
        var asApi = () => TestReaders.ReadPapersAsync(Fixtures.Utf8("Daily Papers\n\nAug 28\n\nTitle\n\nAbstract"), "hf-api").ToListAsync();

        asText.Select(p => p.Title).Should().Equal("[]");
        var refused = (await asApi.Should().ThrowAsync<FeedFormatException>()).Which;
        refused.Code.Should().Be(DiagnosticCodes.UnknownFormat);
        refused.Message.Should().Contain("the input is a text listing, not Hugging Face API JSON");
    }

    [Fact]
    public async Task Streaming_items_of_api_input_are_whole_listings()
    {
        string page = $$"""{"dateString": "2025-08-28", "dailyPapers": {{File.ReadAllText(Fixtures.DailyPapersJson).ReplaceLineEndings(" ")}}}""";
        string input = File.ReadAllText(Fixtures.ArchiveJsonLines) + page + "\n";

        var items = await TestReaders.ReadItemsAsync(Fixtures.Utf8(input), null, null, CancellationToken.None).ToListAsync();

        // JSON Lines items group by the day of submittedOnDailyAt (lines without it stay with the line before); the
        // page is one listing, whose own date is the featured day of its items without submittedOnDailyAt.
        var (full, minimal, nulls, withdrawn) = (HuggingFaceJsonTests.FullItem, HuggingFaceJsonTests.MinimalItem, HuggingFaceJsonTests.NullsItem, HuggingFaceJsonTests.WithdrawnItem);
        var (day27, day28) = (new PaperDate(2025, 8, 27), new PaperDate(2025, 8, 28));
        items.Should().Equal(
            new FeedItem(new Feed { Date = day27, Papers = [full, minimal with { Featured = day27 }, nulls with { Featured = day27 }] }),
            new FeedItem(new Feed { Date = day28, Papers = [withdrawn] }),
            new FeedItem(new Feed { Date = day28, Papers = [full, minimal with { Featured = day28 }, nulls with { Featured = day28 }, withdrawn] }));
    }

    [Fact]
    public async Task Counting_an_api_archive_counts_its_papers_and_warnings()
    {
        string input = File.ReadAllText(Fixtures.ArchiveJsonLines) + "{\"paper\": {\"id\": \"x\"}}\n";

        var statistics = await TestReaders.CountAsync(Fixtures.Utf8(input));

        (statistics.Feeds, statistics.Papers, statistics.PapersWithMetadata, statistics.Warnings).Should().Be((2L, 4L, 4L, 2L)); // two listing days; githubStars that is an object, and the untitled line
    }

    [Fact]
    public async Task Empty_input_is_an_empty_listing()
    {
        (await TestReaders.ReadFeedsAsync(new MemoryStream()).ToListAsync()).Should().BeEmpty();
    }

    /// <summary>A stream that cannot seek and returns one byte per read: detection must replay what it read.</summary>
    private sealed class OneByteAtATimeStream(byte[] bytes) : PaperFeed.IO.ReadOnlyForwardStream
    {
        private int _position;

        public override int Read(Span<byte> buffer)
        {
            if (_position == bytes.Length || buffer.IsEmpty) return 0;
            buffer[0] = bytes[_position++];
            return 1;
        }
    }
}
