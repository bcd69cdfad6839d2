using System.Text;

namespace PaperFeed.Tests.Formats;

public class FormatDetectionTests
{
    public static TheoryData<string, PaperFormat> FixtureFiles => new()
    {
        { Fixtures.DailyHtml, PaperFormat.Html },
        { Fixtures.BrokenPropsHtml, PaperFormat.Html },
        { Fixtures.CardsOnlyHtml, PaperFormat.Html },
        { Fixtures.DailyPapersJson, PaperFormat.HuggingFaceApiJson },
        { Fixtures.PaperJson, PaperFormat.HuggingFaceApiJson },
        { Fixtures.SearchJson, PaperFormat.HuggingFaceApiJson },
        { Fixtures.ArchiveJsonLines, PaperFormat.HuggingFaceApiJson },
        { TestData.Corpus000, PaperFormat.TextListing },
        { TestData.Corpus001, PaperFormat.TextListing },
    };

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Fixtures_and_corpus_are_detected(string path, PaperFormat expected)
    {
        var bytes = File.ReadAllBytes(path);

        PaperReader.DetectFormat(bytes, isEntireInput: true).Should().Be(expected);
        PaperReader.DetectFormat(bytes.AsSpan(0, Math.Min(bytes.Length, 200))).Should().Be(expected, "a short prefix is enough");
    }

    [Theory]
    [InlineData("", PaperFormat.TextListing)]
    [InlineData(" \r\n\t ", PaperFormat.TextListing)]
    [InlineData("\uFEFF\n  <!doctype html>", PaperFormat.Html)]
    [InlineData("<div>", PaperFormat.Html)]
    [InlineData("[Re] Reproducing a Paper\n\nThe abstract.\n• 2 authors\n·\nAug 25 2", PaperFormat.TextListing)]
    [InlineData("{Curly} Title\n\nThe abstract.\n• 2 authors\n·\nAug 25 2", PaperFormat.TextListing)]
    [InlineData("new\n\nGet trending papers in your email inbox!", PaperFormat.TextListing)]
    [InlineData("[]", PaperFormat.PaperFeedJson)]
    [InlineData("[null, {\"title\": \"T\"}]", PaperFormat.HuggingFaceApiJson)]
    [InlineData("\uFEFF [ {\"paper\": {\"id\": \"1\"}} ]", PaperFormat.HuggingFaceApiJson)]
    [InlineData("{\"id\": \"2508.1\", \"authors\": []}", PaperFormat.HuggingFaceApiJson)]
    [InlineData("{\"title\": \"T\", \"summary\": \"S\"}", PaperFormat.HuggingFaceApiJson)]
    [InlineData("{\"dateString\": \"2025-08-28\", \"dailyPapers\": []}", PaperFormat.HuggingFaceApiJson)]
    [InlineData("[{\"title\": \"Daily Papers\", \"date\": \"2025-08-28\", \"papers\": []}]", PaperFormat.PaperFeedJson)]
    [InlineData("[{\"title\": \"T\", \"abstract\": \"A\"}]", PaperFormat.PaperFeedJson)]
    [InlineData("{\"title\": \"Daily Papers\", \"papers\": [{\"title\": \"T\"}]}", PaperFormat.PaperFeedJsonLines)]
    [InlineData("{\"title\": \"T\", \"abstract\": \"A\"}\n{\"title\": \"U\"}\n", PaperFormat.PaperFeedJsonLines)]
    [InlineData("{\"title\": \"T\"}", PaperFormat.PaperFeedJsonLines)]
    [InlineData("{\"title\": \"T\", \"authors\": [], \"upvotes\": 3, \"paper\": {}}", PaperFormat.HuggingFaceApiJson)]
    public void Content_decides_the_format(string content, PaperFormat expected)
    {
        PaperReader.DetectFormat(Encoding.UTF8.GetBytes(content), isEntireInput: true).Should().Be(expected);
    }

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"unknown\": 1, \"other\": [1]}")]
    public void Json_of_an_unknown_shape_is_unknown_not_text(string content)
    {
        PaperReader.DetectFormat(Encoding.UTF8.GetBytes(content), isEntireInput: true).Should().BeNull();
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
        PaperReader.DetectFormat(Encoding.UTF8.GetBytes(content), isEntireInput: true).Should().Be(PaperFormat.HuggingFaceApiJson);
    }

    [Fact]
    public async Task Unknown_json_is_refused_without_naming_a_type_or_a_first_object()
    {
        var act = () => PaperReader.ReadFeedsAsync(new MemoryStream(Encoding.UTF8.GetBytes("[1, 2, 3]"))).ToListAsync();

        var error = (await act.Should().ThrowAsync<FeedFormatException>()).Which;
        error.Code.Should().Be(DiagnosticCodes.UnknownFormat);
        error.Message.Should().NotContain("first object").And.NotContain("PaperFeed.Paper").And.NotContain("System.");
    }

    [Fact]
    public async Task Binary_goes_to_the_text_reader_which_refuses_it()
    {
        byte[] gzip = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x01, 0x02, 0x03];

        PaperReader.DetectFormat(gzip, isEntireInput: true).Should().Be(PaperFormat.TextListing);
        var act = () => PaperReader.ReadPapersAsync(new MemoryStream(gzip)).ToListAsync();
        (await act.Should().ThrowAsync<FeedFormatException>()).Which.Code.Should().Be(DiagnosticCodes.NotText);
    }
}
