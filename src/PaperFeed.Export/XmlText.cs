using System.Text;
using System.Xml;

namespace PaperFeed.Export;

/// <summary>
/// Text made safe for XML 1.0: characters XML cannot carry at all (NUL and the other C0 controls but tab, CR and LF,
/// U+FFFE, U+FFFF) are dropped, and a lone surrogate becomes U+FFFD as in every UTF-8 output, so no character in any
/// field can abort an export. Also the one place the XML writers are configured.
/// </summary>
internal static class XmlText
{
    public static string Clean(string text)
    {
        int first = FirstInvalid(text);
        if (first < 0) return text;
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// UTF-8 without a byte-order mark, indented; a CR inside text is written as <c>&amp;#xD;</c> so a reader gets it
    /// back exactly.
    /// </summary>
    public static XmlWriter CreateWriter(Stream destination) => XmlWriter.Create(destination, new XmlWriterSettings
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        CloseOutput = false,
        NewLineHandling = NewLineHandling.Entitize,
    });

    /// <summary>Writes <c>&lt;name&gt;text&lt;/name&gt;</c> with the text cleaned.</summary>
    public static void Element(XmlWriter writer, string name, string text) => writer.WriteElementString(name, Clean(text));

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
