using System.Text;

namespace PaperFeed.Tests.Formats;

public class FormatDetectionTests
{
    public static TheoryData<string, string> FixtureFiles => new()
    {
        { Fixtures.DailyHtml, "html" },
        { Fixtures.BrokenPropsHtml, "html" },
        { Fixtures.CardsOnlyHtml, "html" },
        { Fixtures.DailyPapersJson, "hf-api" },
        { Fixtures.PaperJson, "hf-api" },
        { Fixtures.SearchJson, "hf-api" },
        { Fixtures.ArchiveJsonLines, "hf-api" },
        { TestData.Corpus000, "text" },
        { TestData.Corpus001, "text" },
    };

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Fixtures_and_corpus_are_detected(string path, string expected)
    {
        var bytes = File.ReadAllBytes(path);

        TestReaders.DetectFormat(bytes, isEntireInput: true).Should().Be(expected);
        // A page shows it is the site's by its address or listing component, which come within its first kilobyte.
        TestReaders.DetectFormat(bytes.AsSpan(0, Math.Min(bytes.Length, expected == "html" ? 1024 : 200))).Should().Be(expected, "a short prefix is enough");
    }

    [Theory]
    [InlineData("", "text")]
    [InlineData(" \r\n\t ", "text")]
    [InlineData("[Re] Reproducing a Paper\n\nThe abstract.\n• 2 authors\n·\nAug 25 2", "text")]
    [InlineData("{Curly} Title\n\nThe abstract.\n• 2 authors\n·\nAug 25 2", "text")]
    [InlineData("new\n\nGet trending papers in your email inbox!", "text")]
    [InlineData("[]", "paperfeed-json")]
    [InlineData("[null, {\"title\": \"T\"}]", "hf-api")]
    [InlineData("\uFEFF [ {\"paper\": {\"id\": \"1\"}} ]", "hf-api")]
    [InlineData("{\"id\": \"2508.1\", \"authors\": []}", "hf-api")]
    [InlineData("{\"title\": \"T\", \"summary\": \"S\"}", "hf-api")]
    [InlineData("{\"dateString\": \"2025-08-28\", \"dailyPapers\": []}", "hf-api")]
    [InlineData("[{\"title\": \"Daily Papers\", \"date\": \"2025-08-28\", \"papers\": []}]", "paperfeed-json")]
    [InlineData("[{\"title\": \"T\", \"abstract\": \"A\"}]", "paperfeed-json")]
    [InlineData("{\"title\": \"Daily Papers\", \"papers\": [{\"title\": \"T\"}]}", "paperfeed-jsonl")]
    [InlineData("{\"title\": \"T\", \"abstract\": \"A\"}\n{\"title\": \"U\"}\n", "paperfeed-jsonl")]
    [InlineData("{\"title\": \"T\"}", "paperfeed-jsonl")]
    [InlineData("{\"title\": \"T\", \"authors\": [], \"upvotes\": 3, \"paper\": {}}", "hf-api")]
    public void Content_decides_the_format(string content, string expected)
    {
        TestReaders.DetectFormat(Encoding.UTF8.GetBytes(content), isEntireInput: true).Should().Be(expected);
    }

    /// <summary>
    /// The one listing line of each input is its last, without a line end: it decides only when the bytes are the
    /// whole input, since in the head of a longer input that line may be cut. So these fail when the detector ignores
    /// <c>isEntireInput</c> either way.
    /// </summary>
    [Theory]
    [InlineData("Some title\n\nAn abstract.\n• 2 authors")]
    [InlineData("Some title\n\nAn abstract.\n·\nAug 25")]
    [InlineData("Some title\n\nAn abstract.\n2 authors\n·")]
    [InlineData("Daily Papers\nbyAK and the research community")]
    public void A_last_line_without_line_end_counts_only_when_the_input_is_entire(string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);

