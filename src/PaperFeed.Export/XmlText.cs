using System.Xml;

namespace PaperFeed.Export;

/// <summary>
/// Text made safe for XML 1.0: characters XML cannot carry at all (C0 controls other than tab, CR and LF, lone
/// surrogates, U+FFFE, U+FFFF) are dropped, so a stray control character in a title cannot abort an export.
/// </summary>
internal static class XmlText
{
    public static string Clean(string text)
    {
        int first = FirstInvalid(text);
        if (first < 0) return text;
        var builder = new System.Text.StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (!XmlConvert.IsXmlChar(c)) return i;
        }
        return -1;
    }
}
