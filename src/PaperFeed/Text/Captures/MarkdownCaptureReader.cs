using System.Text;
using PaperFeed.Api;

namespace PaperFeed.Text.Captures;

/// <summary>
/// Reads a Markdown capture (a web-to-Markdown reader, <c>lynx -dump</c>-like tools, firecrawl, HTML-to-Markdown
/// converters). A card's title is a <c>### [Title](https://huggingface.co/papers/…)</c> or <c>### [Title][32]</c>
/// heading, possibly wrapped onto further lines, or a plain <c>### Title</c> heading that counts only when a card's part
/// follows it. The other card parts are links whose text may span many lines (<c>[</c> … <c>][33]</c>) or plain lines:
/// the vote box (before the card, or after it naming its paper), the abstract (a link or a paragraph), the byline
/// (<c>- 3 authors</c>, an organisation's link, <c>· Published on …</c>), the code link with its stars, and
/// <c>Submitted by</c> with the user. Links are followed by bracket depth, so avatar images inside a byline do not end
/// it. A paper's own page (<c>arxiv:ID</c> over <c># Title</c>) is read as one card. Menus, headings, image
/// placeholders and other links are skipped. Rules: docs/format.md §7.
/// </summary>
internal sealed class MarkdownCaptureReader(CaptureAssembler cards, ReadSettings options) : CaptureLineReader(cards, options)
{
    private enum PaperPage { None, Head, Authors, Abstract, Done }

    private readonly StringBuilder _block = new();
    private bool _inBlock;
    private bool _blockIsTitle;
    private bool _blockStartedAlone;
    private int _blockLine;
    private int _depth;

    // A plain "### Title" heading, which may wrap onto the next lines.
    private StringBuilder? _plainTitle;
    private int _plainTitleLine;

    // A paragraph of prose in a card: its abstract (or AI summary) when no link holds one.
    private readonly StringBuilder _paragraph = new();
    private int _paragraphLine;

    private bool _expectSubmitter;
    private bool _sawLinkedTitle; // a capture whose cards have linked titles: its plain headings are the page's
    private bool _runaway; // the rest of a link that ran past the line limit, up to a blank line or a title
    private string? _arxivLabel;
    private PaperPage _page;
    private readonly List<string> _pageParagraphs = [];

    public override void PushLine(ReadOnlySpan<char> raw, int lineNumber)
    {
        var line = raw.Trim();
        if (_page == PaperPage.Done) return;
        if (_inBlock)
        {
            // A heading inside an open link means the link never closed (the capture lost its end).
            if (_blockIsTitle || !StartsTitle(line))
            {
                ContinueBlock(line);
                return;
            }
            AbandonBlock();
        }
        if (_plainTitle is not null)
        {
            if (!line.IsEmpty && !line.StartsWith("#") && !line.StartsWith("[") && !CaptureSyntax.IsCardPart(line))
            {
                _plainTitle.Append(' ').Append(line);
                return;
            }
            FinishPlainTitle();
        }
        if (_paragraph.Length > 0)
        {
            if (!line.IsEmpty && ContinuesParagraph(line))
            {
                _paragraph.Append('\n').Append(line);
                return;
            }
            FinishParagraph();
        }
        if (line.IsEmpty)
        {
            _runaway = false;
            return;
        }
        if (_runaway && !StartsTitle(line) && !IsPlainTitle(line)) return;
        _runaway = false;
        if (_page != PaperPage.None)
        {
            PushPaperPageLine(line, lineNumber);
            return;
        }
        if (_arxivLabel is not null && line.StartsWith("# ") && !Cards.InCard && !CaptureSyntax.IsFurnitureText(line[2..]))
        {
            StartPaperPage(line[2..].Trim(), lineNumber);
            return;
        }
        _arxivLabel = CaptureSyntax.IsArxivLabel(line) ? line[6..].Trim().ToString() : null;
        if (StartsTitle(line))
        {
            _sawLinkedTitle = true;
            _expectSubmitter = false;
            StartBlock(line[3..].TrimStart(), lineNumber, isTitle: true);
            return;
        }
        if (IsPlainTitle(line) && !_sawLinkedTitle && !CaptureSyntax.IsSiteHeading(line[4..].Trim()))
        {
            _expectSubmitter = false;
            _plainTitle = new StringBuilder().Append(line[3..].Trim());
            _plainTitleLine = lineNumber;
            return;
        }
        if (TryReferenceDefinition(line)) return;
        if (CaptureSyntax.TryArrowVoteBox(line, out int? upvotes))
        {
            Cards.VoteBox(upvotes);
            return;
        }
        if (line[0] == '[' && !CaptureSyntax.IsImagePlaceholder(line))
        {
            StartBlock(line, lineNumber, isTitle: false);
            return;
        }
        PushPlainLine(line, lineNumber);
    }

