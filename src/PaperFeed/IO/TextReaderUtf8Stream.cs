using System.Text;

namespace PaperFeed.IO;

/// <summary>
/// Characters from a reader as UTF-8 bytes, encoded as they are read (no copy of the whole text): text given as
/// characters is read by the same byte readers as files, through one line splitter. A lone surrogate becomes U+FFFD.
/// </summary>
internal sealed class TextReaderUtf8Stream(TextReader reader) : ReadOnlyForwardStream
{
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private readonly char[] _chars = new char[16 * 1024];
    private readonly byte[] _bytes = new byte[16 * 1024 * 3 + 4];
    private int _start, _end;
    private bool _done;

    public override int Read(Span<byte> buffer)
    {
        while (_start == _end && !_done) Fill(reader.Read(_chars));
        return Take(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_start == _end && !_done) Fill(await reader.ReadAsync(_chars, cancellationToken).ConfigureAwait(false));
        return Take(buffer.Span);
    }

    private void Fill(int read)
    {
        _done = read == 0;
        _start = 0;
        _end = _encoder.GetBytes(_chars.AsSpan(0, read), _bytes, flush: _done);
    }

    private int Take(Span<byte> buffer)
    {
        int length = Math.Min(buffer.Length, _end - _start);
        _bytes.AsSpan(_start, length).CopyTo(buffer);
        _start += length;
        return length;
    }
}
