using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace PaperFeed.Text;

/// <summary>
/// What the listing's grammar needs to know about the code units it reads: UTF-16 characters (a
/// <see cref="TextReader"/>) or UTF-8 bytes (a stream, read without decoding). The grammar is written once over
/// this; every rule (trimming, line shapes, sentence ends, columns) means the same thing in both, counted in
/// UTF-16 characters where a number reaches the caller (columns, lengths).
/// </summary>
internal interface ITextUnits<T> where T : unmanaged, IEquatable<T>
{
    /// <summary>The text with leading and trailing Unicode whitespace removed (what <see cref="MemoryExtensions.Trim(ReadOnlySpan{char})"/> removes).</summary>
    static abstract ReadOnlySpan<T> Trim(ReadOnlySpan<T> text);

    /// <summary>How many units of leading whitespace <paramref name="text"/> starts with.</summary>
    static abstract int LeadingWhiteSpace(ReadOnlySpan<T> text);

    /// <summary>The length in units of the whitespace character at the start of <paramref name="text"/>; 0 when it is not whitespace.</summary>
    static abstract int WhiteSpaceAt(ReadOnlySpan<T> text);

    /// <summary>True for a space or a tab: the indentation of a wrapped title.</summary>
    static abstract bool IsIndent(T unit);

    /// <summary>
    /// The units from <paramref name="block"/> that may end a sentence, as <see cref="SentenceEndSearch.Candidates"/>
    /// finds them: bit i for a <c>.</c>, <c>!</c> or <c>?</c> at <paramref name="block"/> + i followed by a space or
    /// control character or by a non-ASCII unit (both still to be checked).
    /// </summary>
    static abstract ulong SentenceEndCandidates(ReadOnlySpan<T> text, int block);

    /// <summary>One space: what joins a wrapped title's lines.</summary>
    static abstract ReadOnlySpan<T> Space { get; }

    /// <summary>The unit as a number (for the cheap sentence pre-check).</summary>
    static abstract int Value(T unit);

    /// <summary>The trimmed line's shape (<see cref="LineClassifier"/>).</summary>
    static abstract ClassifiedLine Classify(ReadOnlySpan<T> line);

    /// <summary>The UTF-16 length of <paramref name="text"/>: what columns and lengths are counted in.</summary>
    static abstract int CharCount(ReadOnlySpan<T> text);

    static abstract string ToString(ReadOnlySpan<T> text);
}

/// <summary>What both kinds of units share.</summary>
internal static class TextUnits
{
    /// <summary>True for <c>!</c> to <c>~</c>: ASCII that is neither whitespace nor a control character.</summary>
    public static bool IsVisibleAscii(int unit) => (uint)(unit - '!') <= '~' - '!';
}

/// <summary>UTF-16 characters: strings (abstracts from JSON and pages, whose repeated sentences are collapsed on the same rules).</summary>
internal readonly struct Utf16Units : ITextUnits<char>
{
    // Nearly every line starts and ends with a visible ASCII character: nothing to trim, nothing to look up.
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text) =>
        !text.IsEmpty && TextUnits.IsVisibleAscii(text[0]) && TextUnits.IsVisibleAscii(text[^1]) ? text : text.Trim();

    public static int LeadingWhiteSpace(ReadOnlySpan<char> text) => text.Length - text.TrimStart().Length;

    public static int WhiteSpaceAt(ReadOnlySpan<char> text) => char.IsWhiteSpace(text[0]) ? 1 : 0;

    public static bool IsIndent(char unit) => unit is ' ' or '\t';

    public static ulong SentenceEndCandidates(ReadOnlySpan<char> text, int block) => SentenceEndSearch.Candidates(MemoryMarshal.Cast<char, ushort>(text), block);

    public static ReadOnlySpan<char> Space => " ";

    public static int Value(char unit) => unit;

    public static ClassifiedLine Classify(ReadOnlySpan<char> line) => LineClassifier.Classify(line);

    public static int CharCount(ReadOnlySpan<char> text) => text.Length;

    public static string ToString(ReadOnlySpan<char> text) => new(text);
}

