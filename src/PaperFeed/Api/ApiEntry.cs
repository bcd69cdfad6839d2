using System.Text.Json.Serialization;

namespace PaperFeed.Api;

/// <summary>
/// One top-level JSON value of API input, whichever of the three shapes it has: a <c>/api/daily_papers</c>
/// item (it has <c>paper</c>; its own <c>title</c>, <c>summary</c> and <c>publishedAt</c> are the item's, the
/// last being the featured time), a bare paper object (no <c>paper</c>: the value itself is the paper), or a
/// listing page (<c>{dateString, periodType, dailyPapers}</c>, or <c>{date, dailyPapers}</c> before 2025, the HTML page's <c>data-props</c>). One type for
/// all three lets a stream mix them and be read with one <c>DeserializeAsyncEnumerable</c>.
/// </summary>
internal sealed class ApiEntry : ApiPaper
{
    [JsonPropertyName("paper")]
    public ApiPaper? Paper { get; set; }

    [JsonPropertyName("numComments"), JsonConverter(typeof(LenientInt32Converter))]
    public int? NumComments { get; set; }

    [JsonPropertyName("thumbnail"), JsonConverter(typeof(LenientStringConverter))]
    public string? Thumbnail { get; set; }

    [JsonPropertyName("isAuthorParticipating")]
    public bool? IsAuthorParticipating { get; set; }

    [JsonPropertyName("dateString"), JsonConverter(typeof(LenientStringConverter))]
    public string? DateString { get; set; }

    [JsonPropertyName("periodType"), JsonConverter(typeof(LenientStringConverter))]
    public string? PeriodType { get; set; }

    /// <summary>A listing page's day as an instant (<c>2024-08-01T00:00:00.000Z</c>): pages before <c>dateString</c> existed carry only this.</summary>
    [JsonPropertyName("date"), JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? Date { get; set; }

    [JsonPropertyName("dailyPapers")]
    public List<ApiEntry?>? DailyPapers { get; set; }

    /// <summary>True for a listing page (<c>dailyPapers</c> present), whose papers are its items.</summary>
    public bool IsPage => DailyPapers is not null;
}
