using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PaperFeed.Json;

/// <summary>The rules of the JSON contract that attributes cannot express, applied to the generated metadata.</summary>
internal static class JsonContract
{
    public static void Apply(JsonTypeInfo info)
    {
        if (info.Type == typeof(Paper))
        {
            // An empty authors list says nothing (the text listing never names authors): omit it.
            OmitWhenEmpty<Author>(info, nameof(Paper.Authors));
        }
        else if (info.Type == typeof(PaperDetails))
        {
            OmitWhenEmpty<string>(info, nameof(PaperDetails.AiKeywords));
            // IsEmpty is derived from the other properties: not data.
            Remove(info, nameof(PaperDetails.IsEmpty));
        }
    }

    private static void OmitWhenEmpty<T>(JsonTypeInfo info, string propertyName)
    {
        var property = Find(info, propertyName);
        property.ShouldSerialize = static (_, value) => value is IReadOnlyList<T> { Count: > 0 };
    }

    private static void Remove(JsonTypeInfo info, string propertyName) => info.Properties.Remove(Find(info, propertyName));

    private static JsonPropertyInfo Find(JsonTypeInfo info, string propertyName)
    {
        // Matched by JSON name: the generated metadata carries no reflection member to match on.
        string jsonName = JsonNamingPolicy.CamelCase.ConvertName(propertyName);
        foreach (var property in info.Properties)
        {
            if (property.Name == jsonName) return property;
        }
        throw new InvalidOperationException($"The JSON metadata of {info.Type.Name} has no property {propertyName}.");
    }
}
