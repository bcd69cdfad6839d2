using System.Globalization;
using System.Text.Unicode;

namespace PaperFeed.IO;

/// <summary>
/// Decides from an input's first bytes whether it is legacy 8-bit text (Windows-1252, what editors and browsers on
/// Windows save "ANSI" text as) rather than UTF-8: it has no byte order mark and its bytes are not UTF-8 (a sequence
/// cut at the end of the head does not count: the next bytes may complete it, or the file was cut there), and it has more broken sequences than
/// valid multi-byte characters (UTF-8 with a few damaged bytes stays UTF-8, each bad byte a U+FFFD). Such input is read through
/// <see cref="Windows1252Stream"/> with one warning. Bytes that cannot be 8-bit text either (NUL or other C0 control
/// bytes, which Windows-1252 text never holds: a binary file) are left as they are, for the readers to refuse as
/// they always have (a NUL is PF901, text with no listing in it PF925).
/// </summary>
internal static class LegacyEncoding
{
    /// <summary>What the head shows.</summary>
    public enum Verdict
    {
        /// <summary>UTF-8 (or a byte order mark says what it is): read as it is.</summary>
        Utf8,

        /// <summary>Not UTF-8, and 8-bit text: read as Windows-1252.</summary>
        Windows1252,
    }

    /// <summary>Judges <paramref name="head"/>, the input's first bytes.</summary>
    /// <param name="head">The detection head.</param>
    /// <param name="offset">The offset of the first byte that is not UTF-8 (for the warning); -1 for <see cref="Verdict.Utf8"/>.</param>
    public static Verdict Judge(ReadOnlySpan<byte> head, out int offset)
    {
        offset = -1;
        if (head.StartsWith("\uFEFF"u8) || WideBom.Encoding(head) is not null) return Verdict.Utf8;
        // A sequence cut by the end of the head may go on after it; at the end of the input, it is a file cut short,
        // which the UTF-8 reader drops: neither makes the input 8-bit text.
        var judged = head[..^CutSequenceLength(head)];
        if (Utf8.IsValid(judged)) return Verdict.Utf8;
        // UTF-8 text with a few damaged bytes still has more valid multi-byte characters than broken ones; 8-bit text
        // makes a valid multi-byte sequence only by chance (a byte 0xC2-0xF4 followed by the right 0x80-0xBF ones).
        var (valid, invalid, first) = Sequences(judged);
        if (valid >= invalid) return Verdict.Utf8;
        offset = first;
        foreach (byte b in head)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C)) return Verdict.Utf8;
        }
        return Verdict.Windows1252;
    }

    /// <summary>The input as UTF-8, for a head judged <see cref="Verdict.Windows1252"/>, after one warning.</summary>
    public static Stream Decode(Stream stream, ReadOnlySpan<byte> head, int offset, FeedReadContext context)
    {
        context.Diagnostics.Report(Warning(head, offset, context.SourceName));
        context.OpeningWarnings++;
        return new Windows1252Stream(stream);
    }

    /// <summary>The warning that says the input is read as Windows-1252.</summary>
    private static FeedDiagnostic Warning(ReadOnlySpan<byte> head, int offset, string? sourceName)
    {
        var (line, column) = Position(head, offset);
        return new FeedDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.LegacyEncoding, DiagnosticLocation.AtLine(line, column),
            string.Create(CultureInfo.InvariantCulture,
                $"the input is not UTF-8 (byte 0x{head[offset]:X2}) and has no byte order mark: read as Windows-1252; save it as UTF-8 to silence this"),
            sourceName);
    }

    /// <summary>How many bytes at the end of <paramref name="head"/> start a UTF-8 sequence the head cuts off (0 to 3).</summary>
    private static int CutSequenceLength(ReadOnlySpan<byte> head)
    {
        for (int back = 1; back <= Math.Min(3, head.Length); back++)
        {
            byte b = head[^back];
            if ((b & 0xC0) == 0x80) continue; // a continuation byte: look further back for its lead
            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? back : 0;
        }
        return 0;
    }

    /// <summary>The valid multi-byte sequences, the invalid ones, and the offset of the first invalid one.</summary>
    private static (int Valid, int Invalid, int First) Sequences(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0, first = -1;
        int offset = 0;
        while (offset < bytes.Length)
        {
            int next = bytes[offset..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (next < 0) break;
            offset += next;
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed) == System.Buffers.OperationStatus.Done)
            {
                valid++;
            }
            else
            {
                if (first < 0) first = offset;
                invalid++;
            }
            offset += consumed;
        }
        return (valid, invalid, first);
    }

    /// <summary>The 1-based line and column (in bytes, as 8-bit text has one character per byte) of <paramref name="offset"/>.</summary>
    private static (long Line, int Column) Position(ReadOnlySpan<byte> head, int offset)
    {
        var before = head[..offset];
        int lastBreak = before.LastIndexOf((byte)'\n');
        return (before.Count((byte)'\n') + 1L, offset - lastBreak);
    }
}
