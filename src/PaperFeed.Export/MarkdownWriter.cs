using System.Globalization;

namespace PaperFeed.Export;

/// <summary>
/// A Markdown digest, a paper at a time: a heading, then an ordered list with one item per paper: the title (bold,
/// outer whitespace trimmed, linked when the paper has an http(s) page), upvotes, authors, and the abstract's first sentence on the next line,
/// indented to the item's content column. All text goes through <see cref="MarkdownText"/>, so whatever a title or an
/// abstract holds, each paper is exactly one list item (CommonMark).
/// </summary>
internal sealed class MarkdownWriter(Stream destination, ExportOptions options) : DocumentWriter
{
    private const int MaxAuthors = 5;
    private const int MaxSentence = 400;

    private readonly StreamWriter _writer = new(destination, FeedExporter.Utf8, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\n" };
    private int _number;

    public override void Begin(DateTimeOffset? updated)
    {
        _writer.Write("# ");
        _writer.Write(MarkdownText.Escape(options.Title));
        _writer.Write("\n\n");
    }

    public override void Write(ExportItem item)
    {
        var paper = item.Paper;
        string marker = (++_number).ToString(CultureInfo.InvariantCulture) + ". ";
        _writer.Write(marker);
        // Outer whitespace cannot sit inside bold (CommonMark flanking rules) and would not show: it is trimmed. An empty
        // title would leave "****", a thematic break: such a paper shows its details only.
        string title = MarkdownText.Escape(paper.Title.Replace("\0", "", StringComparison.Ordinal).Trim());
        if (title.Length > 0) _writer.Write(item.Link is string link ? $"**[{title}](<{link}>)**" : $"**{title}**");
        if (paper.Upvotes is int upvotes) _writer.Write(string.Create(CultureInfo.InvariantCulture, $" · {upvotes} upvote{(upvotes == 1 ? "" : "s")}"));
        if (Authors(paper) is string authors) _writer.Write($" · {MarkdownText.Escape(authors)}");
        _writer.Write('\n');
        if (FirstSentence(paper.Abstract?.Replace("\0", "", StringComparison.Ordinal)) is string sentence)
        {
            // A continuation line belongs to the item only when indented to its content column (3 for "1. ", 4 for "10. ").
            _writer.Write(new string(' ', marker.Length));
            _writer.Write(MarkdownText.Escape(sentence, atLineStart: true));
            _writer.Write('\n');
        }
    }

    public override void End()
    {
        if (_number == 0) _writer.Write("No papers.\n");
        _writer.Flush();
    }

    public override void Dispose() => _writer.Dispose();

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
        if (end <= MaxSentence) return text[..end];
        int cut = char.IsHighSurrogate(text[MaxSentence - 2]) ? MaxSentence - 2 : MaxSentence - 1;
        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }
}
