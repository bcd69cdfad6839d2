using System.Text;
using System.Text.Json;

namespace PaperFeed.Tests.Json;

/// <summary>Records written as JSON and read back are equal to the originals, in every shape the reader accepts.</summary>
public class JsonRoundTripTests
{
    public static TheoryData<string> CorpusFiles => new() { TestData.Corpus000, TestData.Corpus001 };

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Text_to_json_document_to_records(string path)
    {
        var feeds = FeedParser.Parse(File.ReadAllText(path));
        using var json = new MemoryStream();
        FeedJson.WriteFeeds(json, feeds, indented: true);

        json.Position = 0;
        var back = await FeedJson.ReadFeedsAsync(json).ToListAsync();

        back.Should().Equal(feeds);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Json_document_to_json_lines_to_records(string path)
    {
        var feeds = FeedParser.Parse(File.ReadAllText(path));
        using var document = new MemoryStream();
        await FeedJson.WriteFeedsAsync(document, feeds.ToAsyncEnumerable());
        document.Position = 0;

        using var lines = new MemoryStream();
        await FeedJson.WritePapersAsync(lines, FeedJson.ReadPapersAsync(document));
        lines.Position = 0;
        var papers = await FeedJson.ReadPapersAsync(lines).ToListAsync();

        papers.Should().Equal(feeds.SelectMany(f => f.Papers));
        Encoding.UTF8.GetString(lines.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(papers.Count);

        // Papers grouped back by featured day give the feeds again (one snapshot per file here).
        lines.Position = 0;
        (await FeedJson.ReadFeedsAsync(lines).ToListAsync()).Should().Equal(feeds);
    }

    [Fact]
    public void Serialize_through_the_context_round_trips_every_field()
    {
        var paper = new Paper
        {
            Title = "Ünïcode \"quoted\" title",
            Abstract = "Line one.\nLine two, with a tab\tand <html> & emoji 🦀.",
            AuthorCount = 2,
            Authors = [new Author("Ada Lovelace"), new Author("Alan Turing")],
            Published = new PaperDate(2023, 2, 13),
            Upvotes = 42,
            ArxivId = "2302.06600",
            Url = "https://huggingface.co/papers/2302.06600",
            Featured = new PaperDate(null, 2, 29),
            Details = new PaperDetails
            {
                AiSummary = "Summary.",
                AiKeywords = ["skills", "localization"],
                GithubRepo = "https://github.com/example/repo",
                GithubStars = 7,
                ProjectPage = "https://example.org",
                Organization = new Organization("example"),
                CommentCount = 3,
                WithdrawnAt = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            },
        };

        string json = JsonSerializer.Serialize(paper, PaperFeedJsonContext.Default.Paper);

        JsonSerializer.Deserialize(json, PaperFeedJsonContext.Default.Paper).Should().Be(paper);
        json.Should().Contain("\"published\":\"2023-02-13\"").And.Contain("\"featured\":\"--02-29\"").And.Contain("Ünïcode").And.Contain("<html> &");
        json.Should().NotContain("fullName").And.NotContain("isEmpty").And.NotContain("sourceLine");
    }

    [Fact]
    public void Null_and_empty_properties_are_omitted_and_read_back_as_null_and_empty()
    {
        var paper = new Paper { Title = "Only a title", Details = new PaperDetails { CommentCount = 1 } };

        string json = JsonSerializer.Serialize(paper, PaperFeedJsonContext.Default.Paper);

        json.Should().Be("{\"title\":\"Only a title\",\"details\":{\"commentCount\":1}}");
        var back = JsonSerializer.Deserialize(json, PaperFeedJsonContext.Default.Paper)!;
        back.Should().Be(paper);
        back.Authors.Should().BeEmpty();
        back.Details!.AiKeywords.Should().BeEmpty();
    }

    [Fact]
    public void A_context_over_custom_options_keeps_the_contract()
    {
        var context = new PaperFeedJsonContext(new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseUpper });
        var paper = new Paper { Title = "T", ArxivId = "2401.00001", Published = new PaperDate(null, 8, 25) };

        string json = JsonSerializer.Serialize(paper, context.Paper);

        json.Should().Be("{\n  \"title\": \"T\",\n  \"published\": \"--08-25\",\n  \"arxivId\": \"2401.00001\"\n}".ReplaceLineEndings());
        JsonSerializer.Deserialize(json, context.Paper).Should().Be(paper);
    }
}
