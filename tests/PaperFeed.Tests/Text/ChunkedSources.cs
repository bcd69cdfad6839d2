namespace PaperFeed.Tests.Text;

/// <summary>A reader that hands out its text in reads of the given sizes (cycled), as a slow pipe would.</summary>
internal sealed class ChunkedReader(string text, IReadOnlyList<int> sizes) : TextReader
{
    private int _position;
    private int _read;

    public override int Peek() => _position < text.Length ? text[_position] : -1;

    public override int Read() => _position < text.Length ? text[_position++] : -1;

    public override int Read(Span<char> buffer)
    {
        int size = Math.Min(Math.Min(sizes[_read++ % sizes.Count], buffer.Length), text.Length - _position);
        text.AsSpan(_position, size).CopyTo(buffer);
        _position += size;
        return size;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));
}

/// <summary>A stream that returns its bytes in reads of the given sizes (cycled), so UTF-8 sequences split across reads.</summary>
internal sealed class ChunkedStream(byte[] bytes, IReadOnlyList<int> sizes) : PaperFeed.IO.ReadOnlyForwardStream
{
    private int _position;
    private int _read;

    public override int Read(Span<byte> buffer)
    {
        int size = Math.Min(Math.Min(sizes[_read++ % sizes.Count], buffer.Length), bytes.Length - _position);
        bytes.AsSpan(_position, size).CopyTo(buffer);
        _position += size;
        return size;
    }
}
