using System.Globalization;
using System.Text;

namespace PaperFeed.Export;

/// <summary>
/// Text as CommonMark inline content that renders as exactly that text and can never start a block: the characters
/// that open inline syntax (<c>\ ` * _ [ ] &lt; &gt; &amp; # | ~</c>) are backslash-escaped (so <c>&amp;amp;</c> stays
/// literal); line breaks, NUL-free leading and trailing whitespace become numeric character references (paragraphs
/// strip outer whitespace, and <c>**Padded **</c> would not be bold); at the start of a line the first punctuation
/// character, or the <c>.</c>/<c>)</c> after a leading number, is escaped too (<c>- </c>, <c>+ </c>, <c>1) </c>,
/// <c>---</c>, <c>===</c> stay text).
/// </summary>
internal static class MarkdownText
{
    public static string Escape(string text, bool atLineStart = false)
    {
        if (text.Contains('\0', StringComparison.Ordinal)) text = text.Replace("\0", "", StringComparison.Ordinal);
        var builder = new StringBuilder(text.Length + 16);
        int start = 0, end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (i < start || i >= end || c is '\r' or '\n')
            {
                builder.Append("&#").Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append(';');
            }
            else if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '&' or '#' or '|' or '~' ||
                     (atLineStart && i == start && IsAsciiPunctuation(c)) ||
                     (atLineStart && c is '.' or ')' && IsNumberBefore(text, start, i)))
            {
                builder.Append('\\').Append(c);
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static bool IsAsciiPunctuation(char c) => char.IsAscii(c) && (char.IsPunctuation(c) || char.IsSymbol(c));

    /// <summary>True when everything from <paramref name="start"/> up to <paramref name="index"/> is ASCII digits (an ordered list marker).</summary>
    private static bool IsNumberBefore(string text, int start, int index)
    {
        if (index == start) return false;
        for (int i = start; i < index; i++)
        {
            if (!char.IsAsciiDigit(text[i])) return false;
        }
        return true;
    }
}
