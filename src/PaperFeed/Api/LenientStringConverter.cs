using System.Text.Json;

namespace PaperFeed.Api;

/// <summary>
/// Reads a string, or a number as its text; any other value (object, array, boolean) is skipped and read as
/// null. The site's JSON changes over time: an optional field of an unexpected type must not fail an archive.
/// </summary>
internal class LenientStringConverter : ReadOnlyJsonConverter<string?>
{
    /// <summary>The field's name, for fields whose wrong type is worth a warning (<see cref="MistypedFields"/>); null for none.</summary>
    protected virtual string? Field => null;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (Field is string field && reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
        {
            MistypedFields.Note(field, reader.TokenType, kept: reader.TokenType == JsonTokenType.Number);
        }
        return Lenient.ReadString(ref reader);
    }
}

/// <summary>A paper's <c>title</c>: a value of another type is read leniently, with a warning.</summary>
internal sealed class TitleConverter : LenientStringConverter
{
    protected override string Field => "title";
}

/// <summary>A paper's <c>summary</c>: a value of another type is read leniently, with a warning.</summary>
internal sealed class SummaryConverter : LenientStringConverter
{
    protected override string Field => "summary";
}