/// <summary>
/// UTF-8 bytes, valid (the byte reader replaces invalid sequences by U+FFFD before the grammar sees them), so
/// equal bytes are equal text and every decision matches the UTF-16 grammar's.
/// </summary>
internal readonly struct Utf8Units : ITextUnits<byte>
{
    // Every special line is at most 48 UTF-16 characters, so at most 3 × 48 bytes: a longer line is text.
    private const int LongestSpecialLineBytes = 3 * LineClassifier.LongestSpecialLine;

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text)
    {
        // Nearly every line starts and ends with a visible ASCII character: nothing to trim, nothing to decode.
        if (!text.IsEmpty && TextUnits.IsVisibleAscii(text[0]) && TextUnits.IsVisibleAscii(text[^1])) return text;
        int start = LeadingWhiteSpace(text);
        text = text[start..];
        while (!text.IsEmpty)
        {
            byte last = text[^1];
            if (last < 0x80)
            {
                if (!char.IsWhiteSpace((char)last)) break;
                text = text[..^1];
                continue;
            }
            if (Rune.DecodeLastFromUtf8(text, out var rune, out int length) != OperationStatus.Done || !Rune.IsWhiteSpace(rune)) break;
            text = text[..^length];
        }
        return text;
    }

    public static int LeadingWhiteSpace(ReadOnlySpan<byte> text)
    {
        int start = 0;
        while (start < text.Length)
        {
            int length = WhiteSpaceAt(text[start..]);
            if (length == 0) break;
            start += length;
        }
        return start;
    }

    public static int WhiteSpaceAt(ReadOnlySpan<byte> text)
    {
        byte first = text[0];
        if (first < 0x80) return char.IsWhiteSpace((char)first) ? 1 : 0;
        return Rune.DecodeFromUtf8(text, out var rune, out int length) == OperationStatus.Done && Rune.IsWhiteSpace(rune) ? length : 0;
    }

    public static bool IsIndent(byte unit) => unit is (byte)' ' or (byte)'\t';

    public static ulong SentenceEndCandidates(ReadOnlySpan<byte> text, int block) => SentenceEndSearch.Candidates(text, block);

    public static ReadOnlySpan<byte> Space => " "u8;

    public static int Value(byte unit) => unit;

    public static ClassifiedLine Classify(ReadOnlySpan<byte> line)
    {
        if (line.Length > LongestSpecialLineBytes) return PageFurniture.IsMarkup(line) ? LineClassifier.FurnitureLine : default;
        if (Ascii.IsValid(line))
        {
            // Nearly every line: one byte a character, so a longer line is text (or markup) without a look at its
            // characters, and a shorter one is widened into a small buffer.
            if (line.Length > LineClassifier.LongestSpecialLine) return PageFurniture.IsMarkup(line) ? LineClassifier.FurnitureLine : default;
            Span<char> ascii = stackalloc char[LineClassifier.LongestSpecialLine];
            Ascii.ToUtf16(line, ascii, out int widened);
            return LineClassifier.Classify(ascii[..widened]);
        }
        // The two metadata lines that are not ASCII: the separator, and an author count after its bullet.
        if (line.SequenceEqual(Separator)) return new ClassifiedLine(LineKind.Separator);
        if (line.StartsWith(Bullet) && line.Length - Bullet.Length < LineClassifier.LongestSpecialLine && Ascii.IsValid(line[Bullet.Length..]))
        {
            Span<char> bulleted = stackalloc char[LineClassifier.LongestSpecialLine];
            bulleted[0] = '•';
            Ascii.ToUtf16(line[Bullet.Length..], bulleted[1..], out int rest);
            return LineClassifier.Classify(bulleted[..(rest + 1)]);
        }
        Span<char> chars = stackalloc char[LongestSpecialLineBytes];
        Utf8.ToUtf16(line, chars, out _, out int written);
        return LineClassifier.Classify(chars[..written]);
    }

    private static ReadOnlySpan<byte> Separator => "·"u8;

    private static ReadOnlySpan<byte> Bullet => "•"u8;

    public static int CharCount(ReadOnlySpan<byte> text) => Ascii.IsValid(text) ? text.Length : Encoding.UTF8.GetCharCount(text);

    public static string ToString(ReadOnlySpan<byte> text) => Encoding.UTF8.GetString(text);
}
