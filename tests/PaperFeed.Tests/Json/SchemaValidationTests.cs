using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using PaperFeed.Cli;
using PaperFeed.Tests.Cli;

namespace PaperFeed.Tests.Json;

/// <summary>
/// The CLI's JSON output on every real fixture, checked against the published docs/paperfeed.schema.json by an outside
/// validator (JsonSchema.Net, not PaperFeed's code): the document form against the schema, each JSON Lines line against
/// its paper schema. A second, closed copy of the schema (no property it does not name) catches output the docs do not
/// describe. Broken documents must fail, so the check can fail.
/// </summary>
public sealed class SchemaValidationTests
{
    private static readonly string SchemaText = File.ReadAllText(Path.Combine(SourceTree.Root, "docs", "paperfeed.schema.json"));

    private static readonly JsonSchema Document = Build(JsonNode.Parse(SchemaText)!, "document");

    private static readonly JsonSchema Paper = Build(PaperPart(JsonNode.Parse(SchemaText)!), "paper");

    private static readonly JsonSchema ClosedDocument = Build(Close(JsonNode.Parse(SchemaText)!), "closed-document");

    private static readonly JsonSchema ClosedPaper = Build(Close(PaperPart(JsonNode.Parse(SchemaText)!)), "closed-paper");

    /// <summary>Every real input file (not the provenance notes or expected values).</summary>
    public static TheoryData<string> RealInputs()
    {
        var data = new TheoryData<string>();
        string root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real");
        foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file);
            if (name is "PROVENANCE.md" or "README.md" or "expected.json") continue;
            data.Add(Path.GetRelativePath(root, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RealInputs))]
    public async Task Parse_output_of_every_real_input_is_valid_against_the_published_schema(string input)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", input);

        var document = await CliRun.InvokeAsync("parse", "--quiet", path);
        var jsonLines = await CliRun.InvokeAsync("parse", "--quiet", "--format", "jsonl", path);

        if (ExpectedError(input) is string code)
        {
            // An input the fixture's expected values say is refused: one error, nothing on standard output.
            foreach (var refused in new[] { document, jsonLines })
            {
                refused.ExitCode.Should().Be(ExitCodes.InputError);
                refused.Stdout.Should().BeEmpty();
                refused.Stderr.Should().Contain(code);
            }
            return;
        }
        document.ExitCode.Should().Be(ExitCodes.Success, document.Stderr);
        jsonLines.ExitCode.Should().Be(ExitCodes.Success, jsonLines.Stderr);
        using var parsed = JsonDocument.Parse(document.Stdout);
        parsed.RootElement.EnumerateArray().SelectMany(f => f.GetProperty("papers").EnumerateArray()).Should().NotBeEmpty("every real input holds papers");
        Errors(Document, parsed.RootElement).Should().BeEmpty();
        Errors(ClosedDocument, parsed.RootElement).Should().BeEmpty("every property the output writes is one the schema describes");
        var lines = jsonLines.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(parsed.RootElement.EnumerateArray().Sum(f => f.GetProperty("papers").GetArrayLength()));
        foreach (string line in lines)
        {
            using var paper = JsonDocument.Parse(line);
            Errors(Paper, paper.RootElement).Should().BeEmpty(line);
            Errors(ClosedPaper, paper.RootElement).Should().BeEmpty(line);
        }
    }

    /// <summary>The error code the folder's expected.json gives an input (<c>"error": "PF910"</c>), or null.</summary>
    private static string? ExpectedError(string input)
    {
        string expected = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", Path.GetDirectoryName(input)!, "expected.json");
        if (!File.Exists(expected)) return null;
        using var json = JsonDocument.Parse(File.ReadAllText(expected));
        return json.RootElement.TryGetProperty("files", out var files) && files.TryGetProperty(Path.GetFileName(input), out var entry)
            && entry.TryGetProperty("error", out var error) ? error.GetString() : null;
    }

    [Fact]
    public async Task Merge_output_of_the_real_copies_is_valid_against_the_published_schema()
    {
        var merged = await CliRun.InvokeAsync("merge", "--quiet", TestData.Corpus000, TestData.Corpus001);

        merged.ExitCode.Should().Be(ExitCodes.Success, merged.Stderr);
        using var parsed = JsonDocument.Parse(merged.Stdout);
        Errors(ClosedDocument, parsed.RootElement).Should().BeEmpty();
    }

    [Theory]
    [InlineData("upvotes a string", """[{"title":"Daily Papers","papers":[{"title":"A","upvotes":"12"}]}]""", "/0/papers/0/upvotes")]
    [InlineData("a paper without its title", """[{"title":"Daily Papers","papers":[{"upvotes":3}]}]""", "/0/papers/0")]
    [InlineData("a date that is no date", """[{"title":"Daily Papers","date":"Dec 30","papers":[]}]""", "/0/date")]
    [InlineData("an object, not an array", """{"title":"Daily Papers","papers":[]}""", "")]
    [InlineData("an author without a name", """[{"papers":[{"title":"A","authors":[{"handle":"x"}]}]}]""", "/0/papers/0/authors/0")]
    public void A_broken_document_fails_validation_where_it_is_broken(string what, string json, string location)
    {
        using var document = JsonDocument.Parse(json);

        Errors(Document, document.RootElement).Should().Contain(e => e.Location == location, what);
    }

    [Fact]
    public void A_property_the_schema_does_not_name_fails_the_closed_schema_only()
    {
        using var document = JsonDocument.Parse("""[{"title":"Daily Papers","papers":[{"title":"A","upvote":3}]}]""");

        Errors(Document, document.RootElement).Should().BeEmpty("the published schema allows extra properties");
        Errors(ClosedDocument, document.RootElement).Should().Contain(e => e.Location == "/0/papers/0/upvote");
    }

    private static List<(string Location, string Message)> Errors(JsonSchema schema, JsonElement instance)
    {
        var results = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid) return [];
        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => (d.InstanceLocation.ToString(), $"{d.InstanceLocation}: {e.Key}: {e.Value}")))
            .DefaultIfEmpty(("?", "invalid"))
            .ToList();
    }

    private static JsonSchema Build(JsonNode schema, string name) =>
        JsonSchema.FromText(schema.ToJsonString(), new BuildOptions(), new Uri($"https://paperfeed.test/{name}.schema.json"));

    /// <summary>The schema of one paper (a JSON Lines line), as the schema's description names it.</summary>
    private static JsonNode PaperPart(JsonNode schema)
    {
        var paper = schema["items"]!["properties"]!["papers"]!["items"]!.DeepClone();
        paper["$schema"] = schema["$schema"]!.DeepClone();
        return paper;
    }

    /// <summary>The schema with <c>additionalProperties: false</c> on every object schema that lists its properties.</summary>
    private static JsonNode Close(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (_, child) in obj.ToList()) if (child is not null) Close(child);
            if (obj["properties"] is JsonObject && !obj.ContainsKey("additionalProperties")) obj["additionalProperties"] = false;
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array) if (child is not null) Close(child);
        }
        return node;
    }
}
