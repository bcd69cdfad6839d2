using System.Text;

namespace PaperFeed.Text.Captures;

/// <summary>
/// The pieces of the Daily Papers page that every text capture keeps, whatever tool made it: paper links, vote
/// boxes, author counts, dates with a comment link glued on, and the page's header phrases. Shapes are in
/// docs/format.md ("Text captures").
/// </summary>
internal static class CaptureSyntax
{
    private const string PapersPrefix = "https://huggingface.co/papers/";

    /// <summary>The header phrases that open a listing page (a second one after papers starts the next listing).</summary>
    public static bool IsHeaderPhrase(ReadOnlySpan<char> line) =>
        line.SequenceEqual("Get trending papers in your email inbox!") ||
        line.SequenceEqual("Get trending papers in your email inbox once a day!");

    /// <summary>
    /// The arXiv id of a paper page URL (<c>https://huggingface.co/papers/2410.05434</c>, also <c>http://</c>, a
    /// trailing slash or a version); null for the site's other pages (<c>/papers/date/…</c>, <c>/papers/trending</c>,
    /// a <c>#community</c> anchor, a query).
    /// </summary>
    public static string? PaperId(ReadOnlySpan<char> url)
    {
        // A site-relative link (/papers/ID) as converters keep it from the page's own markup.
        if (url.StartsWith("/papers/", StringComparison.Ordinal)) url = ("https://huggingface.co" + url.ToString()).AsSpan();
        if (url.StartsWith("http://", StringComparison.Ordinal)) url = url[7..];
        else if (url.StartsWith("https://", StringComparison.Ordinal)) url = url[8..];
        else return null;
        if (!url.StartsWith(PapersPrefix.AsSpan(8), StringComparison.Ordinal)) return null;
        var id = url[(PapersPrefix.Length - 8)..];
        if (id.EndsWith("/")) id = id[..^1];
        return IsArxivId(id) ? id.ToString() : null;
    }

    /// <summary>A new-style arXiv id: four digits, a dot, four or five digits, an optional version.</summary>
    private static bool IsArxivId(ReadOnlySpan<char> id)
    {
        int dot = id.IndexOf('.');
        if (dot != 4 || !AllDigits(id[..4])) return false;
        var rest = id[5..];
        int v = rest.IndexOf('v');
        var number = v < 0 ? rest : rest[..v];
        if (number.Length is < 4 or > 5 || !AllDigits(number)) return false;
        return v < 0 || (v + 1 < rest.Length && AllDigits(rest[(v + 1)..]));
    }

    /// <summary>True for a whole line that is one absolute URL (the clipper export's "URL on the next line").</summary>
    public static bool IsUrl(ReadOnlySpan<char> line) =>
        (line.StartsWith("https://", StringComparison.Ordinal) || line.StartsWith("http://", StringComparison.Ordinal)) &&
        !line.ContainsAny(' ', '\t');

