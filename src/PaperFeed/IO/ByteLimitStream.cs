namespace PaperFeed.IO;

/// <summary>
/// A read-only view of a stream that fails with a <see cref="FeedFormatException"/> once more than a given
/// number of bytes were read: for readers that must hold a whole input in memory (an HTML page), it turns a
/// runaway input into a clear error instead of exhausting memory. Does not dispose the inner stream.
/// </summary>
internal sealed class ByteLimitStream : Stream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private readonly Func<long, FeedFormatException> _tooLarge;
    private long _read;

    public ByteLimitStream(Stream inner, long limit, Func<long, FeedFormatException> tooLarge)
    {
        _inner = inner;
        _limit = limit;
        _tooLarge = tooLarge;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await _inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    private int Count(int read)
    {
        _read += read;
        if (_read > _limit) throw _tooLarge(_limit);
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
