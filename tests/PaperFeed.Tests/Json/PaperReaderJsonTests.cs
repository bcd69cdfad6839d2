using System.Text;

namespace PaperFeed.Tests.Json;

public class PaperReaderJsonTests
{
    [Theory]
    [InlineData("[{\"title\":\"A\"}]", "paperfeed-json")]
    [InlineData("\uFEFF\r\n  [\n  {", "paperfeed-json")]
    [InlineData("[]", "paperfeed-json")]
    [InlineData("{\"title\":\"A\"}\n{\"title\":\"B\"}", "paperfeed-jsonl")]
    [InlineData("{}", "paperfeed-jsonl")]
    [InlineData("{", "paperfeed-jsonl")]
    [InlineData("new\n\nGet trending papers in your email inbox!\n", "text")]
    [InlineData("Aug 28\n\n[CLS] Tokens Are All You Need\nAn abstract.\n", "text")]
    [InlineData("[CLS] Tokens Are All You Need\nAn abstract.\n• 3 authors\n", "text")]
    [InlineData("{Braces} in a title\nAn abstract.\n·\nAug 25\n", "text")]
    [InlineData("", "text")]
    [InlineData("abc\0def", "text")]
    public void Detects_the_format_from_the_first_bytes(string head, string expected) =>
        TestReaders.DetectFormat(Encoding.UTF8.GetBytes(head)).Should().Be(expected);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reads_text_and_its_own_json_to_the_same_feeds(bool jsonLines)
    {
        var feeds = FeedParser.Parse(File.ReadAllText(TestData.Corpus001));
        using var json = new MemoryStream();
        if (jsonLines) FeedJson.WritePapers(json, feeds.SelectMany(f => f.Papers));
        else FeedJson.WriteFeeds(json, feeds);
        json.Position = 0;

        // A non-seekable stream: the detected bytes must be replayed, not re-read.
        var fromJson = await TestReaders.ReadFeedsAsync(new ForwardOnlyStream(json)).ToListAsync();
        await using var text = File.OpenRead(TestData.Corpus001);
        var fromText = await TestReaders.ReadFeedsAsync(new ForwardOnlyStream(text)).ToListAsync();

        fromJson.Should().Equal(feeds);
        fromText.Should().Equal(feeds);
    }

    [Fact]
    public async Task Counts_json_and_text_alike()
    {
        await using var text = File.OpenRead(TestData.Corpus001);
        var fromText = await TestReaders.CountAsync(text);
        using var json = new MemoryStream();
        FeedJson.WriteFeeds(json, FeedParser.Parse(File.ReadAllText(TestData.Corpus001)));
        json.Position = 0;
        var fromJson = await TestReaders.CountAsync(json);

        (fromJson.Feeds, fromJson.Papers, fromJson.PapersWithMetadata).Should().Be((fromText.Feeds, fromText.Papers, fromText.PapersWithMetadata));
        fromJson.Papers.Should().Be(53);
        fromJson.PapersWithMetadata.Should().Be(50);
    }

    private sealed class ForwardOnlyStream(Stream inner) : PaperFeed.IO.ReadOnlyForwardStream
    {
        public override int Read(Span<byte> buffer) => inner.Read(buffer[..Math.Min(buffer.Length, 100)]);
    }
}
