using System.Globalization;

namespace PaperFeed.Http;

/// <summary>One run of <see cref="DailyPapersArchive.FetchAsync"/>: plans the days, fetches them one at a time, commits each.</summary>
internal sealed class ArchiveFetch(string directory, DailyPapersClient client, ArchiveFetchOptions options, IProgress<ArchiveFetchProgress>? progress)
{
    private readonly TimeProvider _time = client.Options.TimeProvider;

    public async Task<ArchiveFetchResult> RunAsync(IReadOnlyList<DateOnly> days, CancellationToken cancellationToken)
    {
        using var writer = ArchiveWriter.Open(directory, _time.GetUtcNow());
        var latest = new Dictionary<DateOnly, ArchiveObservation>();
        foreach (var observation in ArchiveManifest.Read(directory)) latest[observation.Day] = observation;

        int done = 0, stored = 0, empty = 0, skipped = 0;
        var failures = new List<ArchiveDayFailure>();
        string? observationId = null;
        void OnAttempt(DailyPapersAttempt attempt)
        {
            writer.Append(new ManifestRecord
            {
                Kind = ManifestRecord.AttemptKind, Day = Day(attempt.Day), Observation = observationId, Page = attempt.Page, Attempt = attempt.Attempt,
                Url = attempt.RequestUri.AbsoluteUri, Status = attempt.StatusCode, Time = attempt.ObservedAt, Error = attempt.Error,
                RateLimit = attempt.RateLimit, RetryAfter = attempt.RetryAfter, RetryDelaySeconds = attempt.RetryDelay?.TotalSeconds,
            });
            progress?.Report(Progress(done, days.Count, attempt.Day));
        }

        client.AttemptFailed += OnAttempt;
        try
        {
            foreach (var day in days)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!options.Refresh && latest.TryGetValue(day, out var last) && IsSettled(last, options.SettleDays))
                {
                    skipped++;
                    done++;
                    progress?.Report(Progress(done, days.Count, null));
                    continue;
                }
                progress?.Report(Progress(done, days.Count, day));
                observationId = NewObservationId();
                try
                {
                    int pages = 0, papers = 0;
                    await foreach (var page in client.GetDayAsync(day, cancellationToken).ConfigureAwait(false))
                    {
                        string file = writer.StoreBody(day, page.Body.Span, out string sha256);
                        writer.Append(new ManifestRecord
                        {
                            Kind = ManifestRecord.PageKind, Day = Day(day), Observation = observationId, Page = page.Page, Attempt = page.Attempts,
                            Url = page.RequestUri.AbsoluteUri, Status = page.StatusCode, Time = page.ObservedAt, Sha256 = sha256, Bytes = page.Body.Length,
                            Items = page.ItemCount, NewPapers = page.NewPaperCount, File = file, ContentType = Header(page, "content-type"),
                            RateLimit = Header(page, "ratelimit"), RateLimitPolicy = Header(page, "ratelimit-policy"), RetryAfter = Header(page, "retry-after"),
                        });
                        pages++;
                        papers += page.NewPaperCount;
                    }
                    // The commit point: the observation is visible from here on, never before.
                    writer.Append(new ManifestRecord
                    {
                        Kind = ManifestRecord.CompleteKind, Day = Day(day), Observation = observationId, Time = _time.GetUtcNow(), Pages = pages, Papers = papers,
                    });
                    stored++;
                    if (papers == 0) empty++;
                }
                catch (DailyPapersException e)
                {
                    writer.Append(new ManifestRecord
                    {
                        Kind = ManifestRecord.FailedKind, Day = Day(day), Observation = observationId, Page = e.Page, Status = e.StatusCode, Time = _time.GetUtcNow(), Error = e.Message,
                    });
                    // Nothing ever answered: the server is unreachable, and every other day would wait out its retries too.
                    if (e.StatusCode is null && client.ResponseCount == 0) throw;
                    failures.Add(new ArchiveDayFailure(day, e.Message));
                }
                done++;
                progress?.Report(Progress(done, days.Count, null));
            }
        }
        finally
        {
            client.AttemptFailed -= OnAttempt;
        }
        return new ArchiveFetchResult
        {
            DaysInRange = days.Count, DaysStored = stored, EmptyDays = empty, DaysSkipped = skipped, Failures = failures,
            Requests = client.RequestCount, Retries = client.RetryCount, Waited = client.Waited,
        };
    }

    /// <summary>Made at least <paramref name="settleDays"/> days after its listing day: its counts no longer move.</summary>
    private static bool IsSettled(ArchiveObservation observation, int settleDays) =>
        DateOnly.FromDateTime(observation.ObservedAt.UtcDateTime).DayNumber - observation.Day.DayNumber >= settleDays;

    private ArchiveFetchProgress Progress(int done, int total, DateOnly? day) =>
        new(done, total, client.RequestCount, client.RetryCount, client.Waited, day);

    private string NewObservationId() =>
        _time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Header(DailyPapersPage page, string name) => page.Headers.TryGetValue(name, out var value) ? value : null;
}
