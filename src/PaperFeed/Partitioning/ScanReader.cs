using System.Buffers;

namespace PaperFeed.Partitioning;

/// <summary>Feeds a <see cref="SnapshotScanner"/> from a stream through one pooled buffer.</summary>
internal sealed class ScanReader(Stream stream, SnapshotScanner scanner, int bufferSize = ScanReader.DefaultBufferSize) : IDisposable
{
    /// <summary>Reads of a whole-input scan: few calls; a line this long is far too long to be a header.</summary>
    public const int DefaultBufferSize = 1 << 20;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    private int _start;
    private int _end;
    private bool _endOfStream;

    /// <summary>Reads and scans one more buffer; false when the input is exhausted or the scan was stopped.</summary>
    public bool Next(Func<long, long, bool> onCut)
    {
        if (_endOfStream || scanner.Stopped) return false;
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            // One line fills the buffer: far too long to be a header; skip what is buffered of it.
            scanner.SkipLongLinePart(_end);
            _end = 0;
        }
        int read = stream.Read(_buffer, _end, _buffer.Length - _end);
        _endOfStream = read == 0;
        _end += read;
        _start += scanner.Scan(_buffer.AsSpan(_start, _end - _start), final: _endOfStream, onCut);
        return !_endOfStream && !scanner.Stopped;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
