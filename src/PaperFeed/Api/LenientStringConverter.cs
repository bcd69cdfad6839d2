using System.Text.Json;

namespace PaperFeed.Api;

/// <summary>
/// Reads a string, or a number as its text; any other value (object, array, boolean) is skipped and read as
/// null. The site's JSON changes over time: an optional field of an unexpected type must not fail an archive.
/// </summary>
internal sealed class LenientStringConverter : ReadOnlyJsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Lenient.ReadString(ref reader);
}
