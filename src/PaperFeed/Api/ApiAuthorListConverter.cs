using System.Text.Json;

namespace PaperFeed.Api;

/// <summary>
/// Reads <c>paper.authors</c> by hand: only <c>name</c> and <c>hidden</c> matter, and an element of an
/// unexpected shape (a bare string is taken as a name; anything else is skipped) must not fail the item.
/// </summary>
internal sealed class ApiAuthorListConverter : ReadOnlyJsonConverter<List<ApiAuthor>?>
{
    public override List<ApiAuthor>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (!Lenient.Is(ref reader, JsonTokenType.StartArray)) return null;
        var authors = new List<ApiAuthor>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    authors.Add(new ApiAuthor(reader.GetString(), Hidden: false));
                    break;
                case JsonTokenType.StartObject:
                    authors.Add(ReadAuthor(ref reader));
                    break;
                default:
                    Lenient.Skip(ref reader);
                    break;
            }
        }
        return authors;
    }

    private static ApiAuthor ReadAuthor(ref Utf8JsonReader reader)
    {
        string? name = null;
        bool hidden = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                name = Lenient.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("hidden"u8))
            {
                reader.Read();
                hidden = reader.TokenType == JsonTokenType.True;
                Lenient.Skip(ref reader);
            }
            else
            {
                reader.Read();
                Lenient.Skip(ref reader);
            }
        }
        return new ApiAuthor(name, hidden);
    }
}
