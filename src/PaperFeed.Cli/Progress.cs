using System.Globalization;

namespace PaperFeed.Cli;

/// <summary>
/// Shows how far a long run got, on stderr, only when stderr is a terminal and the inputs are large (never in
/// pipes or files, where it would corrupt logs). One line, redrawn in place, erased at the end.
/// </summary>
internal sealed class Progress : IDisposable
{
    /// <summary>Inputs smaller than this finish too fast to need progress.</summary>
    public const long Threshold = 50L * 1024 * 1024;

    private readonly TextWriter _stderr;
    private readonly long _total;
    private readonly Timer? _timer;
    private long _read;
    private bool _drawn;

    private Progress(TextWriter stderr, long total, bool enabled)
    {
        _stderr = stderr;
        _total = total;
        if (enabled) _timer = new Timer(_ => Draw(), null, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500));
    }

    public static Progress Start(TextWriter stderr, bool stderrIsTerminal, long? totalBytes) =>
        new(stderr, totalBytes ?? 0, stderrIsTerminal && totalBytes > Threshold);

    /// <summary>Counts bytes read (called from every input's reader, concurrently).</summary>
    public Action<int>? OnRead => _timer is null ? null : read => Interlocked.Add(ref _read, read);

    /// <summary>Redraws the line (the timer calls it twice a second).</summary>
    internal void Draw()
    {
        long read = Interlocked.Read(ref _read);
        lock (_stderr)
        {
            _stderr.Write(string.Create(CultureInfo.InvariantCulture,
                $"\rpaperfeed: {100 * read / Math.Max(1, _total),3}% ({read / (1024 * 1024)} of {_total / (1024 * 1024)} MiB)"));
            _drawn = true;
        }
    }

    public void Dispose()
    {
        if (_timer is null) return;
        _timer.Dispose();
        lock (_stderr)
        {
            if (_drawn) _stderr.Write("\r" + new string(' ', 60) + "\r");
        }
    }
}
