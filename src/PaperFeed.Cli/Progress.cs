using System.Diagnostics;
using System.Globalization;

namespace PaperFeed.Cli;

/// <summary>
/// One progress line on standard error, redrawn twice a second and erased at the end: drawn only on a terminal, for
/// inputs of known size over <see cref="Threshold"/>. It shows the bytes the reader has read (the library reports
/// them on every path, every core included), the papers handed out so far and their rate.
/// </summary>
internal sealed class Progress : IDisposable
{
    /// <summary>Inputs smaller than this finish before a progress line would help.</summary>
    public const long Threshold = 4L * 1024 * 1024;

    private readonly TextWriter _stderr;
    private readonly long _total;
    private readonly Timer? _timer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Func<long> _bytes = static () => 0;
    private long _papers;
    private bool _drawn;
    private bool _stopped;

    private Progress(TextWriter stderr, long total, bool enabled)
    {
        _stderr = stderr;
        _total = total;
        if (enabled) _timer = new Timer(_ => Draw(), null, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500));
    }

    public static Progress Start(TextWriter stderr, bool stderrIsTerminal, long? totalBytes) =>
        new(stderr, totalBytes ?? 0, stderrIsTerminal && totalBytes > Threshold);

    /// <summary>True when the line is drawn.</summary>
    public bool IsShown => _timer is not null;

    /// <summary>Where the bytes read so far come from (the input pipeline).</summary>
    public void Track(Func<long> bytesRead) => _bytes = bytesRead;

    /// <summary>Counts one paper handed out.</summary>
    public void OnPaper() => Interlocked.Increment(ref _papers);

    internal void Draw()
    {
        long read = Math.Min(_bytes(), _total);
        long papers = Interlocked.Read(ref _papers);
        double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        string rate = papers > 0 ? string.Create(CultureInfo.InvariantCulture, $", {papers:N0} papers, {papers / seconds:N0}/s") : "";
        lock (_stderr)
        {
            // A timer callback already on its way when the line was erased must not draw it again.
            if (_stopped) return;
            _stderr.Write(string.Create(CultureInfo.InvariantCulture,
                $"\rpaperfeed: {100 * read / Math.Max(1, _total),3}% ({read / (1024 * 1024)} of {_total / (1024 * 1024)} MiB{rate})   "));
            _drawn = true;
        }
    }

    /// <summary>Stops the redraws and erases the line if it was drawn; a second call does nothing.</summary>
    public void Dispose()
    {
        if (_timer is null) return;
        _timer.Dispose();
        lock (_stderr)
        {
            if (_drawn) _stderr.Write("\r" + new string(' ', 79) + "\r");
            _drawn = false;
            _stopped = true;
        }
    }
}
