using System.Text;

namespace PaperFeed.IO;

/// <summary>The byte order marks of UTF-16 and UTF-32, which an editor's "Unicode" save starts with.</summary>
internal static class WideBom
{
    /// <summary>Bytes enough to tell every mark apart.</summary>
    public const int Length = 4;

    /// <summary>The encoding whose mark <paramref name="start"/> begins with; null for none (UTF-8 is read as it is).</summary>
    public static Encoding? Encoding(ReadOnlySpan<byte> start)
    {
        // UTF-32 LE first: its mark begins with UTF-16 LE's.
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return new UTF32Encoding(bigEndian: false, byteOrderMark: true);
        if (start.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return new UTF32Encoding(bigEndian: true, byteOrderMark: true);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return new UnicodeEncoding(bigEndian: true, byteOrderMark: true);
        return null;
    }
}