    /// <summary>
    /// The vote box: <c>-</c> when no one voted (null upvotes), else the count (1–9 digits). The clipper export
    /// writes it as <c>[-] 12</c>, the Markdown readers as a link whose text is the count.
    /// </summary>
    public static bool TryVoteBox(ReadOnlySpan<char> text, out int? upvotes)
    {
        upvotes = null;
        if (text.SequenceEqual("-")) return true;
        if (text.IsEmpty || text.Length > 9 || !AllDigits(text)) return false;
        upvotes = int.Parse(text, provider: System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>The vote box as a text-mode tool writes the page's arrow button: <c>[-]</c>, <c>[-] 12</c>, <c>[-] -</c>.</summary>
    public static bool TryArrowVoteBox(ReadOnlySpan<char> line, out int? upvotes)
    {
        upvotes = null;
        if (!line.StartsWith("[-]")) return false;
        var rest = line[3..].Trim();
        return rest.IsEmpty || TryVoteBox(rest, out upvotes);
    }

    /// <summary>
    /// An author count at the end of a byline, after list bullets and avatar images: <c>3 authors</c>,
    /// <c>* 1 authors</c>, <c>- ![](…)\\ - 5 authors</c>, <c>1 author</c>. False when the count overflows.
    /// </summary>
    public static bool TryAuthorCount(ReadOnlySpan<char> text, out int count)
    {
        count = 0;
        text = text.TrimEnd();
        int wordStart = text.LastIndexOf(' ');
        if (wordStart < 1) return false;
        var word = text[(wordStart + 1)..];
        if (!word.SequenceEqual("authors") && !word.SequenceEqual("author")) return false;
        var before = text[..wordStart].TrimEnd();
        int digits = 0;
        while (digits < before.Length && char.IsAsciiDigit(before[^(digits + 1)])) digits++;
        if (digits is 0 or > 9) return false;
        int start = before.Length - digits;
        // The count stands alone: at the start, or after a space or a list bullet.
        if (start > 0 && before[start - 1] is not (' ' or '*' or '-' or '•')) return false;
        count = int.Parse(before[start..], provider: System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// A date line with whatever the tool glued after it (the comment count as <c> [ 6][39]</c> or
    /// <c>[6](…#community)</c>): the date, or false when the line is no date.
    /// </summary>
    public static bool TryDate(ReadOnlySpan<char> line, out PaperDate date)
    {
        date = default;
        if (line.IsEmpty || !char.IsAsciiLetter(line[0]) || line.Length > 160) return false;
        if (line[^1] is ']' or ')')
        {
            int bracket = line.IndexOf('[');
            if (bracket > 0) line = line[..bracket].TrimEnd();
        }
        var classified = LineClassifier.Classify(line);
        if (classified.Kind != LineKind.Date) return false;
        date = classified.Date;
        return true;
    }

    /// <summary>
    /// Undoes the Markdown writers' escapes that change words: a backslash before a line break or a space (a hard
    /// break, <c>Engage\  with</c>) and a doubled backslash ending a line. Other backslashes are the abstract's own
    /// (<c>45\%</c> in a LaTeX-flavoured summary) and stay.
    /// </summary>
    public static string Unescape(string text)
    {
        if (!text.Contains('\\')) return text;
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\')
            {
                if (i + 1 == text.Length || text[i + 1] is ' ' or '\n') continue;
                if (text[i + 1] == '\\' && (i + 2 == text.Length || text[i + 2] == '\n'))
                {
                    i++;
                    continue;
                }
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Page headings and title lines that name the listing (<c>## Trending Papers</c>, <c># Daily Papers</c>,
    /// <c>**Page Title:** Trending Papers - Hugging Face</c>): a sign of the page, never a card.
    /// </summary>
    public static bool IsPageHeading(ReadOnlySpan<char> line)
    {
        if (line.Contains("Papers - Hugging Face", StringComparison.Ordinal)) return true;
        if (line.IsEmpty || line[0] != '#') return false;
        var text = line.TrimStart('#').Trim();
        return text.SequenceEqual("Trending Papers") || text.SequenceEqual("Daily Papers");
    }

    /// <summary>A heading that says the page is the trending list (<c># Trending Papers</c>, or a page title of that name).</summary>
    public static bool IsTrendingHeading(ReadOnlySpan<char> line) =>
        (line.StartsWith("#") && line.TrimStart('#').Trim().SequenceEqual("Trending Papers")) ||
        line.Contains("Trending Papers - Hugging Face", StringComparison.Ordinal);

    /// <summary>
    /// The period a capture's own address names (<c>URL: https://huggingface.co/papers/trending</c>, <c>Source URL: …/papers/week/2025-W40</c>,
    /// <c>…/papers/month/2025-10</c>): only a labelled address counts, as every daily page links to the trending list in its menu.
    /// </summary>
    public static FeedPeriod? LabelledPeriod(ReadOnlySpan<char> line)
    {
        int at = line.IndexOf("huggingface.co/papers/", StringComparison.Ordinal);
        if (at < 0) return null;
        var label = line[..at];
        int scheme = label.LastIndexOf("http", StringComparison.Ordinal);
        if (scheme >= 0) label = label[..scheme];
        label = label.TrimEnd().TrimEnd('*').TrimEnd();
        if (!label.EndsWith(":") || !label.Contains("url", StringComparison.OrdinalIgnoreCase)) return null;
        var rest = line[(at + "huggingface.co/papers/".Length)..];
        int end = rest.IndexOfAny(' ', ')', '?');
        if (end >= 0) rest = rest[..end];
        rest = rest.TrimEnd('/');
        if (rest.SequenceEqual("trending")) return FeedPeriod.Trending;
        if ((rest.StartsWith("week/") || rest.StartsWith("month/")) && FeedPeriod.TryParse(rest[(rest.IndexOf('/') + 1)..], out var period) &&
            period.Kind is FeedPeriodKind.Week or FeedPeriodKind.Month) return period;
        return null;
    }

    /// <summary>The site's own section headings (a paper page's <c>Community</c>, <c>Models citing this paper 2</c>, …): never a card.</summary>
    public static bool IsSiteHeading(ReadOnlySpan<char> text) =>
        text.SequenceEqual("Community") || text.SequenceEqual("Abstract") || text.SequenceEqual("Trending Papers") ||
        text.SequenceEqual("Daily Papers") || text.Contains(" citing this paper", StringComparison.Ordinal) ||
        text.StartsWith("Collections including this paper", StringComparison.Ordinal);

    // Beside the site's words every reader skips (PageFurniture): the header's words, which the
    // text listing reads as its header, and the navigation menu, which a browser copy does not have.
    private static readonly string[] FurnitureWords =
    [
        "Daily Papers", "Subscribe", "Comment", "new",
        "Hugging Face", "Models", "Datasets", "Spaces", "Buckets", "Docs", "Enterprise", "Pricing", "Posts",
    ];

    /// <summary>
    /// Text that is the page's furniture or markup, never a title or an abstract: headings, list bullets, image
    /// placeholders, Markdown links, bylines, vote boxes, the page's own words (<c>Submitted by</c>, <c>See translation</c>).
    /// </summary>
    public static bool IsFurnitureText(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty || text[0] is '#' or '!' or '<' or '*' or '·' or '|' or '>' || text.StartsWith("- ")) return true;
        if (text.Contains("](", StringComparison.Ordinal) || text.StartsWith("[[") || HasReferenceLinkEnd(text)) return true;
        foreach (string word in FurnitureWords)
        {
            if (text.SequenceEqual(word)) return true;
        }
        return PageFurniture.IsSiteWords(text) || IsHeaderPhrase(text) || IsSiteHeading(text) || IsImagePlaceholder(text) || IsCardPart(text) ||
            TryBylineDate(text, out _) || (TryAuthorCount(text, out _) && text.Length < 24);
    }

    /// <summary>A reference link's end (<c>][32]</c>) in the text: a linked title whose opening bracket was lost.</summary>
    private static bool HasReferenceLinkEnd(ReadOnlySpan<char> text)
    {
        for (int at = text.IndexOf("]["); at >= 0; at = text.IndexOf("][") is int next and >= 0 ? next : -1)
        {
            text = text[(at + 2)..];
            int digits = 0;
            while (digits < text.Length && char.IsAsciiDigit(text[digits])) digits++;
            if (digits > 0 && digits < text.Length && text[digits] == ']') return true;
        }
        return false;
    }

    /// <summary><c>arxiv:2512.15603</c>, the label over a paper's own page title.</summary>
    public static bool IsArxivLabel(ReadOnlySpan<char> line) =>
        line.StartsWith("arxiv:", StringComparison.OrdinalIgnoreCase) && IsArxivId(line[6..].Trim());

    /// <summary>
    /// A part of a card that no page heading has: an author count bullet, a code link with its stars, a vote box, a
    /// <c>Published on</c> byline. After a <c>### Title</c> heading it shows the heading is a card.
    /// </summary>
    public static bool IsCardPart(ReadOnlySpan<char> line)
    {
        if (line.StartsWith("- ") && TryAuthorCount(line, out _)) return true;
        if (line.StartsWith("[LINK: GitHub", StringComparison.Ordinal) || line.StartsWith("[GitHub ", StringComparison.Ordinal)) return true;
        if (line.StartsWith("[Upvote", StringComparison.Ordinal)) return true;
        return line.Contains("Published on ", StringComparison.Ordinal);
    }

    /// <summary>
    /// An image placeholder as capture tools write it, in any language (<c>[图片：无替代文本]</c>, <c>[Image: no alt text]</c>,
    /// <c>![](…)</c>, <c>[image]</c>): a bracketed run whose text before a colon is one word, or a Markdown image.
    /// </summary>
    public static bool IsImagePlaceholder(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.StartsWith("![") && (text.EndsWith(")") || text.EndsWith("]"))) return true;
        if (text.Length < 3 || text[0] != '[' || text[^1] != ']' || text[1..^1].ContainsAny('[', ']')) return false;
        var inner = text[1..^1];
        int colon = inner.IndexOfAny(':', '：');
        var word = colon < 0 ? inner : inner[..colon];
        if (word.IsEmpty || word.Length > 12 || word.ContainsAny(' ', '\t')) return false;
        return colon >= 0 || word.Equals("image", StringComparison.OrdinalIgnoreCase) || word.Equals("img", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Link text without the image placeholders the tool put before it (<c>[图片：kandinskylab] Kandinsky Lab</c> is <c>Kandinsky Lab</c>).</summary>
    public static string WithoutImages(string text)
    {
        var span = text.AsSpan().Trim();
        while (true)
        {
            if (span.StartsWith("!["))
            {
                int close = span.IndexOf("](", StringComparison.Ordinal);
                int end = close < 0 ? -1 : span[close..].IndexOf(')');
                if (end < 0) break;
                span = span[(close + end + 1)..].TrimStart();
                continue;
            }
            if (span.StartsWith("["))
            {
                int end = span.IndexOf(']');
                if (end < 0 || !IsImagePlaceholder(span[..(end + 1)])) break;
                span = span[(end + 1)..].TrimStart();
                continue;
            }
            break;
        }
        return span.Length == text.Length ? text : span.ToString();
    }

    /// <summary>
    /// The page's vote box as Markdown readers write the link: its text <c>Upvote 117</c>, <c>[ ] Upvote 34</c> or a bare
    /// count, its target the login page with the paper in <c>next</c> (<c>/login?next=%2Fpapers%2F2610.05608</c>).
    /// </summary>
    public static bool TryUpvoteLink(string text, string? url, out int? upvotes, out string? paperId)
    {
        upvotes = null;
        paperId = null;
        var span = text.AsSpan().Trim();
        if (span.StartsWith("[ ]")) span = span[3..].TrimStart();
        bool labelled = span.StartsWith("Upvote", StringComparison.Ordinal);
        if (labelled) span = span[6..].Trim();
        bool login = url is not null && url.Contains("login?next=%2Fpapers%2F", StringComparison.Ordinal);
        if (!labelled && !login) return false;
        if (!TryVoteBox(span, out upvotes)) return false;
        if (login && url is not null)
        {
            var id = url.AsSpan(url.IndexOf("%2Fpapers%2F", StringComparison.Ordinal) + 12);
            int end = id.IndexOfAny('&', '#', ')');
            if (end >= 0) id = id[..end];
            if (IsArxivId(id)) paperId = id.ToString();
        }
        return true;
    }

    /// <summary>A star count as the page shows it: <c>131</c>, <c>3.29k</c>, <c>110k</c>, <c>1.2m</c> (rounded by the page).</summary>
    public static bool TryStars(ReadOnlySpan<char> text, out int stars)
    {
        stars = 0;
        text = text.Trim();
        if (text.IsEmpty) return false;
        int multiplier = 1;
        if (text[^1] is 'k' or 'K') { multiplier = 1_000; text = text[..^1]; }
        else if (text[^1] is 'm' or 'M') { multiplier = 1_000_000; text = text[..^1]; }
        if (text.IsEmpty || text.Length > 9 || !decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out decimal value)) return false;
        value *= multiplier;
        if (value > int.MaxValue) return false;
        stars = (int)Math.Round(value);
        return true;
    }

    /// <summary>The code link row: <c>GitHub 3.29k</c> or <c>LINK: GitHub 11.3k</c> linked to the repository; false for any other link.</summary>
    public static bool TryGithubLink(string text, string? url, out int? stars)
    {
        stars = null;
        if (url is null || !url.StartsWith("https://github.com/", StringComparison.Ordinal)) return false;
        var span = text.AsSpan().Trim();
        if (span.StartsWith("LINK:")) span = span[5..].TrimStart();
        if (!span.StartsWith("GitHub")) return false;
        span = span[6..].Trim();
        if (TryStars(span, out int count)) stars = count;
        return true;
    }

    /// <summary>
    /// A byline's date: <c>· Published on Oct 4, 2026</c>, <c>Published on Dec 17</c>, <c>· Dec 28, 2024</c>; false for
    /// anything else.
    /// </summary>
    public static bool TryBylineDate(ReadOnlySpan<char> line, out PaperDate date)
    {
        date = default;
        var text = line.Trim();
        bool dot = text.StartsWith("·");
        if (dot) text = text[1..].TrimStart();
        bool published = text.StartsWith("Published on ", StringComparison.Ordinal);
        if (published) text = text[13..].Trim();
        if (!dot && !published) return false;
        return TryDate(text, out date);
    }

    /// <summary>Markdown inline links in prose reduced to their text (<c>[RGBA-VAE](/papers?q=RGBA-VAE)</c> is <c>RGBA-VAE</c>).</summary>
    public static string StripInlineLinks(string text)
    {
        if (!text.Contains("](", StringComparison.Ordinal)) return text;
        var builder = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOf('[', i);
            if (open < 0) break;
            int close = text.IndexOf("](", open + 1, StringComparison.Ordinal);
            int inner = text.IndexOf('[', open + 1);
            if (close < 0 || (inner >= 0 && inner < close))
            {
                builder.Append(text, i, open + 1 - i);
                i = open + 1;
                continue;
            }
            int end = text.IndexOf(')', close + 2);
            if (end < 0) break;
            builder.Append(text, i, open - i).Append(text, open + 1, close - open - 1);
            i = end + 1;
        }
        builder.Append(text, i, text.Length - i);
        return builder.ToString();
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return !text.IsEmpty;
    }
}
