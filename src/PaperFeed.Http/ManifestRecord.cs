using System.Text.Json.Serialization;

namespace PaperFeed.Http;

/// <summary>
/// One line of an archive's <c>manifest.jsonl</c> (docs/fetch.md, "The manifest"). <see cref="Kind"/> says which
/// fields apply: <c>archive</c> (the first line), <c>page</c> (a page stored), <c>attempt</c> (a failed attempt),
/// <c>complete</c> (an observation of a day is whole: the commit point), <c>failed</c> (a day given up).
/// </summary>
internal sealed record ManifestRecord
{
    public const string ArchiveKind = "archive", PageKind = "page", AttemptKind = "attempt", CompleteKind = "complete", FailedKind = "failed";

    /// <summary>The format's name, on the <c>archive</c> line.</summary>
    public const string FormatName = "paperfeed-archive/1";

    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("format")] public string? Format { get; init; }
    [JsonPropertyName("day")] public string? Day { get; init; }
    [JsonPropertyName("observation")] public string? Observation { get; init; }
    [JsonPropertyName("page")] public int? Page { get; init; }
    [JsonPropertyName("attempt")] public int? Attempt { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("status")] public int? Status { get; init; }
    [JsonPropertyName("time")] public DateTimeOffset Time { get; init; }
    [JsonPropertyName("sha256")] public string? Sha256 { get; init; }
    [JsonPropertyName("bytes")] public long? Bytes { get; init; }
    [JsonPropertyName("items")] public int? Items { get; init; }
    [JsonPropertyName("newPapers")] public int? NewPapers { get; init; }
    [JsonPropertyName("pages")] public int? Pages { get; init; }
    [JsonPropertyName("papers")] public int? Papers { get; init; }
    [JsonPropertyName("file")] public string? File { get; init; }
    [JsonPropertyName("contentType")] public string? ContentType { get; init; }
    [JsonPropertyName("rateLimit")] public string? RateLimit { get; init; }
    [JsonPropertyName("rateLimitPolicy")] public string? RateLimitPolicy { get; init; }
    [JsonPropertyName("retryAfter")] public string? RetryAfter { get; init; }
    [JsonPropertyName("retryDelaySeconds")] public double? RetryDelaySeconds { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
}

/// <summary>Source-generated (reflection-free, trim- and AOT-safe) JSON for the manifest.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ManifestRecord))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
