using System.Text;
using PaperFeed.Api;

namespace PaperFeed.Text.Captures;

/// <summary>
/// Reads a Markdown capture (a web-to-Markdown reader, <c>lynx -dump</c>-like tools, firecrawl): a card's title is a
/// <c>### [Title](https://huggingface.co/papers/…)</c> or <c>### [Title][32]</c> heading, possibly wrapped onto
/// further <c>###</c> lines; every other card part is a link whose text may span many lines (<c>[</c> … <c>][33]</c>):
/// the vote box (<c>-</c> or a count), the abstract, the byline (<c>* 3 authors</c>, or an organisation). Links are
/// followed by bracket depth, so avatar images inside a byline do not end it. Menus and other links are skipped.
/// </summary>
internal sealed class MarkdownCaptureReader(CaptureAssembler cards, ReadSettings options) : CaptureLineReader(cards, options)
{
    private readonly StringBuilder _block = new();
    private bool _inBlock;
    private bool _blockIsTitle;
    private bool _blockStartedAlone;
    private int _blockLine;
    private int _depth;

    public override void PushLine(ReadOnlySpan<char> raw, int lineNumber)
    {
        var line = raw.Trim();
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
        if (line.IsEmpty) return;
        if (StartsTitle(line))
        {
            StartBlock(line[3..].TrimStart(), lineNumber, isTitle: true);
            return;
        }
        if (TryReferenceDefinition(line)) return;
        if (CaptureSyntax.TryArrowVoteBox(line, out int? upvotes))
        {
            Cards.VoteBox(upvotes);
            return;
        }
        if (line[0] == '[')
        {
            StartBlock(line, lineNumber, isTitle: false);
            return;
        }
        TryCommonLine(line, lineNumber);
    }

    public override void Complete()
    {
        if (_inBlock) AbandonBlock();
        base.Complete();
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
        _block.Append('\n');
        if (_block.Length + line.Length > Options.MaxLineLength)
        {
            Cards.ReportLine(DiagnosticCodes.LineTooLong, _blockLine, null, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"a link that never closes runs past the limit of {Options.MaxLineLength} characters; skipped"));
            _inBlock = false;
            _block.Clear();
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

    private void Close(ReadOnlySpan<char> target)
    {
        string? url = null, reference = null;
        if (target.StartsWith("(") && target.EndsWith(")")) url = target[1..^1].Trim().ToString();
        else if (target.StartsWith("[") && target.EndsWith("]")) reference = target[1..^1].ToString();
        else return; // brackets in prose, not a link
        string text = WhitespaceFolding.Fold(CaptureSyntax.Unescape(_block.ToString())) ?? "";
        if (_blockIsTitle)
        {
            if (text.Length > 0) Title(text, url is null ? null : CaptureSyntax.PaperId(url), _blockLine, reference);
            return;
        }
        if (url is not null && url.Contains("#community", StringComparison.Ordinal)) return; // a comment count
        if (CaptureSyntax.TryVoteBox(text, out int? upvotes))
        {
            Cards.VoteBox(upvotes);
            return;
        }
        if (!Cards.InCard) return;
        if (CaptureSyntax.TryAuthorCount(text, out int count))
        {
            Cards.Authors(count, _blockLine);
        }
        else if (!Cards.CardHasAbstract && (url is null ? _blockStartedAlone : CaptureSyntax.PaperId(url) is not null))
        {
            Cards.Abstract(text, _blockLine);
        }
        else if (Cards.CardHasAbstract && !Cards.CardHasByline && text.Length > 0)
        {
            Cards.Organization(_blockLine);
        }
    }

    private void AbandonBlock()
    {
        _inBlock = false;
        _block.Clear();
        if (!_blockIsTitle && Cards.InCard && !Cards.CardHasAbstract) Cards.AbstractCutOff();
    }
}
