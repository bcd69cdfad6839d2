using System.Text.Json.Nodes;

namespace PaperFeed.Tests.Json;

public class JsonSchemaTests
{
    [Fact]
    public void Committed_schema_is_the_one_the_code_generates()
    {
        string committed = File.ReadAllText(Path.Combine(SourceTree.Root, "docs", "paperfeed.schema.json"));

        committed.Should().Be(FeedJson.GetSchema(),
            "docs/paperfeed.schema.json is generated from the records; regenerate it with: paperfeed schema > docs/paperfeed.schema.json " +
            "(from the repository root: dotnet run --project src/PaperFeed.Cli -- schema > docs/paperfeed.schema.json)");
    }

    [Fact]
    public void Schema_describes_an_array_of_feeds_with_the_contract_rules()
    {
        var schema = JsonNode.Parse(FeedJson.GetSchema())!;

        schema["type"]!.GetValue<string>().Should().Be("array");
        var feed = schema["items"]!;
        feed["properties"]!.AsObject().Select(p => p.Key).Should().Equal("title", "date", "period", "papers");
        var paper = feed["properties"]!["papers"]!["items"]!;
        paper["properties"]!.AsObject().Select(p => p.Key).Should().Equal(
            "title", "abstract", "authorCount", "authors", "published", "upvotes", "arxivId", "url", "featured", "details");
        paper["required"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("title");
        paper["properties"]!["published"]!["pattern"]!.GetValue<string>().Should().Be("^([0-9]{4}|-)-[0-9]{2}-[0-9]{2}$");
        paper["properties"]!["details"]!["properties"]!.AsObject().Select(p => p.Key).Should().NotContain("isEmpty");
    }
}
