using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;

namespace PaperFeed.Html;

/// <summary>
/// Repairs a <c>data-props</c> attribute cut off by the end of the page (a download or a copy that stopped inside
/// it): what survives becomes a listing page of its own, with the page's date fields and every <c>dailyPapers</c>
/// item that is complete before the cut, each item's JSON copied as it is. <see cref="EmbeddedListing"/> reads it
/// like any embedded page, so the items give exactly the records they give when the page is whole.
/// </summary>
internal static class CutOffProps
{
    /// <summary>The page as far as it goes, as UTF-8 JSON; null when the cut comes before its <c>dailyPapers</c> array.</summary>
    /// <param name="attributeText">The attribute's raw text from its opening quote on (entities not decoded).</param>
    public static byte[]? Read(ReadOnlySpan<char> attributeText)
    {
        int quote = attributeText.IndexOf('"');
        if (quote >= 0) attributeText = attributeText[..quote];
        byte[] json = Encoding.UTF8.GetBytes(WebUtility.HtmlDecode(attributeText.ToString()));
        // Not the final block: a value the cut runs through reads as "more data needed", not as an error.
        var reader = new Utf8JsonReader(json, isFinalBlock: false, state: default);
        var page = new Page();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string? name = reader.GetString();
                if (!reader.Read()) break;
                switch (name)
                {
                    case "dailyPapers" when reader.TokenType == JsonTokenType.StartArray:
                        page.Items = [];
                        if (!ReadItems(ref reader, page.Items)) return page.ToJson(json);
                        break;
                    case "date" or "dateString" or "periodType" when reader.TokenType == JsonTokenType.String:
                        page.Dates[name] = reader.GetString()!;
                        break;
                    default:
                        if (!reader.TrySkip()) return page.ToJson(json);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Broken before the cut, not only cut: what was read stands.
        }
        return page.ToJson(json);
    }

    /// <summary>Adds where each item complete before the cut is; a null item carries nothing, and any other value that is not an object ends the items.</summary>
    /// <returns>False when the cut (or a value that is no item) comes inside the array.</returns>
    private static bool ReadItems(ref Utf8JsonReader reader, List<Range> items)
    {
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.EndArray:
                    return true;
                case JsonTokenType.Null:
                    continue;
                case JsonTokenType.StartObject:
                    int start = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip()) return false; // the item the cut runs through
                    items.Add(start..(int)reader.BytesConsumed);
                    continue;
                default:
                    return false;
            }
        }
        return false;
    }

    /// <summary>What was read of the page: its date fields (as strings) and where its complete items are.</summary>
    private sealed class Page
    {
        public Dictionary<string, string> Dates { get; } = new(StringComparer.Ordinal);

        public List<Range>? Items { get; set; }

        /// <summary>The page as a JSON object of its own; null when it has no <c>dailyPapers</c> array.</summary>
        public byte[]? ToJson(byte[] json)
        {
            if (Items is null) return null;
            var buffer = new ArrayBufferWriter<byte>(json.Length + 64);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var (name, value) in Dates) writer.WriteString(name, value);
                writer.WriteStartArray("dailyPapers");
                foreach (var item in Items) writer.WriteRawValue(json.AsSpan(item), skipInputValidation: true);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            return buffer.WrittenSpan.ToArray();
        }
    }
}
