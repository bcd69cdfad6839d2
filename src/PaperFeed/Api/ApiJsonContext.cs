using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperFeed.Api;

/// <summary>
/// Source-generated metadata for the API's JSON (kept apart from PaperFeed's own output context: these types are
/// read-only DTOs of someone else's schema). Comments and trailing commas are tolerated; property names match exactly,
/// as the API spells them.
/// </summary>
[JsonSourceGenerationOptions(
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    MaxDepth = 64)]
[JsonSerializable(typeof(ApiEntry))]
[JsonSerializable(typeof(ApiPaper))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(List<ApiEntry>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
