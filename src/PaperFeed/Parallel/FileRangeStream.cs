using Microsoft.Win32.SafeHandles;

namespace PaperFeed.Parallel;

/// <summary>A forward-only, read-only view of a byte range of a file; views on one handle read concurrently (positional reads).</summary>
internal sealed class FileRangeStream(SafeFileHandle handle, long offset, long length) : Stream
{
    private long _position = offset;
    private readonly long _end = offset + length;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

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

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private Span<byte> Limit(Span<byte> buffer) => buffer[..(int)Math.Min(buffer.Length, _end - _position)];

    private Memory<byte> Limit(Memory<byte> buffer) => buffer[..(int)Math.Min(buffer.Length, _end - _position)];

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
