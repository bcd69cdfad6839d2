namespace PaperFeed.Http;

/// <summary>Where a fetch into an archive stands.</summary>
/// <param name="DaysDone">Days finished (stored, failed or skipped).</param>
/// <param name="DaysTotal">Days in range.</param>
/// <param name="Requests">Requests sent.</param>
/// <param name="Retries">Retries.</param>
/// <param name="Waited">Time spent waiting on backoff and rate-limit resets.</param>
/// <param name="Day">The day being fetched, or null between days.</param>
public sealed record ArchiveFetchProgress(int DaysDone, int DaysTotal, long Requests, long Retries, TimeSpan Waited, DateOnly? Day);
