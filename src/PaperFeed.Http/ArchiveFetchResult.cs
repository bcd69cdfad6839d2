namespace PaperFeed.Http;

/// <summary>What a fetch into an archive did.</summary>
public sealed record ArchiveFetchResult
{
    /// <summary>Days in range.</summary>
    public required int DaysInRange { get; init; }

    /// <summary>Days fetched and committed (empty days included).</summary>
    public required int DaysStored { get; init; }

    /// <summary>Days committed with no paper.</summary>
    public required int EmptyDays { get; init; }

    /// <summary>Days not asked for: settled, with a complete observation.</summary>
    public required int DaysSkipped { get; init; }

    /// <summary>Days that failed after their retries, each with why (the archive records them; a rerun asks again).</summary>
    public required IReadOnlyList<ArchiveDayFailure> Failures { get; init; }

    /// <summary>Requests sent.</summary>
    public required long Requests { get; init; }

    /// <summary>Retries.</summary>
    public required long Retries { get; init; }

    /// <summary>Time spent waiting on backoff and rate-limit resets.</summary>
    public required TimeSpan Waited { get; init; }
}

/// <summary>A day that could not be fetched.</summary>
/// <param name="Day">The listing day.</param>
/// <param name="Error">Why, in one line.</param>
public sealed record ArchiveDayFailure(DateOnly Day, string Error);
