using PaperFeed.Text;

namespace PaperFeed.Partitioning;

/// <summary>
/// Feeds a <see cref="SnapshotScanner"/> the lines of a stream as the parser splits them: through the parser's own
/// <see cref="Utf8LineReader"/>, with its line limit, so line ends, byte order marks, invalid UTF-8 and long lines are
/// handled once, in one place.
/// </summary>
internal sealed class ScanReader : IDisposable
{
    /// <summary>Reads of a whole-input scan: few calls.</summary>
    public const int DefaultBufferSize = 1 << 20;

    private readonly Stream _stream;
    private readonly Utf8LineReader _lines;
    private readonly SnapshotScanner _scanner;
    private readonly long _start;
    private bool _done;
    private bool _stoppedAtNul;

    /// <param name="stream">The input, read forward from its current position.</param>
    /// <param name="start">The absolute offset of the stream's current position.</param>
    /// <param name="maxLineLength">The parser's line limit: a longer line is skipped by the parser, so it is no header here either.</param>
    /// <param name="bufferSize">The most read at once while lines fit.</param>
    public ScanReader(Stream stream, long start, int maxLineLength, int bufferSize = DefaultBufferSize)
    {
        _stream = stream;
        _start = start;
        _lines = new Utf8LineReader(stream, maxLineLength, initialBufferSize: bufferSize);
        _scanner = new SnapshotScanner(atLineStart: start == 0, firstLine: 1);
    }

    /// <summary>
    /// The absolute offset where the input ends, once <see cref="Next"/> has returned false without a stop. After a NUL
    /// the rest of the input is read (or its length taken, when the stream can seek) only here, for the caller that
    /// needs it (a split covers the whole input; a search for the next cut does not).
    /// </summary>
    public long FindEnd()
    {
        long end = _start + _lines.BytesRead;
        if (!_stoppedAtNul) return end;
        if (_stream.CanSeek) return end + _stream.Length - _stream.Position;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = _stream.Read(buffer)) > 0) end += read;
        return end;
    }

    /// <summary>Scans the lines buffered, then reads once more; false when the input is exhausted or the scan was stopped.</summary>
    public bool Next(Func<long, long, bool> onCut)
    {
        if (_done || _scanner.Stopped) return false;
        try
        {
            while (true)
            {
                switch (_lines.TryReadLine(out var line))
                {
                    case LineStatus.Line:
                        if (!_scanner.OnLine(line, _start + _lines.LineStart, onCut)) return false;
                        break;
                    case LineStatus.TooLong:
                        _scanner.SkippedLine();
                        break;
                    case LineStatus.NeedData:
                        _lines.Fill();
                        return true;
                    default:
                        _done = true;
                        return false;
                }
            }
        }
        catch (FeedFormatException)
        {
            // Not text from here (a NUL): no cut after it. The piece that holds it is the parser's to refuse, with
            // its place.
            _done = _stoppedAtNul = true;
            return false;
        }
    }

    public void Dispose() => _lines.Dispose();
}
