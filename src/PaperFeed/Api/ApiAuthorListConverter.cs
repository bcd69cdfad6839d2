using System.Text.Json;

namespace PaperFeed.Api;

/// <summary>
/// Reads the names of <c>paper.authors</c> (<c>[{_id, name, hidden, status, user}]</c>) by hand: only <c>name</c>
/// matters (<c>hidden</c> is about the author's profile, not the paper: docs/inputs.md), and an element of an
/// unexpected shape (a bare string is taken as a name; anything else is skipped) must not fail the item.
/// </summary>
internal sealed class ApiAuthorListConverter : ReadOnlyJsonConverter<List<string?>?>
{
    public override List<string?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.Null)) MistypedFields.Note("authors", reader.TokenType, kept: false);
        if (!Lenient.Is(ref reader, JsonTokenType.StartArray)) return null;
        var authors = new List<string?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    authors.Add(reader.GetString());
                    break;
                case JsonTokenType.StartObject:
                    authors.Add(ReadName(ref reader));
                    break;
                default:
                    Lenient.Skip(ref reader);
                    break;
            }
        }
        return authors;
    }

    /// <summary>An author object's <c>name</c>; null when absent or not a string.</summary>
    private static string? ReadName(ref Utf8JsonReader reader)
    {
        string? name = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                name = Lenient.ReadString(ref reader);
            }
            else
            {
                reader.Read();
                Lenient.Skip(ref reader);
            }
        }
        return name;
    }
}
