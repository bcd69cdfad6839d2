using System.Text.Json.Serialization;

namespace PaperFeed.Api;

/// <summary>
/// The <c>paper</c> object of the Hugging Face API: nested in a <c>/api/daily_papers</c> item, or on its own
/// (<c>/api/papers/{id}</c>, some <c>/api/papers/search</c> results). Every property is optional; unknown ones are ignored.
/// </summary>
internal class ApiPaper
{
    [JsonPropertyName("id"), JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("title"), JsonConverter(typeof(TitleConverter))]
    public string? Title { get; set; }

    [JsonPropertyName("summary"), JsonConverter(typeof(SummaryConverter))]
    public string? Summary { get; set; }

    /// <summary>The authors' names in order (null for an author without one).</summary>
    [JsonPropertyName("authors"), JsonConverter(typeof(ApiAuthorListConverter))]
    public List<string?>? Authors { get; set; }

    /// <summary>
    /// On a paper: its arXiv time. On an item (see <see cref="ApiEntry"/>) it is the item's own time, read only because
    /// items and bare papers share this type, and not used: its meaning changed over the API's eras (docs/inputs.md).
    /// </summary>
    [JsonPropertyName("publishedAt"), JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? PublishedAt { get; set; }

    [JsonPropertyName("submittedOnDailyAt"), JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? SubmittedOnDailyAt { get; set; }

    [JsonPropertyName("upvotes"), JsonConverter(typeof(ApiCountConverter))]
    public ApiCount Upvotes { get; set; }

    [JsonPropertyName("ai_summary"), JsonConverter(typeof(LenientStringConverter))]
    public string? AiSummary { get; set; }

    [JsonPropertyName("ai_keywords"), JsonConverter(typeof(LenientStringListConverter))]
    public List<string>? AiKeywords { get; set; }

    [JsonPropertyName("githubRepo"), JsonConverter(typeof(LenientStringConverter))]
    public string? GithubRepo { get; set; }

    [JsonPropertyName("githubStars"), JsonConverter(typeof(ApiCountConverter))]
    public ApiCount GithubStars { get; set; }

    [JsonPropertyName("projectPage"), JsonConverter(typeof(LenientStringConverter))]
    public string? ProjectPage { get; set; }

    [JsonPropertyName("withdrawnAt"), JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>Newer paper objects carry the organization themselves; the item's wins when both are given.</summary>
    [JsonPropertyName("organization"), JsonConverter(typeof(ApiOrganizationConverter))]
    public ApiOrganization? Organization { get; set; }
}
