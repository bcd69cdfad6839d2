using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperFeed;

/// <summary>The JSON shape of one <see cref="PaperChange"/> (see <see cref="PaperDiff.WriteJsonLines"/>).</summary>
internal sealed class DiffLine
{
    [JsonPropertyName("change")]
    public required string Change { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("arxivId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ArxivId { get; init; }

    /// <summary>Field name to old and new value; a dictionary filled once keeps insertion (property) order.</summary>
    [JsonPropertyName("changes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, DiffValues>? Changes { get; init; }

    public static DiffLine From(PaperChange change) => new()
    {
        Change = change.Kind switch
        {
            PaperChangeKind.Added => "added",
            PaperChangeKind.Removed => "removed",
            _ => "changed",
        },
        Title = change.Title,
        ArxivId = change.ArxivId,
        Changes = change.Kind == PaperChangeKind.Changed ? change.Changes.ToDictionary(c => c.Field, c => new DiffValues(c.Old, c.New)) : null,
    };
}

/// <summary>A field's <c>{"old": …, "new": …}</c>; nulls are written, since "was absent" is the information.</summary>
internal sealed record DiffValues(
    [property: JsonPropertyName("old")] JsonElement? Old,
    [property: JsonPropertyName("new")] JsonElement? New);

/// <summary>Source-generated metadata for diff lines: no reflection, Native AOT safe.</summary>
[JsonSerializable(typeof(DiffLine))]
internal sealed partial class PaperDiffJsonContext : JsonSerializerContext;
