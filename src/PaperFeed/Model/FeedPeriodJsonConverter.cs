using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperFeed;

/// <summary>Writes a <see cref="FeedPeriod"/> as its string form (<c>"2025-W38"</c>) and reads it back.</summary>
internal sealed class FeedPeriodJsonConverter : JsonConverter<FeedPeriod>
{
    public override FeedPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("A period must be a JSON string such as \"2025-09-14\", \"2025-W38\" or \"2025-09\".");
        string text = reader.GetString()!;
        return FeedPeriod.TryParse(text, out var period)
            ? period
            : throw new JsonException($"'{text}' is not a period such as \"2025-09-14\", \"2025-W38\" or \"2025-09\".");
    }

    public override void Write(Utf8JsonWriter writer, FeedPeriod value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[10];
        if (!value.TryFormat(buffer, out int written)) throw new JsonException("The default FeedPeriod is not a period and cannot be written.");
        writer.WriteStringValue(buffer[..written]);
    }
}
