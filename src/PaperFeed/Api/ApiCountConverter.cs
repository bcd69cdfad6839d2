using System.Buffers.Text;
using System.Text.Json;

namespace PaperFeed.Api;

/// <summary>
/// Reads a count: a JSON number or a numeric string that is a non-negative 32-bit integer. Any other value is kept
/// as its text (see <see cref="ApiCount"/>) for a warning; null is no count.
/// </summary>
internal sealed class ApiCountConverter : ReadOnlyJsonConverter<ApiCount>
{
    /// <summary>Long values are cut in the warning: a count is a few digits, a megabyte of junk is not worth quoting.</summary>
    private const int MaxQuotedLength = 40;

    public override bool HandleNull => true;

    public override ApiCount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return default;
            case JsonTokenType.Number:
                return reader.TryGetInt32(out int number) && number >= 0 ? ApiCount.Of(number) : ApiCount.Rejected(Quote(Lenient.ReadString(ref reader)!));
            case JsonTokenType.String:
                if (!reader.HasValueSequence && !reader.ValueIsEscaped
                    && Utf8Parser.TryParse(reader.ValueSpan, out int parsed, out int consumed) && consumed == reader.ValueSpan.Length && parsed >= 0)
                {
                    return ApiCount.Of(parsed);
                }
                return ApiCount.Rejected(Quote("\"" + reader.GetString() + "\""));
            case JsonTokenType.True or JsonTokenType.False:
                return ApiCount.Rejected(reader.TokenType == JsonTokenType.True ? "true" : "false");
            default:
                string kind = reader.TokenType == JsonTokenType.StartArray ? "an array" : "an object";
                Lenient.Skip(ref reader);
                return ApiCount.Rejected(kind);
        }
    }

    private static string Quote(string text) => text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), "…");
}
