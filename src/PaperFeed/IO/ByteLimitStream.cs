namespace PaperFeed.IO;

/// <summary>
/// A read-only view of a stream that fails with a <see cref="FeedFormatException"/> once more than a given
/// number of bytes were read: for readers that must hold a whole input in memory (an HTML page), it turns a
/// runaway input into a clear error instead of exhausting memory. Does not dispose the inner stream.
/// </summary>
internal sealed class ByteLimitStream : ReadOnlyForwardStream
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

    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    private int Count(int read)
    {
        _read += read;
        if (_read > _limit) throw _tooLarge(_limit);
        return read;
    }
}
