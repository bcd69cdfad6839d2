using System.Text;
using PaperFeed.Text.Captures;

namespace PaperFeed.Text;

/// <summary>
/// Tells text input apart from the first bytes only (the detection head, at most 16 KiB; rules in docs/format.md,
/// "Which text is a listing"): a Markdown capture has a <c>### [</c> title heading and something of the Daily
/// Papers page; a clipper export has a paper page URL alone on a line after a text line; a browser copy has a
/// header line or a metadata line (author count, <c>·</c>, a date). Anything else is not a listing.
/// </summary>
internal static class TextInputDetector
{
    /// <summary>The kind of text input that starts with <paramref name="head"/>; null when nothing in it is of a listing.</summary>
    /// <param name="head">The first bytes, after any BOM; whitespace-only means an empty listing.</param>
    /// <param name="isEntireInput">False when the input goes on: the last, possibly cut, line is not judged.</param>
    public static PaperFormat? Detect(ReadOnlySpan<byte> head, bool isEntireInput)
    {
        // Binary input is the text reader's to refuse, with the line and column of its NUL (PF901).
        if (head.Contains((byte)0)) return PaperFormat.TextListing;
        string text = Encoding.UTF8.GetString(head);
        if (string.IsNullOrWhiteSpace(text)) return PaperFormat.TextListing;
        var rest = text.AsSpan();
        bool titleHeading = false, pageSign = false, clipperLink = false, listingLine = false;
        bool previousIsText = false;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOfAny('\r', '\n');
            if (end < 0 && !isEntireInput) break;
            var line = (end < 0 ? rest : rest[..end]).Trim();
            rest = end < 0 ? default : rest[(end + 1)..];
            if (line.IsEmpty) continue;
            if (line.StartsWith("###") && line[3..].TrimStart().StartsWith("[")) titleHeading = true;
            if (line.Contains("huggingface.co/papers", StringComparison.Ordinal) || CaptureSyntax.IsHeaderPhrase(line) ||
                line.EndsWith("and the research community", StringComparison.Ordinal)) pageSign = true;
            bool isUrl = CaptureSyntax.IsUrl(line);
            if (isUrl && previousIsText && CaptureSyntax.PaperId(line) is not null) clipperLink = true;
            previousIsText = !isUrl;
            if (LineClassifier.Classify(line).Kind is LineKind.Header or LineKind.Authors or LineKind.Separator or LineKind.Date) listingLine = true;
        }
        if (titleHeading && pageSign) return PaperFormat.MarkdownCapture;
        if (clipperLink) return PaperFormat.ClipperCapture;
        return listingLine ? PaperFormat.TextListing : null;
    }
}
