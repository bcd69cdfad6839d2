namespace PaperFeed.Tests.Text;

/// <summary>A reader that makes its text on the fly from a prefix, a run of one character, a suffix, and then (optionally) an endless list of entries.</summary>
internal sealed class GeneratedReader(string prefix, char fill, long fillLength, string suffix, bool endless = false) : TextReader
{
    private long _position;
    private long _entry;
    private string _pending = "";
    private int _pendingPosition;

    /// <summary>Characters handed out so far.</summary>
    public long CharactersRead { get; private set; }

    public override int Read(Span<char> buffer)
    {
        int written = 0;
        while (written < buffer.Length)
        {
            if (_pendingPosition < _pending.Length)
            {
                int n = Math.Min(buffer.Length - written, _pending.Length - _pendingPosition);
                _pending.AsSpan(_pendingPosition, n).CopyTo(buffer[written..]);
                _pendingPosition += n;
                written += n;
                continue;
            }
            if (_position < prefix.Length + fillLength)
            {
                if (_position < prefix.Length)
                {
                    _pending = prefix;
                    _pendingPosition = 0;
                    _position = prefix.Length;
                    continue;
                }
                int n = (int)Math.Min(buffer.Length - written, prefix.Length + fillLength - _position);
                buffer.Slice(written, n).Fill(fill);
                _position += n;
                written += n;
                continue;
            }
            if (_position == prefix.Length + fillLength)
            {
                _pending = suffix;
                _pendingPosition = 0;
                _position++;
                continue;
            }
            if (!endless) break;
            _entry++;
            _pending = $"Generated Title {_entry}\n\nGenerated abstract number {_entry}.\n\n";
            _pendingPosition = 0;
        }
        CharactersRead += written;
        return written;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 1 ? one[0] : -1;
    }
}
