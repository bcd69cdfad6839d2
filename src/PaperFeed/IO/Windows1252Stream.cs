namespace PaperFeed.IO;

/// <summary>
/// Reads Windows-1252 bytes as UTF-8. The code page is fixed and small, so it is decoded here rather than through
/// System.Text.Encoding.CodePages (a provider with every code page's tables, registered at run time, for one table
/// of 32 characters). Bytes 0x00-0x7F are ASCII and 0xA0-0xFF are U+00A0-U+00FF (as in Latin-1); 0x80-0x9F are the
/// table below, and its five unassigned bytes map to the C1 control of the same number, as the WHATWG Encoding
/// Standard (what browsers do) says.
/// </summary>
internal sealed class Windows1252Stream(Stream source) : ReadOnlyForwardStream
{
    /// <summary>U+0080-U+009F as Windows-1252 assigns bytes 0x80-0x9F.</summary>
    private static ReadOnlySpan<char> High =>
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    // One source byte gives at most 3 UTF-8 bytes: a read takes a third of the room it is given, at least one byte.
    private readonly byte[] _source = new byte[16 * 1024];
    private readonly byte[] _pending = new byte[3];
    private int _pendingStart;
    private int _pendingEnd;

    /// <summary>The UTF-8 bytes of one Windows-1252 byte into <paramref name="destination"/> (room for 3); how many.</summary>
    public static int Encode(byte b, Span<byte> destination)
    {
        char c = b < 0x80 ? (char)b : b < 0xA0 ? High[b - 0x80] : (char)b;
        if (c < 0x80)
        {
            destination[0] = (byte)c;
            return 1;
        }
        if (c < 0x800)
        {
            destination[0] = (byte)(0xC0 | (c >> 6));
            destination[1] = (byte)(0x80 | (c & 0x3F));
            return 2;
        }
        destination[0] = (byte)(0xE0 | (c >> 12));
        destination[1] = (byte)(0x80 | ((c >> 6) & 0x3F));
        destination[2] = (byte)(0x80 | (c & 0x3F));
        return 3;
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        if (_pendingStart < _pendingEnd) return TakePending(buffer);
        int read = source.Read(_source.AsSpan(0, Room(buffer.Length)));
        return Convert(_source.AsSpan(0, read), buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty) return 0;
        if (_pendingStart < _pendingEnd) return TakePending(buffer.Span);
        int read = await FileReads.ReadAsync(source, _source.AsMemory(0, Room(buffer.Length)), cancellationToken).ConfigureAwait(false);
        return Convert(_source.AsSpan(0, read), buffer.Span);
    }

    private int Room(int length) => Math.Clamp(length / 3, 1, _source.Length);

    private int Convert(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        int written = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (b < 0x80 && written < destination.Length)
            {
                destination[written++] = b;
                continue;
            }
            if (destination.Length - written >= 3)
            {
                written += Encode(b, destination[written..]);
                continue;
            }
            // Only when a read of one byte was asked for 1 or 2 bytes of room: the rest of the character waits.
            _pendingStart = 0;
            _pendingEnd = Encode(b, _pending);
            written += TakePending(destination[written..]);
        }
        return written;
    }

    private int TakePending(Span<byte> destination)
    {
        int length = Math.Min(destination.Length, _pendingEnd - _pendingStart);
        _pending.AsSpan(_pendingStart, length).CopyTo(destination);
        _pendingStart += length;
        return length;
    }
}
