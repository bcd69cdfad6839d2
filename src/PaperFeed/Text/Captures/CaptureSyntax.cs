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

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return !text.IsEmpty;
    }
}
