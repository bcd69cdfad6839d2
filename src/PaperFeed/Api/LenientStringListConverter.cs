using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperFeed.Api;

/// <summary>Reads an array of strings (<c>ai_keywords</c>, <c>mediaUrls</c>), dropping elements that are not strings; a non-array is null.</summary>
internal sealed class LenientStringListConverter : JsonConverter<List<string>?>
{
    public override List<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Lenient.Skip(ref reader);
            return null;
        }
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (Lenient.ReadString(ref reader) is { } value) list.Add(value);
        }
        return list;
    }

    public override void Write(Utf8JsonWriter writer, List<string>? value, JsonSerializerOptions options) =>
        throw new NotSupportedException("API DTOs are read-only.");
}
