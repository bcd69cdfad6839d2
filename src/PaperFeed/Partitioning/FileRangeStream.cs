using Microsoft.Win32.SafeHandles;
using PaperFeed.IO;

namespace PaperFeed.Partitioning;

/// <summary>A forward-only, read-only view of a byte range of a file; views on one handle read concurrently (positional reads).</summary>
internal sealed class FileRangeStream(SafeFileHandle handle, long offset, long length) : ReadOnlyForwardStream
{
    private long _position = offset;
    private readonly long _end = offset + length;

    public override int Read(Span<byte> buffer)
    {
        int read = RandomAccess.Read(handle, Limit(buffer), _position);
        _position += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await RandomAccess.ReadAsync(handle, Limit(buffer), _position, cancellationToken).ConfigureAwait(false);
        _position += read;
        return read;
    }

    private Span<byte> Limit(Span<byte> buffer) => buffer[..(int)Math.Min(buffer.Length, _end - _position)];

    private Memory<byte> Limit(Memory<byte> buffer) => buffer[..(int)Math.Min(buffer.Length, _end - _position)];
}
