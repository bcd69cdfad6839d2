namespace PaperFeed.IO;

/// <summary>
/// Counts the lines of what is read through it, as the text reader counts them (a last line without a newline
/// counts too): for readers that take a whole input and count no lines themselves (an HTML page). Does not dispose
/// the inner stream.
/// </summary>
internal sealed class LineCountingStream(Stream inner) : ReadOnlyForwardStream
{
    private long _newlines;
    private bool _lastWasNewline = true;

    /// <summary>Lines read so far.</summary>
    public long Lines => _newlines + (_lastWasNewline ? 0 : 1);

    public override int Read(Span<byte> buffer) => Count(buffer[..inner.Read(buffer)]);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Count(buffer.Span[..read]);
    }

    private int Count(ReadOnlySpan<byte> read)
    {
        if (read.IsEmpty) return 0;
        _newlines += read.Count((byte)'\n');
        _lastWasNewline = read[^1] == (byte)'\n';
        return read.Length;
    }
}
