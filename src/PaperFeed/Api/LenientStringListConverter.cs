using System.Text.Json;

namespace PaperFeed.Api;

/// <summary>Reads an array of strings (<c>ai_keywords</c>, <c>mediaUrls</c>), dropping elements that are not strings; a non-array is null.</summary>
internal sealed class LenientStringListConverter : ReadOnlyJsonConverter<List<string>?>
{
    public override List<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (!Lenient.Is(ref reader, JsonTokenType.StartArray)) return null;
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (Lenient.ReadString(ref reader) is { } value) list.Add(value);
        }
        return list;
    }
}