    public override void Complete()
    {
        if (_inBlock) AbandonBlock();
        if (_plainTitle is not null) FinishPlainTitle();
        if (_paragraph.Length > 0) FinishParagraph();
        if (_page is PaperPage.Abstract) FinishPaperAbstract();
        base.Complete();
    }

    /// <summary>A line that is no link and no title: submitter, byline parts, the page's period, or a card's prose.</summary>
    private void PushPlainLine(ReadOnlySpan<char> line, int lineNumber)
    {
        if (line.SequenceEqual("Submitted by"))
        {
            _expectSubmitter = true;
            return;
        }
        if (CaptureSyntax.IsImagePlaceholder(line) || line.StartsWith("<")) return;
        if (_expectSubmitter)
        {
            _expectSubmitter = false;
            if (!line.ContainsAny(' ', '[', '#')) Cards.Submitter(line.ToString());
            return;
        }
        if (CaptureSyntax.IsTrendingHeading(line)) Cards.Period(FeedPeriod.Trending);
        else if (CaptureSyntax.LabelledPeriod(line) is FeedPeriod period) Cards.Period(period);
        if (CaptureSyntax.TryBylineDate(line, out var date))
        {
            Cards.Date(date, lineNumber, line);
            return;
        }
        if (TryCommonLine(line, lineNumber)) return;
        if (line[0] is '-' or '*' or '•')
        {
            if (Cards.InCard && CaptureSyntax.TryAuthorCount(line, out int count)) Cards.Authors(count, lineNumber);
            return;
        }
        if (line[0] is '#' or '|' or '!' or '·' or '>' or '`' or '=') return;
        if (Cards.InCard && !Cards.CardHasAbstract && !Cards.CardHasByline)
        {
            _paragraph.Append(line);
            _paragraphLine = lineNumber;
        }
    }

    /// <summary>Whether a line goes on with the paragraph before it (a hard-wrapped abstract), not a card part after it.</summary>
    private static bool ContinuesParagraph(ReadOnlySpan<char> line) =>
        !line.StartsWith("- ") && line[0] is not ('[' or '#' or '<' or '·' or '*' or '!') && !CaptureSyntax.IsCardPart(line) &&
        !line.SequenceEqual("Submitted by") && !line.SequenceEqual("AI-generated summary");

    private void FinishParagraph()
    {
        string? text = WhitespaceFolding.Fold(CaptureSyntax.StripInlineLinks(CaptureSyntax.Unescape(_paragraph.ToString())));
        _paragraph.Clear();
        if (text is null) return;
        if (_page == PaperPage.Abstract)
        {
            // The page's own words ("Reply", "See translation") are never part of the abstract, even out of place.
            if (!CaptureSyntax.IsFurnitureText(text)) _pageParagraphs.Add(text);
            return;
        }
        if (Cards.InCard && !Cards.CardHasAbstract && !CaptureSyntax.IsFurnitureText(text)) Cards.Abstract(text, _paragraphLine);
    }

    private static bool IsPlainTitle(ReadOnlySpan<char> line) =>
        line.StartsWith("### ") && !line.StartsWith("####") && line[4..].Trim().Length > 0 && line[4..].TrimStart()[0] != '[';

    private void FinishPlainTitle()
    {
        string? title = WhitespaceFolding.Fold(CaptureSyntax.Unescape(_plainTitle!.ToString()));
        _plainTitle = null;
        if (title is not null && !CaptureSyntax.IsFurnitureText(title)) Title(title, null, _plainTitleLine, needsEvidence: true);
    }

    private static bool StartsTitle(ReadOnlySpan<char> line) => line.StartsWith("###") && line[3..].TrimStart().StartsWith("[");

    private void StartBlock(ReadOnlySpan<char> line, int lineNumber, bool isTitle)
    {
        _inBlock = true;
        _blockIsTitle = isTitle;
        _blockStartedAlone = line.Length == 1;
        _blockLine = lineNumber;
        _block.Clear();
        _depth = 1;
        Scan(line[1..]);
    }

