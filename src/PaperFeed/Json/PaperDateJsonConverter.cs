using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperFeed.Json;

/// <summary>Writes a <see cref="PaperDate"/> as <c>"2023-02-13"</c> or <c>"--08-25"</c>, and reads either form back.</summary>
internal sealed class PaperDateJsonConverter : JsonConverter<PaperDate>
{
    public override PaperDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("A date must be a JSON string such as \"2023-02-13\" or \"--08-25\".");
        Span<char> buffer = stackalloc char[16];
        int length = reader.HasValueSequence || reader.ValueSpan.Length > 16 ? -1 : reader.CopyString(buffer);
        if (length < 0 || !PaperDate.TryParseIso(buffer[..length], out var date))
        {
            throw new JsonException($"'{reader.GetString()}' is not a date such as \"2023-02-13\" or \"--08-25\".");
        }
        return date;
    }

    public override void Write(Utf8JsonWriter writer, PaperDate value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[10];
        if (!value.TryFormat(buffer, out int written)) throw new JsonException("The default PaperDate is not a date and cannot be written.");
        writer.WriteStringValue(buffer[..written]);
    }
}
