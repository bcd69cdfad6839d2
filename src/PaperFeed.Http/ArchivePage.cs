namespace PaperFeed.Http;

/// <summary>One stored page of an observation, as its manifest line records it.</summary>
public sealed record ArchivePage
{
    /// <summary>The page (<c>p</c>, from 0).</summary>
    public required int Page { get; init; }

    /// <summary>The URL asked for.</summary>
    public required string Url { get; init; }

    /// <summary>The HTTP status.</summary>
    public required int StatusCode { get; init; }

    /// <summary>When the response arrived.</summary>
    public required DateTimeOffset ObservedAt { get; init; }

    /// <summary>The SHA-256 of the body as it came (lower-case hex).</summary>
    public required string Sha256 { get; init; }

    /// <summary>Items in the body.</summary>
    public required int ItemCount { get; init; }

    /// <summary>The body's file, relative to the archive directory (gzip-compressed).</summary>
    public required string File { get; init; }

    /// <summary>The response's <c>RateLimit</c> header, if any.</summary>
    public string? RateLimit { get; init; }

    /// <summary>The response's <c>RateLimit-Policy</c> header, if any.</summary>
    public string? RateLimitPolicy { get; init; }
}
