namespace PaperFeed.Text.Captures;

/// <summary>
/// Reads a clipper or notebook export: every link is its text on one line and its URL on the next (blank lines
/// between). A card is the vote box (<c>[-] 12</c>, <c>[-] -</c>), the title linked to its paper page, the abstract
/// linked to the same page, the byline (<c>[</c> then <c>2 authors](…)</c>, or an organisation's link), a <c>·</c> and
/// the date, then maybe the comment count linked to <c>#community</c>. The first link to a new paper page is a
/// title; the next link to the same page is its abstract. Menus and other links are skipped.
/// </summary>
internal sealed class ClipperCaptureReader(CaptureAssembler cards, ReadSettings options) : CaptureLineReader(cards, options)
{
    private string? _pendingText;
    private int _pendingLine;

    public override void PushLine(ReadOnlySpan<char> raw, int lineNumber)
    {
        var line = raw.Trim();
        if (line.IsEmpty) return;
        if (CaptureSyntax.IsUrl(line))
        {
            Link(_pendingText ?? "", line, _pendingText is null ? lineNumber : _pendingLine);
            _pendingText = null;
            return;
        }
        _pendingText = null;
        if (CaptureSyntax.TryArrowVoteBox(line, out int? upvotes))
        {
            Cards.VoteBox(upvotes);
            return;
        }
        if (line.EndsWith(")") && line.IndexOf("](", StringComparison.Ordinal) is int close and > 0)
        {
            // The byline's link text ends on the same line as its URL: "2 authors](https://…)".
            if (Cards.InCard && CaptureSyntax.TryAuthorCount(line[..close], out int count)) Cards.Authors(count, lineNumber);
            return;
        }
        if (TryCommonLine(line, lineNumber) || line is "[" or "·") return;
        _pendingText = line.ToString();
        _pendingLine = lineNumber;
    }

    private void Link(string text, ReadOnlySpan<char> url, int lineNumber)
    {
        if (CaptureSyntax.PaperId(url) is string id)
        {
            if (text.Length == 0 || CaptureSyntax.IsFurnitureText(text)) return; // an avatar's link, or the page's own words
            if (Cards.InCard && id == Cards.CardArxivId)
            {
                if (!Cards.CardHasAbstract) Cards.Abstract(text, lineNumber);
                return;
            }
            Title(text, id, lineNumber);
            return;
        }
        // An organisation's page in place of the author count.
        if (text.Length > 0 && Cards.InCard && Cards.CardHasAbstract && !Cards.CardHasByline &&
            url.StartsWith("https://huggingface.co/", StringComparison.Ordinal) && !url.Contains('#') && !url.Contains('?'))
        {
            Cards.Organization(lineNumber);
        }
    }
}
