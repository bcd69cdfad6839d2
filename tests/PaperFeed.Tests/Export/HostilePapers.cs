using CsCheck;

namespace PaperFeed.Tests.Export;

/// <summary>
/// Papers whose every text field is adversarial for some consumer: characters XML forbids (NUL, controls, U+FFFE,
/// U+FFFF, a lone surrogate), CDATA and script terminators, HTML and entities, Markdown block and inline syntax,
/// spreadsheet formulas, line breaks, outer whitespace, right-to-left text and emoji; URLs that are not http(s).
/// </summary>
internal static class HostilePapers
{
    private static readonly string[] Pieces =
    [
        "\uFFFE", "\uFFFF", "\0", "\u0001", "\u000B", "\uD800", "\uDC00", "]]>", "<![CDATA[", "</script>", "<script>alert(1)</script>",
        "<masking>", "&", "&amp;", "&copy;", "&#0;", "- ", "+ ", "* ", "1) ", "10. ", "---", "===", "# ", "> ", "```", "~~~", "**", "__",
        "*", "_", "`", "[x](javascript:alert(1))", "<http://x.example>", "|", "~~", "\\", "\r\n", "\n", "\r", "\t", "  ", " ",
        "=SUM(A1:A2)", "@cmd", "+1", "-2", "\"", "'", ",", ";", "مرحبا بالعالم", "\u202Eevil", "😀", "👩‍🔬", "\u00A0", "Word",
        "agents", "e.g. the", "3.5", ". Next", "!", "?", "<b>bold</b>", "&lt;", "{", "}",
    ];

    public static readonly Gen<string> Text = Gen.Int[0, Pieces.Length - 1].Array[1, 10].Select(ix => string.Concat(ix.Select(i => Pieces[i])));

    private static readonly Gen<string?> Url = Gen.OneOf<string?>(
        null, "javascript:alert(1)", "http://[bad", "not a url", "ftp://files.example/a", "https://ok.example/p?a=1&b=<2>", "http://ok.example/x y",
        "data:text/html,<script>alert(1)</script>", "/relative/path", "https://example.org/papers/1");

    private static readonly Gen<string?> ArxivId = Gen.OneOf<string?>(null, null, "2509.00001", "arXiv:2509.00002v3", "2509.0 1", "math.AG/0301001", "<x>");

    private static readonly Gen<PaperDate?> Date = Gen.OneOf<PaperDate?>(null, new PaperDate(2025, 8, 25), new PaperDate(null, 8, 25), new PaperDate(null, 12, 31), new PaperDate(2024, 2, 29));

    public static readonly Gen<Paper> Paper =
        Gen.Select(Text, Gen.Null(Text, 0.2), Text.Array[0, 3], Url, ArxivId, Gen.Nullable(Gen.Int[-3, 500], 0.3), Date, Date, Text.Array[0, 2],
            (title, abstractText, authors, url, arxivId, upvotes, published, featured, keywords) => new Paper
            {
                Title = title,
                Abstract = abstractText,
                Authors = authors.Select(a => new Author(a)).ToList(),
                AuthorCount = authors.Length == 0 ? null : authors.Length,
                Url = url,
                ArxivId = arxivId,
                Upvotes = upvotes,
                Published = published,
                Featured = featured,
                Details = keywords.Length == 0 ? null : new PaperDetails { AiKeywords = keywords, GithubRepo = keywords[0] },
            });

    public static readonly Gen<List<Paper>> Papers = Paper.List[0, 14];

    /// <summary>The text as an XML export holds it (the documented rule): what XML 1.0 forbids dropped, a lone surrogate U+FFFD.</summary>
    public static string XmlLegal(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) builder.Append(c).Append(text[++i]);
            else if (char.IsSurrogate(c)) builder.Append('\uFFFD');
            else if (c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>The text after a trip through UTF-8: a lone surrogate is U+FFFD.</summary>
    public static string Utf8(string text) => System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text));
}
