using System.Buffers;
using System.Text.Json;

namespace PaperFeed.Api;

/// <summary>The one rule every lenient converter shares: what counts as a string value.</summary>
internal static class Lenient
{
    /// <summary>A string, or a number's text; any other value is skipped (the reader ends on its last token) and gives null.</summary>
    public static string? ReadString(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            default:
                reader.Skip();
                return null;
        }
    }
}
