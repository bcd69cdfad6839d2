using System.Text;

namespace PaperFeed.Export;

/// <summary>
/// Plain text as HTML that displays as exactly that text: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> become
/// character references, and so does CR (an HTML parser would turn CR LF into LF). Readers treat RSS
/// <c>&lt;description&gt;</c> as HTML, so an abstract that mentions <c>&lt;script&gt;</c> goes there in this form.
/// </summary>
internal static class HtmlText
{
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\r") < 0) return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            string? reference = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\r' => "&#13;",
                _ => null,
            };
            if (reference is null) builder.Append(c);
            else builder.Append(reference);
        }
        return builder.ToString();
    }
}
