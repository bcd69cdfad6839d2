
namespace PaperFeed.IO;

/// <summary>A read-only stream that gives back bytes already read from an input (to detect its kind), then the rest of it.</summary>
internal sealed class ReplayStream(ReadOnlyMemory<byte> head, Stream rest) : ReadOnlyForwardStream
{
    private ReadOnlyMemory<byte> _head = head;

    /// <summary>
    /// Reads up to <paramref name="maxLength"/> bytes from the start of <paramref name="stream"/> (fewer only at its end);
    /// with <paramref name="synchronous"/>, by <see cref="Stream.Read(Span{byte})"/> only, so the task has completed.
    /// </summary>
    public static async ValueTask<ReadOnlyMemory<byte>> ReadHeadAsync(Stream stream, int maxLength, bool synchronous, CancellationToken cancellationToken)
    {
        byte[] head = new byte[maxLength];
        int length = 0;
        while (length < head.Length)
        {
            int read = synchronous
                ? stream.Read(head.AsSpan(length))
                : await FileReads.ReadAsync(stream, head.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            length += read;
        }
        return head.AsMemory(0, length);
    }

    public override int Read(Span<byte> buffer)
    {
        if (_head.IsEmpty) return rest.Read(buffer);
        return TakeHead(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_head.IsEmpty) return FileReads.ReadAsync(rest, buffer, cancellationToken);
        return ValueTask.FromResult(TakeHead(buffer.Span));
    }

    private int TakeHead(Span<byte> buffer)
    {
        int length = Math.Min(buffer.Length, _head.Length);
        _head.Span[..length].CopyTo(buffer);
        _head = _head[length..];
        return length;
    }
}
