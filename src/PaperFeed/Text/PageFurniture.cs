using System.Numerics;

namespace PaperFeed.Text;

/// <summary>
/// Lines of the site's page that a browser's text copy never has as a listing line, but that reach a listing when a
/// copy is damaged or mixed with a capture: Markdown and HTML markup (a heading, a link or image line, a list bullet,
/// a table row, a tag, a line opening with the middle dot, such as a <c>· Published on …</c> byline) and the site's own words alone on a line (<c>Submitted by</c>,
/// <c>See translation</c>, …). Such a line is never a title or an abstract (<see cref="LineKind.Furniture"/>).
/// A title that merely starts with <c>#</c> or <c>[</c> (<c>#InsTag: …</c>, <c>[CLS] Tokens …</c>) is not markup.
/// </summary>
internal static class PageFurniture
{
    private static readonly string[] Words =
    [
        "Submitted by", "See translation", "Reply", "Trending Papers", "Upvote", "Authors:", "AI-generated summary",
        "Paper submitter", "Log In", "Sign Up", "Community", "Daily", "Weekly", "Monthly",
    ];

    /// <summary>The site's own words alone on a short trimmed line, or a <c>Published on …</c> byline.</summary>
    public static bool IsSiteWords(ReadOnlySpan<char> line)
    {
        foreach (string word in Words)
        {
            if (line.SequenceEqual(word)) return true;
        }
        return line.StartsWith("Published on ", StringComparison.Ordinal);
    }

    /// <summary>
    /// Markup on a trimmed, non-blank line of UTF-16 characters or UTF-8 bytes: decided by its first and last units,
    /// and by a link target (<c>](http</c>, <c>](/</c>, <c>](#</c>) on a line that ends with <c>)</c>, where a link split over lines ends.
    /// </summary>
    public static bool IsMarkup<T>(ReadOnlySpan<T> line) where T : unmanaged, IBinaryInteger<T> => StartsAsMarkup(line) || HasLinkTarget(line);

    private static bool HasLinkTarget<T>(ReadOnlySpan<T> line) where T : unmanaged, IBinaryInteger<T>
    {
        // Only a line that ends the way a link does (a ')' among its last units: a damaged byte may follow it) is
        // searched: every line would otherwise be read twice.
        if (line[^Math.Min(line.Length, 4)..].IndexOf(T.CreateTruncating(')')) < 0) return false;
        int at = line.IndexOf([T.CreateTruncating(']'), T.CreateTruncating('(')]);
        if (at < 0 || at + 2 >= line.Length) return false;
        int next = int.CreateTruncating(line[at + 2]);
        return next is '/' or '#' || (next == 'h' && line.Length - at - 2 >= 4 && int.CreateTruncating(line[at + 3]) == 't' && int.CreateTruncating(line[at + 4]) == 't' && int.CreateTruncating(line[at + 5]) == 'p');
    }

    /// <summary>A Markdown rule or setext underline: three or more of one of <c>-</c>, <c>=</c>, <c>*</c>, <c>_</c>, and nothing else.</summary>
    public static bool IsRule(ReadOnlySpan<char> line) => line.Length > 0 && line[0] is '-' or '=' or '*' or '_' && IsRule(line, line[0]);

    /// <summary>Three or more of <paramref name="unit"/> and nothing else.</summary>
    private static bool IsRule<T>(ReadOnlySpan<T> line, int unit) where T : unmanaged, IBinaryInteger<T> =>
        line.Length >= 3 && !line.ContainsAnyExcept(T.CreateTruncating(unit));

    private static bool StartsAsMarkup<T>(ReadOnlySpan<T> line) where T : unmanaged, IBinaryInteger<T>
    {
        int first = int.CreateTruncating(line[0]);
        int second = line.Length > 1 ? int.CreateTruncating(line[1]) : -1;
        int last = int.CreateTruncating(line[^1]);
        switch (first)
        {
            case '#':
                // A Markdown heading: one to six '#' then a space.
                int level = 1;
                while (level < line.Length && level <= 6 && int.CreateTruncating(line[level]) == '#') level++;
                return level <= 6 && level < line.Length && int.CreateTruncating(line[level]) == ' ';
            case '!':
                return second == '[';
            case '[':
                // An image inside a link, a link ("[text](target)"), or a link's text going on past the line ("[Upvote").
                return second == '[' || line.IndexOf(T.CreateTruncating(']')) < 0 || line.IndexOf([T.CreateTruncating(']'), T.CreateTruncating('(')]) >= 0;
            case '*' or '-' or '+':
                // A list bullet, bold text (**URL:**), or a rule or setext underline (---, ***).
                return second == ' ' || (first == '*' && second == '*') || (first != '+' && IsRule(line, first));
            case '=' or '_':
                return IsRule(line, first);
            case '<':
                return last == '>';
            case '|':
                return line.Length > 1 && last == '|';
            case 0xB7:
                // A line opening with the middle dot that is not the lone separator: a byline ("· Published on …"),
                // or the separator run into the next line by damage. As characters:
                return typeof(T) == typeof(char);
            case 0xC2:
                // and as UTF-8 bytes (C2 B7).
                return typeof(T) == typeof(byte) && second == 0xB7;
            default:
                return false;
        }
    }
}
