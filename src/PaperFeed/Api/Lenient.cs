using System.Buffers;
using System.Text.Json;

namespace PaperFeed.Api;

/// <summary>What every lenient converter shares: what counts as a string value, and how to pass over a value.</summary>
internal static class Lenient
{
    /// <summary>
    /// Passes over the value the reader is on. A converter called while streaming gets a reader over a partial
    /// buffer, where <see cref="Utf8JsonReader.Skip"/> throws; the serializer has read the whole value ahead, so
    /// <see cref="Utf8JsonReader.TrySkip"/> succeeds.
    /// </summary>
    public static void Skip(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip()) throw new JsonException("A value ends before the input does.");
    }

    /// <summary>True when the reader is on a <paramref name="type"/> token; otherwise passes over the value and gives false.</summary>
    public static bool Is(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType == type) return true;
        Skip(ref reader);
        return false;
    }

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
                Skip(ref reader);
                return null;
        }
    }
}
