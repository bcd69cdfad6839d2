using System.Text;

namespace PaperFeed.Tests.Json;

/// <summary>
/// The JSON written for the corpus snapshots, byte for byte. When the contract changes on purpose, regenerate with
/// <c>PAPERFEED_UPDATE_GOLDEN=1 dotnet test tests/PaperFeed.Tests --filter FullyQualifiedName~JsonGoldenTests</c>
/// (the run rewrites tests/PaperFeed.Tests/Fixtures/Json and fails, so that it can never pass by itself), review the
/// diff, and run the tests again without the variable. A missing golden file fails, saying how to create it.
/// </summary>
public class JsonGoldenTests
{
    private const string Regenerate = "PAPERFEED_UPDATE_GOLDEN=1 dotnet test tests/PaperFeed.Tests --filter FullyQualifiedName~JsonGoldenTests";

    public static TheoryData<string, string> Cases => new()
    {
        { TestData.Corpus000, "000_8204dcf02e091c26.json" },
        { TestData.Corpus001, "001_945d3c89aa4599f6.json" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Corpus_snapshot_as_json_document_matches_golden_file(string corpus, string golden)
    {
        await using var input = File.OpenRead(corpus);
        using var output = new MemoryStream();
        await FeedJson.WriteFeedsAsync(output, FeedParser.ReadFeedsAsync(input), indented: true);
        string actual = Encoding.UTF8.GetString(output.ToArray());

        if (SourceTree.UpdateGolden)
        {
            await File.WriteAllTextAsync(Path.Combine(SourceTree.TestProject, "Fixtures", "Json", golden), actual);
            Assert.Fail($"{golden} was rewritten (PAPERFEED_UPDATE_GOLDEN=1): review its diff, then run the tests without the variable.");
        }
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Json", golden);
        File.Exists(path).Should().BeTrue($"the golden file {golden} must exist; create it with `{Regenerate}`");
        string expected = await File.ReadAllTextAsync(path);
        actual.Should().Be(expected, $"the JSON contract changed; if on purpose, regenerate with `{Regenerate}` and review the diff");
    }
}
