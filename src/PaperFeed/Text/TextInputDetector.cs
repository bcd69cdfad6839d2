using System.Text;
using PaperFeed.Text.Captures;

namespace PaperFeed.Text;

/// <summary>
/// Tells text input apart from the first bytes only (the detection head, at most 16 KiB; rules in docs/format.md,
/// "Which text is a listing"), by the structure the head shows, never by one line: a Markdown capture has cards (a
/// <c>### [Title](…/papers/ID)</c> heading with something of the page, or <c>### Title</c> headings followed by a card's
/// byline, vote box or code link) or is a paper's own page (<c>arxiv:ID</c> then its <c># Title</c>); a clipper export has a
/// paper page URL alone on a line after a text line; a browser copy has two of the page's header lines, one of its own
/// phrases (<c>Get trending papers in your email inbox!</c>, <c>byAK and the research community</c>, a <c>• 4 authors</c>
/// line), a metadata block (an author count then <c>·</c>, or <c>·</c> then a date), a header line then the page date, or
/// the page date first with an entry after it. Anything else is not a listing.
/// </summary>
internal static class TextInputDetector
{
    // How many non-blank lines after a "### Title" heading may hold the card's byline, vote box or code link.
    private const int CardReach = 40;

    /// <summary>The kind of text input that starts with <paramref name="head"/>; null when nothing in it is of a listing.</summary>
    /// <param name="head">The first bytes, after any BOM; whitespace-only means an empty listing.</param>
    /// <param name="isEntireInput">False when the input goes on: the last, possibly cut, line is not judged.</param>
    public static PaperFormat? Detect(ReadOnlySpan<byte> head, bool isEntireInput)
    {
        // Binary input is the text reader's to refuse, with the line and column of its NUL (PF901).
        if (head.Contains((byte)0)) return PaperFormat.TextListing;
        string text = Encoding.UTF8.GetString(head);
        if (string.IsNullOrWhiteSpace(text)) return PaperFormat.TextListing;
        var evidence = Gather(text, isEntireInput);
        if (evidence.PaperPage || (evidence.LinkedTitle && evidence.PageSign) || (evidence.PlainCard && evidence.PageSign)) return PaperFormat.MarkdownCapture;
        if (evidence.ClipperLink) return PaperFormat.ClipperCapture;
        // Header phrases prove a browser copy only in plain text: in Markdown (links, headings) they are a capture's furniture.
        // A capture tool's front matter (a "---" block opening the file) is never part of a browser copy.
        bool plain = !evidence.MarkdownLinks && !evidence.AnyHeading && !evidence.FrontMatter;
        return (plain && (evidence.HeaderLines >= 2 || evidence.StrongLine)) || evidence.MetadataBlock ? PaperFormat.TextListing : null;
    }

    /// <summary>What the head shows of each kind of listing.</summary>
    internal readonly record struct Evidence(
        bool LinkedTitle, bool PlainCard, bool PaperPage, bool PageSign, bool ClipperLink, int HeaderLines, bool MetadataBlock, int Lines, bool AnyHeading, bool StrongLine, bool MarkdownLinks, bool FrontMatter);

    private static readonly string[] CaptureFields = ["url: ", "title: ", "source: ", "source_id: ", "URL Source: ", "Title: ", "URL: "];

    /// <summary>A field that capture tools write at the top of their output (<c>url: https://…</c>, <c>Title: …</c>).</summary>
    private static bool IsCaptureField(ReadOnlySpan<char> line)
    {
        foreach (string field in CaptureFields)
        {
            if (line.StartsWith(field, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    internal static Evidence Gather(string text, bool isEntireInput)
    {
        var rest = text.AsSpan();
        bool linkedTitle = false, plainCard = false, paperPage = false, pageSign = false, clipperLink = false, metadata = false, anyHeading = false;
        bool previousIsText = false, previousIsArxivId = false;
        int headerMask = 0, lines = 0, firstDateAt = -1;
        bool strong = false, markdownLinks = false, frontMatter = false;
        int plainTitleAt = -1; // non-blank line number of the last "### Title" heading
        LineKind previousKind = LineKind.Text;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOfAny('\r', '\n');
            if (end < 0 && !isEntireInput) break;
            var line = (end < 0 ? rest : rest[..end]).Trim();
            rest = end < 0 ? default : rest[(end + 1)..];
            if (line.IsEmpty) continue;
            lines++;
            // A capture tool's front matter: a "---" block, or its fields without the opening line (url:, title:, …).
            if (lines == 1 && (line.SequenceEqual("---") || IsCaptureField(line))) frontMatter = true;
            if (line[0] == '#') anyHeading = true;
            // Markdown a browser copy never has: a link, a bold field label (**URL:**), a rule or setext underline.
            if (line.Contains("](", StringComparison.Ordinal) || line.StartsWith("**") || PageFurniture.IsRule(line)) markdownLinks = true;
            if (line.StartsWith("###") && !line.StartsWith("####"))
            {
                var title = line[3..].TrimStart();
                if (title.StartsWith("[")) linkedTitle = true;
                else if (title.Length > 0) plainTitleAt = lines;
            }
            else if (plainTitleAt > 0 && lines - plainTitleAt <= CardReach && CaptureSyntax.IsCardPart(line))
            {
                plainCard = true;
            }
            if (previousIsArxivId && line.StartsWith("# ")) paperPage = true;
            previousIsArxivId = CaptureSyntax.IsArxivLabel(line);
            if (line.Contains("huggingface.co/papers", StringComparison.Ordinal) || CaptureSyntax.IsHeaderPhrase(line) ||
                CaptureSyntax.IsPageHeading(line) || line.EndsWith("and the research community", StringComparison.Ordinal)) pageSign = true;
            bool isUrl = CaptureSyntax.IsUrl(line);
            if (isUrl && previousIsText && CaptureSyntax.PaperId(line) is not null) clipperLink = true;
            previousIsText = !isUrl;
            var kind = LineClassifier.Classify(line);
            if (kind.Kind == LineKind.Header) headerMask |= 1 << kind.HeaderIndex;
            // Lines only the page has: its header phrases, and the browser copy's bulleted author count.
            if (CaptureSyntax.IsHeaderPhrase(line) || line.SequenceEqual(LineClassifier.HeaderLines[4]) ||
                (kind.Kind == LineKind.Authors && line[0] == '•')) strong = true;
            // A header line then the page date, or the page date opening the copy with an entry (title, abstract) after it.
            if (previousKind == LineKind.Header && kind.Kind == LineKind.Date) metadata = true;
            if (lines == 1 && kind.Kind == LineKind.Date) firstDateAt = 1;
            if (firstDateAt == 1 && lines == 3 && kind.Kind == LineKind.Text && previousKind == LineKind.Text) metadata = true;
            // A metadata block: "• 4 authors" then "·", or "·" then a date; a lone "·" or date proves nothing.
            if ((previousKind == LineKind.Authors && kind.Kind == LineKind.Separator) ||
                (previousKind == LineKind.Separator && kind.Kind == LineKind.Date)) metadata = true;
            previousKind = kind.Kind;
        }
        return new Evidence(linkedTitle, plainCard, paperPage, pageSign, clipperLink, System.Numerics.BitOperations.PopCount((uint)headerMask), metadata, lines, anyHeading, strong, markdownLinks, frontMatter);
    }
}
