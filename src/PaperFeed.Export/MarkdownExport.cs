using System.Globalization;
using System.Text;

namespace PaperFeed.Export;

/// <summary>
/// A Markdown digest: a heading, then a numbered entry per paper: the title (linked when a link exists), upvotes,
/// authors, and the abstract's first sentence on the next line.
/// </summary>
internal static class MarkdownExport
{
    private const int MaxAuthors = 5;
    private const int MaxSentence = 400;

    public static void Write(TextWriter writer, IEnumerable<Paper> papers, ExportOptions options)
    {
        writer.Write("# ");
        writer.Write(Escape(options.Title));
        writer.Write("\n\n");
        int number = 0;
        foreach (var paper in papers)
        {
            number++;
            writer.Write(number.ToString(CultureInfo.InvariantCulture));
            writer.Write(". **");
            string? link = paper.GetHuggingFaceUrl();
            writer.Write(link is null ? Escape(paper.Title) : $"[{Escape(paper.Title)}](<{link}>)");
            writer.Write("**");
            if (paper.Upvotes is int upvotes) writer.Write(string.Create(CultureInfo.InvariantCulture, $" · {upvotes} upvote{(upvotes == 1 ? "" : "s")}"));
            if (Authors(paper) is string authors) writer.Write($" · {Escape(authors)}");
            writer.Write('\n');
            if (FirstSentence(paper.Abstract) is string sentence) writer.Write($"   {Escape(sentence)}\n");
        }
        if (number == 0) writer.Write("No papers.\n");
    }

    private static string? Authors(Paper paper)
    {
        if (paper.Authors.Count > 0)
        {
            string names = string.Join(", ", paper.Authors.Take(MaxAuthors).Select(a => a.Name));
            return paper.Authors.Count > MaxAuthors ? names + " et al." : names;
        }
        return paper.AuthorCount is int count ? string.Create(CultureInfo.InvariantCulture, $"{count} author{(count == 1 ? "" : "s")}") : null;
    }

    /// <summary>
    /// Up to the first <c>.</c>, <c>!</c> or <c>?</c> followed by a space and an upper-case letter (so "e.g. the" and
    /// "3.5" do not end it), or the whole abstract; cut at <see cref="MaxSentence"/> characters with an ellipsis.
    /// </summary>
    internal static string? FirstSentence(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        int end = text.Length;
        for (int i = 0; i + 2 < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ' && char.IsUpper(text[i + 2]))
            {
                end = i + 1;
                break;
            }
        }
        return end <= MaxSentence ? text[..end] : string.Concat(text.AsSpan(0, MaxSentence - 1).TrimEnd(), "…");
    }

    /// <summary>Backslash-escapes the characters that would start Markdown syntax inside running text.</summary>
    internal static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~') builder.Append('\\');
            builder.Append(c is '\r' or '\n' ? ' ' : c);
        }
        return builder.ToString();
    }
}
