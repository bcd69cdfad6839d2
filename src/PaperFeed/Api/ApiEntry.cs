using System.Text.Json.Serialization;

namespace PaperFeed.Api;

/// <summary>
/// One JSON object of API input, whichever shape it has: a <c>/api/daily_papers</c> item (it has <c>paper</c>; its
/// own <c>title</c>, <c>summary</c> and <c>publishedAt</c> are the item's), a bare paper object (no <c>paper</c>:
/// the value itself is the paper), a listing page (<c>dailyPapers</c>: the HTML page's <c>data-props</c>, saved
/// alone or not), or an archiver's wrapper (<c>{status, date, count, data}</c>). One type for all lets a stream mix
/// them and be read with one deserializer.
/// </summary>
internal sealed class ApiEntry : ApiPaper
{
    [JsonPropertyName("paper"), JsonConverter(typeof(ApiPaperConverter))]
    public ApiPaper? Paper { get; set; }

    [JsonPropertyName("numComments"), JsonConverter(typeof(ApiCountConverter))]
    public ApiCount NumComments { get; set; }

    /// <summary>Items of 2025-09/10 name the submitter's organization here (later items use <c>organization</c>).</summary>
    [JsonPropertyName("submitterOrganization"), JsonConverter(typeof(ApiOrganizationConverter))]
    public ApiOrganization? SubmitterOrganization { get; set; }

    [JsonPropertyName("dateString"), JsonConverter(typeof(LenientStringConverter))]
    public string? DateString { get; set; }

    /// <summary>A listing page's date (a 2024 page's ISO timestamp, with no <c>dateString</c>), or a wrapper's day.</summary>
    [JsonPropertyName("date"), JsonConverter(typeof(LenientStringConverter))]
    public string? Date { get; set; }

    [JsonPropertyName("periodType"), JsonConverter(typeof(LenientStringConverter))]
    public string? PeriodType { get; set; }

    [JsonPropertyName("dailyPapers"), JsonConverter(typeof(ApiItemListConverter))]
    public List<ApiEntry>? DailyPapers { get; set; }

    /// <summary>An archiver's wrapper <c>{status, date, count, data}</c> holds the response in <c>data</c>.</summary>
    [JsonPropertyName("data"), JsonConverter(typeof(ApiItemListConverter))]
    public List<ApiEntry>? Data { get; set; }

    /// <summary>Set when the item was a JSON string, not an object (archivers that saved Python reprs): its text.</summary>
    [JsonIgnore]
    public string? StringItem { get; init; }

    /// <summary>The items of a listing page or a wrapper; null for an item or a bare paper.</summary>
    [JsonIgnore]
    public List<ApiEntry>? Items => DailyPapers ?? Data;

    /// <summary>True for a listing page or a wrapper, whose papers are its items.</summary>
    [JsonIgnore]
    public bool IsPage => Items is not null;
}
