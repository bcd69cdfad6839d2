using System.Diagnostics;

namespace PaperFeed.Tests.Http;

/// <summary>
/// A clock that runs <c>speed</c> times faster than real time from a fixed start: every timer (delays, timeouts,
/// pacing) fires after its due time divided by the speed, and the time read is the start plus real elapsed time times
/// the speed. So a 30 s wait takes 30 s / speed, and everything that reads the clock sees 30 s pass.
/// </summary>
internal sealed class FastTime(DateTimeOffset start, double speed) : TimeProvider
{
    private readonly long _origin = Stopwatch.GetTimestamp();

    public static DateTimeOffset DefaultStart { get; } = new(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Start => start;

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(_origin) * speed;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new Scaled(System.CreateTimer(callback, state, Scale(dueTime), Scale(period)), speed);

    private TimeSpan Scale(TimeSpan value) => Scale(value, speed);

    private static TimeSpan Scale(TimeSpan value, double speed) => value == Timeout.InfiniteTimeSpan || value <= TimeSpan.Zero ? value : value / speed;

    private sealed class Scaled(ITimer inner, double speed) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(Scale(dueTime, speed), Scale(period, speed));
        public void Dispose() => inner.Dispose();
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
