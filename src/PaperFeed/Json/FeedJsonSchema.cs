using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace PaperFeed.Json;

/// <summary>
/// Generates the JSON Schema of the document form from the records' own metadata (System.Text.Json's
/// <see cref="JsonSchemaExporter"/>), adding what metadata cannot say: the date forms and the descriptions.
/// </summary>
internal static class FeedJsonSchema
{
    private static readonly Lazy<string> Generated = new(Generate);

    public static string Text => Generated.Value;

    // Descriptions keyed by "Type.jsonName": the schema's documentation, mirroring docs/json.md.
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["Feed.title"] = "The listing's title: \"Daily Papers\".",
        ["Feed.date"] = "The page date of the snapshot, when it shows one.",
        ["Feed.period"] = "The period a week, month or trending page covers; omitted for a day (the day of date).",
        ["Feed.papers"] = "The papers, in page order.",
        ["Paper.title"] = "The title, trimmed, line wraps folded into single spaces.",
        ["Paper.abstract"] = "The abstract; omitted when the source has none.",
        ["Paper.authorCount"] = "The number of authors the source states, or the number of names it lists.",
        ["Paper.authors"] = "The authors, in order; omitted when the source names none (the text listing never does).",
        ["Paper.published"] = "The date the paper was published (its arXiv date).",
        ["Paper.upvotes"] = "The upvote count shown on the paper's card.",
        ["Paper.arxivId"] = "The arXiv identifier, for example \"2308.12345\".",
        ["Paper.url"] = "The paper's Hugging Face page.",
        ["Paper.featured"] = "The day the paper was featured on Daily Papers (for a text snapshot: its page date).",
        ["Paper.details"] = "Details only the site's API gives; omitted when there are none.",
        ["Author.name"] = "The author's display name.",
        ["PaperDetails.aiSummary"] = "The site's AI-written summary.",
        ["PaperDetails.aiKeywords"] = "The site's AI keywords; omitted when empty.",
        ["PaperDetails.githubRepo"] = "The code repository URL.",
        ["PaperDetails.githubStars"] = "Stars of the code repository when observed.",
        ["PaperDetails.projectPage"] = "The project page URL.",
        ["PaperDetails.organization"] = "The organization the paper was submitted under.",
        ["PaperDetails.commentCount"] = "Number of comments on the listing item.",
        ["PaperDetails.withdrawnAt"] = "When the paper was withdrawn from the site.",
        ["PaperDetails.submitter"] = "The Hugging Face user who submitted the paper, as the page names them.",
        ["Organization.name"] = "The organization's handle.",
        ["Organization.fullName"] = "Its display name.",
    };

    private static string Generate()
    {
        var exporterOptions = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Transform,
        };
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(PaperFeedJsonContext.Default.IReadOnlyListFeed, exporterOptions);

        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "PaperFeed JSON document",
            ["description"] = "An array of Daily Papers feeds (snapshots), each with its papers, as written by PaperFeed. " +
                "Null properties and empty lists are omitted. JSON Lines output holds one paper (the items.properties.papers.items schema) per line. See docs/json.md.",
        };
        foreach (var (name, value) in schema.AsObject().ToList())
        {
            schema.AsObject().Remove(name);
            root[name] = value;
        }
        var options = new JsonSerializerOptions { WriteIndented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return root.ToJsonString(options) + "\n";
    }

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        var type = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
        if (type == typeof(PaperDate))
        {
            // The converter is opaque to the exporter: spell out both date forms.
            bool nullable = context.PropertyInfo is { } property && Nullable.GetUnderlyingType(property.PropertyType) is not null;
            schema = new JsonObject
            {
                ["type"] = nullable ? new JsonArray("string", "null") : "string",
                ["pattern"] = "^([0-9]{4}|-)-[0-9]{2}-[0-9]{2}$",
                ["description"] = "A date: \"2023-02-13\", or \"--08-25\" (XML Schema gMonthDay) when the source gives no year.",
            };
        }
        else if (type == typeof(FeedPeriod))
        {
            bool nullable = context.PropertyInfo is { } property && Nullable.GetUnderlyingType(property.PropertyType) is not null;
            schema = new JsonObject
            {
                ["type"] = nullable ? new JsonArray("string", "null") : "string",
                ["pattern"] = "^(([0-9]{4}|-)-[0-9]{2}-[0-9]{2}|[0-9]{4}-W[0-9]{2}|[0-9]{4}-[0-9]{2}|trending)$",
                ["description"] = "A day (\"2025-09-14\", \"--08-28\"), an ISO week (\"2025-W38\"), a month (\"2025-09\") or the trending list (\"trending\").",
            };
        }
        if (context.PropertyInfo is { } info && info.DeclaringType is { } declaring &&
            Descriptions.TryGetValue($"{declaring.Name}.{info.Name}", out string? description) && schema is JsonObject obj)
        {
            // A date property keeps the date forms after its own description.
            if (obj["description"] is JsonNode existing) obj["description"] = $"{description} {existing.GetValue<string>()}";
            else obj.Insert(0, "description", description);
        }
        return schema;
    }
}
