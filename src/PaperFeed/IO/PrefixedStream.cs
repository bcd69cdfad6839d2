namespace PaperFeed.IO;

/// <summary>
/// A read-only stream that replays bytes already read from another stream (for format detection), then
/// continues with that stream: detection works on pipes and network streams, which cannot seek back.
/// Does not dispose the inner stream.
/// </summary>
internal sealed class PrefixedStream : ReadOnlyForwardStream
{
    private readonly Stream _inner;
    private readonly byte[] _prefix;
    private readonly int _prefixLength;
    private int _prefixPosition;

    public PrefixedStream(byte[] prefix, int prefixLength, Stream inner)
    {
        _prefix = prefix;
        _prefixLength = prefixLength;
        _inner = inner;
    }

    /// <summary>Reads up to <paramref name="maxLength"/> bytes from the start of <paramref name="stream"/> (fewer only at its end).</summary>
    public static async ValueTask<(byte[] Buffer, int Length)> ReadPrefixAsync(Stream stream, int maxLength, CancellationToken cancellationToken)
    {
        var buffer = new byte[maxLength];
        int length = 0;
        while (length < maxLength)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            length += read;
        }
        return (buffer, length);
    }

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPosition < _prefixLength) return CopyPrefix(buffer);
        return _inner.Read(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_prefixPosition < _prefixLength) return ValueTask.FromResult(CopyPrefix(buffer.Span));
        return _inner.ReadAsync(buffer, cancellationToken);
    }

    private int CopyPrefix(Span<byte> destination)
    {
        int count = Math.Min(destination.Length, _prefixLength - _prefixPosition);
        _prefix.AsSpan(_prefixPosition, count).CopyTo(destination);
        _prefixPosition += count;
        return count;
    }
}
