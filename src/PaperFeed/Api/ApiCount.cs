namespace PaperFeed.Api;

/// <summary>
/// A count the API gives (<c>upvotes</c>, <c>numComments</c>, <c>githubStars</c>): a non-negative 32-bit integer,
/// or the JSON text of a value that is not one (<c>2147483648</c>, <c>1.5</c>, <c>"abc"</c>, <c>-5</c>), kept so
/// that the mapper can warn where it is instead of dropping it silently. Missing and null are both <c>default</c>.
/// </summary>
internal readonly record struct ApiCount(int? Value, string? Invalid)
{
    public static ApiCount Of(int value) => new(value, null);

    public static ApiCount Rejected(string text) => new(null, text);
}
