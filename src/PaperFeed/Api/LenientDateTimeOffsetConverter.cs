using System.Globalization;
using System.Text.Json;

namespace PaperFeed.Api;

/// <summary>Reads an ISO 8601 timestamp (<c>2025-08-27T13:01:32.000Z</c>); a string that is not one, or another type, is null.</summary>
internal sealed class LenientDateTimeOffsetConverter : ReadOnlyJsonConverter<DateTimeOffset?>
{
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (!Lenient.Is(ref reader, JsonTokenType.String)) return null;
        if (reader.TryGetDateTimeOffset(out var value)) return value;
        // Accept what the strict ISO reader refuses but is unambiguous (a date alone, a space for the 'T').
        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value) ? value : null;
    }
}