    private void ContinueBlock(ReadOnlySpan<char> line)
    {
        // A wrapped title repeats the heading marks on each line.
        if (_blockIsTitle && line.StartsWith("###")) line = line[3..].TrimStart();
        else if (_blockIsTitle && line.IsEmpty)
        {
            // A title never holds a blank line: its link lost its end (a damaged capture). Reading on would make the
            // cards after it one title; the card is skipped and what follows cannot attach to the card before it.
            Cards.ReportLine(DiagnosticCodes.UnexpectedLine, _blockLine, null, "a title's link never closes before a blank line; the card is skipped");
            AbandonBlock();
            Cards.EndCard();
            return;
        }
        _block.Append('\n');
        if (_block.Length + line.Length > Options.MaxLineLength)
        {
            Cards.ReportLine(DiagnosticCodes.LineTooLong, _blockLine, null, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"a link that never closes runs past the limit of {Options.MaxLineLength} characters; skipped"));
            _inBlock = false;
            _block.Clear();
            _runaway = true;
            return;
        }
        Scan(line);
    }

    /// <summary>Follows bracket depth through the link text; at the bracket that closes it, reads the target.</summary>
    private void Scan(ReadOnlySpan<char> line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '\\' && i + 1 < line.Length && line[i + 1] is '[' or ']')
            {
                i++;
                continue;
            }
            if (c == '[') _depth++;
            else if (c == ']' && --_depth == 0)
            {
                _block.Append(line[..i]);
                _inBlock = false;
                Close(line[(i + 1)..]);
                return;
            }
        }
        _block.Append(line);
    }

    /// <summary><c>[32]: https://huggingface.co/papers/2410.05434</c>, where a reference link's target is defined.</summary>
    private bool TryReferenceDefinition(ReadOnlySpan<char> line)
    {
        int close = line.IndexOf("]:");
        if (close < 2 || line[0] != '[' || line[1..close].ContainsAny('[', ']')) return false;
        var target = line[(close + 2)..].Trim();
        int space = target.IndexOfAny(' ', '\t');
        if (space >= 0) target = target[..space]; // an optional "title" after the URL
        Cards.DefineReference(line[1..close].ToString(), CaptureSyntax.PaperId(target.Trim('<').Trim('>')));
        return true;
    }

    /// <summary>The link's target (<c>(url)</c> or <c>[ref]</c>), then whatever follows it on the line (a byline's date, a second link).</summary>
    private void Close(ReadOnlySpan<char> target)
    {
        string? url = null, reference = null;
        ReadOnlySpan<char> tail;
        if (target.StartsWith("("))
        {
            int end = target.IndexOf(')');
            if (end < 0) return; // brackets in prose, not a link
            var inside = target[1..end].Trim();
            int space = inside.IndexOf(' ');
            url = (space < 0 ? inside : inside[..space]).ToString(); // an optional "title" after the URL
            tail = target[(end + 1)..];
        }
        else if (target.StartsWith("["))
        {
            int end = target.IndexOf(']');
            if (end < 0) return;
            reference = target[1..end].ToString();
            tail = target[(end + 1)..];
        }
        else return; // brackets in prose, not a link
        int line = _blockLine;
        string text = WhitespaceFolding.Fold(CaptureSyntax.Unescape(_block.ToString())) ?? "";
        if (_blockIsTitle)
        {
            string title = CaptureSyntax.StripInlineLinks(CaptureSyntax.WithoutImages(text)).Trim();
            if (title.Length > 0 && !CaptureSyntax.IsFurnitureText(title)) Title(title, url is null ? null : CaptureSyntax.PaperId(url), line, reference);
        }
        else
        {
            Link(text, url, line);
        }
        tail = tail.Trim();
        if (!tail.IsEmpty && _page != PaperPage.Done) PushLine(tail, line);
    }

    private void Link(string text, string? url, int line)
    {
        if (url is not null && url.Contains("#community", StringComparison.Ordinal)) return; // a comment count
        if (CaptureSyntax.TryUpvoteLink(text, url, out int? votes, out string? votedPaper))
        {
            Cards.VoteBox(votes, votedPaper);
            return;
        }
        if (CaptureSyntax.TryVoteBox(text, out int? upvotes))
        {
            Cards.VoteBox(upvotes);
            return;
        }
        string shown = CaptureSyntax.StripInlineLinks(CaptureSyntax.WithoutImages(text));
        if (_expectSubmitter)
        {
            _expectSubmitter = false;
            if (shown.Length > 0 && !shown.Contains(' ', StringComparison.Ordinal)) Cards.Submitter(shown);
            return;
        }
        if (shown.Length == 0) return; // a thumbnail or an avatar linked to a page
        if (CaptureSyntax.TryGithubLink(shown, url, out int? stars))
        {
            Cards.Github(url!, stars);
            return;
        }
        if (!Cards.InCard || _page != PaperPage.None) return;
        if (CaptureSyntax.TryAuthorCount(shown, out int count))
        {
            Cards.Authors(count, line);
            return;
        }
        string? linked = url is null ? null : CaptureSyntax.PaperId(url);
        // The abstract links to the card's own paper: a link to another paper (the next card's thumbnail) is not it.
        bool ownPaper = linked is not null && (Cards.CardArxivId is null || linked == Cards.CardArxivId);
        if (!Cards.CardHasAbstract && (url is null ? _blockStartedAlone : ownPaper) && !CaptureSyntax.IsFurnitureText(shown))
        {
            Cards.Abstract(shown, line);
        }
        else if (Cards.CardHasAbstract && !Cards.CardHasByline && linked is null)
        {
            Cards.Organization(line, OrganizationOf(shown, url));
        }
    }

    /// <summary>An organisation's profile link (<c>https://huggingface.co/kandinskylab</c>, <c>/kandinskylab</c>) and its shown name.</summary>
    private static Organization? OrganizationOf(string name, string? url)
    {
        if (url is null) return null;
        var path = url.AsSpan();
        if (path.StartsWith("https://huggingface.co/", StringComparison.Ordinal)) path = path[23..];
        else if (path.StartsWith("/", StringComparison.Ordinal)) path = path[1..];
        else return null;
        path = path.TrimEnd('/');
        if (path.IsEmpty || path.ContainsAny('/', '?', '#') || path.Contains(' ')) return null;
        return new Organization(path.ToString(), name);
    }

    private void AbandonBlock()
    {
        _inBlock = false;
        _block.Clear();
        if (!_blockIsTitle && Cards.InCard && !Cards.CardHasAbstract) Cards.AbstractCutOff();
    }

    /// <summary>A paper's own page: <c>arxiv:ID</c> then its <c># Title</c>; one card, read up to the end of its abstract.</summary>
    private void StartPaperPage(ReadOnlySpan<char> title, int lineNumber)
    {
        _page = PaperPage.Head;
        Cards.MarkPaperPage();
        string? text = WhitespaceFolding.Fold(CaptureSyntax.Unescape(title.ToString()));
        if (text is not null) Title(text, _arxivLabel, lineNumber);
        _arxivLabel = null;
    }

    private void PushPaperPageLine(ReadOnlySpan<char> line, int lineNumber)
    {
        if (line.StartsWith("## Abstract"))
        {
            _page = PaperPage.Abstract;
            return;
        }
        if (_page == PaperPage.Abstract)
        {
            if (line.SequenceEqual("AI-generated summary"))
            {
                _pageParagraphs.Add(AiSummaryMark);
                return;
            }
            if (line[0] is '[' or '#' or '!' or '*')
            {
                FinishPaperAbstract();
                return;
            }
            _paragraph.Append(line);
            _paragraphLine = lineNumber;
            return;
        }
        if (line.SequenceEqual("Authors:"))
        {
            _page = PaperPage.Authors;
            return;
        }
        if (line.SequenceEqual("Submitted by"))
        {
            _expectSubmitter = true;
            return;
        }
        if (line[0] == '[')
        {
            StartBlock(line, lineNumber, isTitle: false);
            return;
        }
        if (_page == PaperPage.Authors)
        {
            // Names one per line, a "," line between them; a linked name keeps its text.
            if (line.SequenceEqual(",") || line[0] is '*' or '!' or '#') return;
            string? name = WhitespaceFolding.Fold(CaptureSyntax.StripInlineLinks(line.TrimEnd(',').ToString()));
            if (name is not null) Cards.AuthorName(name);
            return;
        }
        if (CaptureSyntax.TryBylineDate(line, out var date)) Cards.Date(date, lineNumber, line);
    }

    private const string AiSummaryMark = "\u0000ai-summary";

    /// <summary>
    /// The page's abstract section: where it says <c>AI-generated summary</c>, the paragraph before that is the AI summary
    /// and what follows is the abstract; otherwise it is all the abstract.
    /// </summary>
    private void FinishPaperAbstract()
    {
        if (_paragraph.Length > 0) FinishParagraph();
        _page = PaperPage.Done;
        int mark = _pageParagraphs.IndexOf(AiSummaryMark);
        string? summary = mark > 0 ? _pageParagraphs[mark - 1] : null;
        var body = mark < 0 ? _pageParagraphs : _pageParagraphs.Skip(mark + 1).Where(p => p != AiSummaryMark).ToList();
        if (summary is not null) Cards.AiSummary(summary);
        if (body.Count > 0) Cards.Abstract(string.Join(" ", body), _paragraphLine);
        _pageParagraphs.Clear();
    }
}
