using System.Text.Json;

namespace PaperFeed.Api;

/// <summary>
/// Reads an array of API items (<c>dailyPapers</c>, a wrapper's <c>data</c>, or a JSON Lines line that is a whole
/// response). Objects are items; a string is kept as a <see cref="ApiEntry.StringItem"/> so that the reader can
/// say what went wrong (archivers that saved Python reprs); nulls and other values carry nothing.
/// A value that is not an array is no list.
/// </summary>
internal sealed class ApiItemListConverter : ReadOnlyJsonConverter<List<ApiEntry>?>
{
    public override List<ApiEntry>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadList(ref reader);

    public static List<ApiEntry>? ReadList(ref Utf8JsonReader reader)
    {
        if (!Lenient.Is(ref reader, JsonTokenType.StartArray)) return null;
        var items = new List<ApiEntry>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    if (JsonSerializer.Deserialize(ref reader, ApiJsonContext.Default.ApiEntry) is { } item) items.Add(item);
                    break;
                case JsonTokenType.String:
                    items.Add(new ApiEntry { StringItem = reader.GetString() });
                    break;
                default:
                    Lenient.Skip(ref reader);
                    break;
            }
        }
        return items;
    }
}
