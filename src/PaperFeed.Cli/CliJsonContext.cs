using System.Text.Json.Serialization;

namespace PaperFeed.Cli;

/// <summary>Source-generated JSON metadata of the CLI's own output (no reflection: the executable is Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StatsReport))]
[JsonSerializable(typeof(DiagnosticRecord))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
