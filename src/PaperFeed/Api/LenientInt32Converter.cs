using System.Buffers.Text;
using System.Text.Json;

namespace PaperFeed.Api;

/// <summary>Reads an integer count: a JSON number or a numeric string; anything else (a fraction, out of range, another type) is null.</summary>
internal sealed class LenientInt32Converter : ReadOnlyJsonConverter<int?>
{
    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt32(out int number) ? number : null;
            case JsonTokenType.String when !reader.HasValueSequence && !reader.ValueIsEscaped:
                return Utf8Parser.TryParse(reader.ValueSpan, out int parsed, out int consumed) && consumed == reader.ValueSpan.Length ? parsed : null;
            default:
                Lenient.Skip(ref reader);
                return null;
        }
    }
}
