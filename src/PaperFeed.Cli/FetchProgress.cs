using System.Globalization;
using PaperFeed.Http;

namespace PaperFeed.Cli;

/// <summary><c>fetch</c>'s progress on a terminal: one line redrawn in place (days done of all, requests, waits); nothing elsewhere.</summary>
internal sealed class FetchProgress(TextWriter stderr, bool enabled) : IProgress<ArchiveFetchProgress>, IDisposable
{
    private readonly Lock _gate = new();
    private int _width;

    public void Report(ArchiveFetchProgress value)
    {
        if (!enabled) return;
        string line = string.Create(CultureInfo.InvariantCulture,
            $"fetch: {value.DaysDone}/{value.DaysTotal} days, {value.Requests} requests, {value.Retries} retries, waited {value.Waited.TotalSeconds:0} s{(value.Day is DateOnly day ? $", now {day:yyyy-MM-dd}" : "")}");
        lock (_gate)
        {
            stderr.Write("\r" + line.PadRight(_width));
            _width = line.Length;
            stderr.Flush();
        }
    }

    /// <summary>Removes the line, so that messages start on a clean line.</summary>
    public void Clear()
    {
        if (!enabled) return;
        lock (_gate)
        {
            if (_width == 0) return;
            stderr.Write("\r" + new string(' ', _width) + "\r");
            _width = 0;
            stderr.Flush();
        }
    }

    public void Dispose() => Clear();
}