        TestReaders.DetectFormat(bytes, isEntireInput: true).Should().Be("text", "the whole input ends with a complete listing line");
        TestReaders.DetectFormat(bytes, isEntireInput: false).Should().BeNull("in the head of a longer input the last line may be cut, so it is not judged");
        TestReaders.DetectFormat(Encoding.UTF8.GetBytes(content + "\n"), isEntireInput: false).Should().Be("text", "with its line end the line is complete");
    }

    /// <summary>Markup is HTML only where it shows it is a saved papers page; a bare tag or another site's page is no format.</summary>
    [Theory]
    [InlineData("\uFEFF\n  <!doctype html>")]
    [InlineData("<div>")]
    [InlineData("<!doctype html><html><head><title>AI papers, translated</title></head><body><a href=\"https://huggingface.co/papers/2508.00001\">A paper</a></body></html>")]
    [InlineData("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><link>https://huggingface.co/papers</link><item><link>https://huggingface.co/papers/2508.00001</link></item></channel></rss>")]
    public void Markup_without_a_papers_page_marker_is_no_format(string content)
    {
        TestReaders.DetectFormat(Encoding.UTF8.GetBytes(content), isEntireInput: true).Should().BeNull();
    }

    /// <summary>One weak cue is not a listing: a lone "·", a lone date or a lone header word, as other pages have.</summary>
    [Theory]
    [InlineData("Comments\n\n·\nSign up or log in to comment\n")]
    [InlineData("Some notes\nAug 25\nmore notes\n")]
    [InlineData("new\nsomething else entirely\n")]
    [InlineData("Subscribe\nto our newsletter\n")]
    public void One_weak_cue_is_not_a_listing(string content)
    {
        TestReaders.DetectFormat(Encoding.UTF8.GetBytes(content), isEntireInput: true).Should().BeNull();
    }

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"unknown\": 1, \"other\": [1]}")]
    public void Json_of_an_unknown_shape_is_unknown_not_text(string content)
    {
        TestReaders.DetectFormat(Encoding.UTF8.GetBytes(content), isEntireInput: true).Should().BeNull();
    }

    [Theory]
    // Items saved as strings (Python reprs): the API reader says what is wrong with them.
    [InlineData("[\"{'paper': {}}\"]")]
    // A listing page's data-props saved alone, whatever the order of its keys ("date" is also PaperFeed's).
    [InlineData("{\"date\": \"2024-05-27T00:00:00.000Z\", \"canSubmit\": false, \"dailyPapers\": []}")]
    [InlineData("{\"canSubmit\": false, \"date\": \"2024-05-27T00:00:00.000Z\", \"dailyPapers\": []}")]
    // An archiver's wrapper: its data's items tell.
    [InlineData("{\"status\": \"success\", \"date\": \"2025-01-10\", \"count\": 1, \"data\": [{\"paper\": {}}]}")]
    [InlineData("{\"status\": \"success\", \"date\": \"2025-01-10\", \"count\": 1, \"data\": [\"{'paper': {}}\"]}")]
    public void Api_shapes_from_the_wild_are_api_json(string content)
    {
        TestReaders.DetectFormat(Encoding.UTF8.GetBytes(content), isEntireInput: true).Should().Be("hf-api");
    }

    [Fact]
    public async Task Unknown_json_is_refused_without_naming_a_type_or_a_first_object()
    {
        var act = () => TestReaders.ReadFeedsAsync(new MemoryStream(Encoding.UTF8.GetBytes("[1, 2, 3]"))).ToListAsync();

        var error = (await act.Should().ThrowAsync<FeedFormatException>()).Which;
        error.Code.Should().Be(DiagnosticCodes.UnknownFormat);
        error.Message.Should().NotContain("first object").And.NotContain("PaperFeed.Paper").And.NotContain("System.");
    }

    [Fact]
    public async Task Damaged_gzip_is_refused_as_damaged_compressed_data()
    {
        // A gzip header (RFC 1952: 1F 8B, method 8) followed by bytes that are no deflate stream.
        byte[] gzip = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xff, 0xff, 0xff];

        var act = () => TestReaders.ReadPapersAsync(new MemoryStream(gzip)).ToListAsync();
        var refused = (await act.Should().ThrowAsync<FeedFormatException>()).Which;
        refused.Code.Should().Be(DiagnosticCodes.DamagedCompressedInput);
        refused.Message.Should().Contain("gzip");
    }
}
