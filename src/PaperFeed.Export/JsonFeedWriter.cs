using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperFeed.Export;

/// <summary>
/// JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written item by item through a source-generated context. JSON
/// escapes what it must (controls, U+FFFE, U+FFFF; a lone surrogate becomes U+FFFD), so any text goes through.
/// </summary>
internal sealed class JsonFeedWriter : DocumentWriter
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    private static readonly JsonFeedContext Context = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    private readonly OutputBatch _destination;
    private readonly ExportOptions _options;
    private readonly Utf8JsonWriter _json;

    public JsonFeedWriter(OutputBatch destination, ExportOptions options)
    {
        _destination = destination;
        _options = options;
        // Over the batch as a buffer writer: a flush only commits the written bytes to the batch, no copy, no I/O.
        _json = new Utf8JsonWriter((System.Buffers.IBufferWriter<byte>)destination, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true });
    }

    public override void Begin(DateTimeOffset? updated)
    {
        _json.WriteStartObject();
        _json.WriteString("version", Version);
        _json.WriteString("title", _options.Title);
        _json.WriteString("home_page_url", _options.HomePageUrl);
        if (_options.FeedUrl is string feedUrl) _json.WriteString("feed_url", feedUrl);
        _json.WriteString("description", _options.Description);
        _json.WriteStartArray("items");
    }

    public override void Write(ExportItem item)
    {
        JsonSerializer.Serialize(_json, ToItem(item), Context.JsonFeedItem);
        // Item by item into the batch, which goes out to the stream as it fills.
        _json.Flush();
    }

    public override void End()
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        _destination.WriteByte((byte)'\n');
    }

    public override void Dispose() => _json.Dispose();

    private static JsonFeedItem ToItem(ExportItem item)
    {
        var paper = item.Paper;
        return new JsonFeedItem
        {
            Id = item.Id,
            Url = item.Link,
            ExternalUrl = item.ArxivLink,
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
[JsonSerializable(typeof(JsonFeedItem))]
internal sealed partial class JsonFeedContext : JsonSerializerContext;
