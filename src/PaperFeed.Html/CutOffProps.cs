using System.Net;
using System.Text;
using System.Text.Json;
using PaperFeed.Api;

namespace PaperFeed.Html;

/// <summary>
/// Reads what survives of a <c>data-props</c> attribute cut off by the end of the page (a download or a copy that
/// stopped inside it): the page's date fields and every <c>dailyPapers</c> item that is complete before the cut.
/// </summary>
internal static class CutOffProps
{
    /// <summary>The page as far as it goes; null when the cut comes before its <c>dailyPapers</c> array.</summary>
    /// <param name="attributeText">The attribute's raw text from its opening quote on (entities not decoded).</param>
    public static ApiEntry? Read(ReadOnlySpan<char> attributeText)
    {
        int quote = attributeText.IndexOf('"');
        if (quote >= 0) attributeText = attributeText[..quote];
        byte[] json = Encoding.UTF8.GetBytes(WebUtility.HtmlDecode(attributeText.ToString()));
        // Not the final block: a value the cut runs through reads as "more data needed", not as an error.
        var reader = new Utf8JsonReader(json, isFinalBlock: false, state: default);
        var page = new ApiEntry();
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
                        page.DailyPapers = [];
                        if (!ReadItems(ref reader, page.DailyPapers)) return page;
                        break;
                    case "date" when reader.TokenType == JsonTokenType.String:
                        page.Date = reader.GetString();
                        break;
                    case "dateString" when reader.TokenType == JsonTokenType.String:
                        page.DateString = reader.GetString();
                        break;
                    case "periodType" when reader.TokenType == JsonTokenType.String:
                        page.PeriodType = reader.GetString();
                        break;
                    default:
                        if (!reader.TrySkip()) return page.IsPage ? page : null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Broken before the cut, not only cut: what was read stands.
        }
        return page.IsPage ? page : null;
    }

    /// <returns>False when the cut comes inside the array.</returns>
    private static bool ReadItems(ref Utf8JsonReader reader, List<ApiEntry> items)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray) return true;
            var item = reader;
            if (!reader.TrySkip()) return false; // the item the cut runs through
            if (JsonSerializer.Deserialize(ref item, ApiJsonContext.Default.ApiEntry) is { } entry) items.Add(entry);
        }
        return false;
    }
}
