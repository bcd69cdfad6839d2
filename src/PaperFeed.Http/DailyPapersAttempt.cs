namespace PaperFeed.Http;

/// <summary>
/// One failed attempt at a page: what came back (a status, or none when the connection failed or timed out), why it
/// counts as failed, and how long the client waits before the next attempt (null when the page gives up).
/// </summary>
/// <param name="Day">The listing day asked for.</param>
/// <param name="Page">The page asked for (<c>p</c>, from 0).</param>
/// <param name="RequestUri">The URL asked for (it never holds the token).</param>
/// <param name="Attempt">The attempt's number, from 1.</param>
/// <param name="StatusCode">The HTTP status, or null when no response came.</param>
/// <param name="Error">Why the attempt failed, in one line.</param>
/// <param name="ObservedAt">When the attempt ended.</param>
/// <param name="RetryDelay">The wait before the next attempt, or null when there is none.</param>
/// <param name="RateLimit">The response's <c>RateLimit</c> header, if any.</param>
/// <param name="RetryAfter">The response's <c>Retry-After</c> header, if any.</param>
public sealed record DailyPapersAttempt(
    DateOnly Day,
    int Page,
    Uri RequestUri,
    int Attempt,
    int? StatusCode,
    string Error,
    DateTimeOffset ObservedAt,
    TimeSpan? RetryDelay,
    string? RateLimit,
    string? RetryAfter);
