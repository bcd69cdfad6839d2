using System.Text;
using System.Text.Json;

namespace PaperFeed.Tests.Json;

public class FeedJsonWriterTests
{
    private static IReadOnlyList<Feed> CorpusFeeds() =>
        [.. FeedParser.Parse(File.ReadAllText(TestData.Corpus000)), .. FeedParser.Parse(File.ReadAllText(TestData.Corpus001))];

    [Fact]
    public void Streamed_document_is_byte_for_byte_what_the_serializer_writes()
    {
        // Every feed property: a week page's explicit period, a feed without date, an empty feed.
        var week = new Feed { Date = new PaperDate(2025, 9, 15), Period = FeedPeriod.OfWeek(2025, 38), Papers = [new Paper { Title = "W" }] };
        var feeds = CorpusFeeds().Append(new Feed()).Append(week).ToList();
        using var streamed = new MemoryStream();

        FeedJson.WriteFeeds(streamed, feeds);

        string expected = JsonSerializer.Serialize(feeds, PaperFeedJsonContext.Default.IReadOnlyListFeed) + "\n";
        Encoding.UTF8.GetString(streamed.ToArray()).Should().Be(expected);
        expected.Should().Contain("\"period\":\"2025-W38\"", "the streamed writer must not drop feed properties");
    }

    [Fact]
    public void Json_lines_are_one_serialized_paper_per_line_in_order()
    {
        var papers = CorpusFeeds().SelectMany(f => f.Papers).ToList();
        using var output = new MemoryStream();

        FeedJson.WritePapers(output, papers);

        string[] lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n');
        lines[^1].Should().BeEmpty("every line ends with a newline");
        lines[..^1].Should().Equal(papers.Select(p => JsonSerializer.Serialize(p, PaperFeedJsonContext.Default.Paper)));
    }

    [Fact]
    public void Papers_written_one_by_one_into_a_document_are_grouped_by_featured_day()
    {
        var day1 = new PaperDate(2025, 8, 28);
        var day2 = new PaperDate(2025, 8, 29);
        using var output = new MemoryStream();
        using (var writer = new FeedJsonWriter(output, FeedJsonFormat.Document, leaveOpen: true))
        {
            writer.WritePaper(new Paper { Title = "A", Featured = day1 });
            writer.WritePaper(new Paper { Title = "B", Featured = day1 });
            writer.WritePaper(new Paper { Title = "C", Featured = day2 });
            writer.WriteFeed(new Feed { Date = day1, Papers = [new Paper { Title = "D" }] });
            writer.Complete();
        }

        var feeds = JsonSerializer.Deserialize(output.ToArray(), PaperFeedJsonContext.Default.ListFeed)!;

        feeds.Select(f => (f.Date, string.Join(",", f.Papers.Select(p => p.Title)))).Should().Equal(
            (day1, "A,B"), (day2, "C"), (day1, "D"));
    }

    [Theory]
    [InlineData(FeedJsonFormat.Document, "[]\n")]
    [InlineData(FeedJsonFormat.JsonLines, "")]
    public async Task Nothing_written_is_a_valid_empty_output(FeedJsonFormat format, string expected)
    {
        using var output = new MemoryStream();
        await using (var writer = new FeedJsonWriter(output, format, leaveOpen: true)) await writer.CompleteAsync();

        Encoding.UTF8.GetString(output.ToArray()).Should().Be(expected);
    }

    [Fact]
    public void Writer_over_a_buffer_writer_gives_the_same_bytes_as_over_a_stream()
    {
        var feeds = CorpusFeeds();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new FeedJsonWriter(buffer, FeedJsonFormat.JsonLines))
        {
            foreach (var feed in feeds) writer.WriteFeed(feed);
            writer.Complete();
        }
        using var stream = new MemoryStream();
        FeedJson.WritePapers(stream, feeds.SelectMany(f => f.Papers));

        buffer.WrittenSpan.ToArray().Should().Equal(stream.ToArray());
    }

    [Fact]
    public void Stream_receives_papers_in_batches_and_all_of_them_on_flush()
    {
        using var output = new MemoryStream();
        using var writer = new FeedJsonWriter(output, FeedJsonFormat.JsonLines, leaveOpen: true);

        writer.WritePaper(new Paper { Title = "first" });
        output.Length.Should().Be(0, "a small paper waits in the batch");
        writer.Flush();
        Encoding.UTF8.GetString(output.ToArray()).Should().Be("{\"title\":\"first\"}\n", "Flush hands over everything written");

        var big = new Paper { Title = "big", Abstract = new string('a', 70 * 1024) };
        writer.WritePaper(big);
        output.Length.Should().BeGreaterThan(70 * 1024, "a full batch goes out without waiting for Flush");
    }
}
