namespace PaperFeed.Http;

/// <summary>One attempt that got a response: its status, headers and whole body, and for a 200 whether it is a page.</summary>
internal sealed record Exchange(
    int StatusCode,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    DateTimeOffset ObservedAt,
    IReadOnlyList<string>? PaperIds,
    string? Rejection)
{
    public bool IsPage => StatusCode == 200 && PaperIds is not null;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Worth another attempt: a timeout, rate limit or server error status, or a 200 that is not a page.</summary>
    public bool IsTransient => StatusCode is 408 or 429 or >= 500 || (StatusCode == 200 && PaperIds is null);

    /// <summary>Why the attempt failed, in one line.</summary>
    public string Describe() => Rejection is not null ? $"HTTP {StatusCode} with {Rejection}" : $"HTTP {StatusCode}";
}
