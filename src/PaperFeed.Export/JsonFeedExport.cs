using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperFeed.Export;

/// <summary>JSON Feed 1.1 (https://jsonfeed.org/version/1.1) through a source-generated context.</summary>
internal static class JsonFeedExport
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    private static readonly JsonFeedContext Context = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    public static void Write(Stream destination, IEnumerable<Paper> papers, ExportOptions options)
    {
        var (items, _) = ExportItem.Prepare(papers);
        var document = new JsonFeedDocument
        {
            Version = Version,
            Title = options.Title,
            HomePageUrl = options.HomePageUrl,
            FeedUrl = options.FeedUrl,
            Description = options.Description,
            Items = items.Select(ToItem).ToList(),
        };
        JsonSerializer.Serialize(destination, document, Context.JsonFeedDocument);
        destination.WriteByte((byte)'\n');
    }

    private static JsonFeedItem ToItem(ExportItem item)
    {
        var paper = item.Paper;
        return new JsonFeedItem
        {
            Id = item.Id,
            Url = item.Link,
            ExternalUrl = paper.GetArxivAbstractUrl(),
            Title = paper.Title,
            // JSON Feed requires content_text or content_html: the abstract, else the title.
            ContentText = paper.Abstract ?? paper.Title,
            Summary = paper.Details?.AiSummary,
            DatePublished = item.Date?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Authors = paper.Authors.Count == 0 ? null : paper.Authors.Select(a => new JsonFeedAuthor { Name = a.Name }).ToList(),
            Tags = paper.Details is { AiKeywords.Count: > 0 } details ? details.AiKeywords.ToList() : null,
        };
    }
}

/// <summary>The top-level JSON Feed object.</summary>
internal sealed class JsonFeedDocument
{
    [JsonPropertyName("version")] public required string Version { get; init; }
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("home_page_url")] public string? HomePageUrl { get; init; }
    [JsonPropertyName("feed_url")] public string? FeedUrl { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("items")] public required List<JsonFeedItem> Items { get; init; }
}

/// <summary>One JSON Feed item.</summary>
internal sealed class JsonFeedItem
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("external_url")] public string? ExternalUrl { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("content_text")] public string? ContentText { get; init; }
    [JsonPropertyName("summary")] public string? Summary { get; init; }
    [JsonPropertyName("date_published")] public string? DatePublished { get; init; }
    [JsonPropertyName("authors")] public List<JsonFeedAuthor>? Authors { get; init; }
    [JsonPropertyName("tags")] public List<string>? Tags { get; init; }
}

/// <summary>One JSON Feed author.</summary>
internal sealed class JsonFeedAuthor
{
    [JsonPropertyName("name")] public string? Name { get; init; }
}

/// <summary>Source-generated metadata for JSON Feed: no reflection, Native AOT safe.</summary>
[JsonSerializable(typeof(JsonFeedDocument))]
internal sealed partial class JsonFeedContext : JsonSerializerContext;
