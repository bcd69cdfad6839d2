using System.Threading.RateLimiting;

namespace PaperFeed.Http;

/// <summary>
/// Spaces requests out: a token bucket of one token replenished every 1/rate seconds on the options' clock (so fake
/// time drives it in tests), and a hold until a server's rate-limit window resets when it said none is left.
/// </summary>
internal sealed class Pacer : IDisposable
{
    private readonly TokenBucketRateLimiter _limiter;
    private readonly ITimer _replenish;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private DateTimeOffset _notBefore;
    private long _heldTicks;

    public Pacer(double requestsPerSecond, TimeProvider time)
    {
        _time = time;
        var period = TimeSpan.FromSeconds(Math.Max(1.0 / requestsPerSecond, 0.001));
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            // Replenished by the timer below, on the injected clock: the limiter's own timer, and its check that a
            // period has passed since the last replenishment, use real time (hence the shortest period here).
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(1),
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _replenish = time.CreateTimer(static state => ((TokenBucketRateLimiter)state!).TryReplenish(), _limiter, period, period);
    }

    /// <summary>The token bucket (one permit per request).</summary>
    public RateLimiter Limiter => _limiter;

    /// <summary>The time spent held for a server's reset so far.</summary>
    public TimeSpan Held => TimeSpan.FromTicks(Interlocked.Read(ref _heldTicks));

    /// <summary>No request before <paramref name="until"/> (a later hold wins).</summary>
    public void HoldUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (until > _notBefore) _notBefore = until;
        }
    }

    /// <summary>Waits out a hold, if one is set.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            DateTimeOffset notBefore;
            lock (_lock) notBefore = _notBefore;
            var wait = notBefore - _time.GetUtcNow();
            if (wait <= TimeSpan.Zero) return;
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _heldTicks, wait.Ticks);
        }
    }

    public void Dispose()
    {
        _replenish.Dispose();
        _limiter.Dispose();
    }
}
