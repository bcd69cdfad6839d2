using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace PaperFeed.Html;

/// <summary>
/// Decodes a page's bytes the way a browser picks the encoding: a byte order mark, else the charset the page
/// declares in its first 1024 bytes (<c>&lt;meta charset&gt;</c> or <c>&lt;meta http-equiv="Content-Type"&gt;</c>),
/// else UTF-8. Bytes that are not valid UTF-8 become U+FFFD with warning <c>PF207</c> at their line and column, as
/// the text reader reports them. See docs/inputs.md.
/// </summary>
internal static partial class HtmlPageText
{
    /// <summary>How far the declaration is looked for, as the HTML standard's prescan does.</summary>
    private const int PrescanBytes = 1024;

    public static string Decode(ReadOnlySpan<byte> bytes, FeedReadContext context)
    {
        if (bytes.StartsWith("\uFEFF"u8)) return DecodeUtf8(bytes[3..], context);
        // A page given as text was decoded already: its bytes are UTF-8, whatever charset it declares.
        if (context.IsDecodedText) return DecodeUtf8(bytes, context);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        return DeclaredEncoding(bytes[..Math.Min(bytes.Length, PrescanBytes)]) is { } declared
            ? declared.GetString(bytes)
            : DecodeUtf8(bytes, context);
    }

    /// <summary>The encoding the page declares, when it is one this runtime has and not UTF-8 (which is the default anyway).</summary>
    internal static Encoding? DeclaredEncoding(ReadOnlySpan<byte> start)
    {
        var match = CharsetDeclaration().Match(Encoding.Latin1.GetString(start));
        return match.Success ? ForLabel(match.Groups["label"].Value) : null;
    }

    /// <summary>An encoding label as the HTML standard maps it (Latin-1 and ASCII labels mean windows-1252; a declared UTF-16 means UTF-8).</summary>
    private static Encoding? ForLabel(string label)
    {
        label = label.Trim().ToLowerInvariant();
        switch (label)
        {
            case "utf-8" or "utf8" or "unicode-1-1-utf-8" or "x-unicode20utf8" or "unicode11utf8" or "unicode20utf8":
            case "utf-16" or "utf-16le" or "utf-16be" or "unicode" or "ucs-2":
                return null;
            case "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "ansi_x3.4-1968" or "cp1252" or "x-cp1252" or "cp819" or "ibm819":
                label = "windows-1252";
                break;
        }
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(label) ?? Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null; // a label this runtime does not know: UTF-8, whose invalid bytes are reported
        }
        catch (NotSupportedException)
        {
            return null; // UTF-7, which no browser decodes either (the HTML standard leaves it out): UTF-8
        }
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, FeedReadContext context)
    {
        if (!Utf8.IsValid(bytes)) ReportInvalidLines(bytes, context);
        return Encoding.UTF8.GetString(bytes); // one U+FFFD per maximal invalid subsequence
    }

    /// <summary>One PF207 per line that has invalid bytes, at the column (in characters) of its first U+FFFD.</summary>
    private static void ReportInvalidLines(ReadOnlySpan<byte> bytes, FeedReadContext context)
    {
        int line = 1;
        while (!bytes.IsEmpty)
        {
            int end = bytes.IndexOf((byte)'\n');
            var text = end < 0 ? bytes : bytes[..end];
            if (!Utf8.IsValid(text))
            {
                HtmlPageReader.Report(context, DiagnosticCodes.InvalidUtf8, line, FirstInvalidColumn(text),
                    "bytes that are not valid UTF-8 (and no other charset declared) were replaced by U+FFFD");
            }
            if (end < 0) break;
            bytes = bytes[(end + 1)..];
            line++;
        }
    }

    private static int FirstInvalidColumn(ReadOnlySpan<byte> line)
    {
        int ascii = line.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        int column = 1 + ascii;
        line = line[ascii..];
        while (Rune.DecodeFromUtf8(line, out var rune, out int consumed) == OperationStatus.Done)
        {
            column += rune.Utf16SequenceLength;
            line = line[consumed..];
        }
        return column;
    }

    [GeneratedRegex("""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*(?<label>[A-Za-z0-9_:.+-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetDeclaration();
}
