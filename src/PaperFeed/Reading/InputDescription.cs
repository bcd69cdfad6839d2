using System.Text;
using PaperFeed.IO;
using PaperFeed.Text;

namespace PaperFeed;

/// <summary>
/// Says what an input that no format accepted is, in one line a user can act on ("an HTML page that is not a Hugging
/// Face papers page", "JSON items with paper_url, stars and details: …"), from the detection head only. No message
/// names an internal type. Rules: docs/inputs.md, "Detection".
/// </summary>
internal static class InputDescription
{
    /// <summary>The error for an input whose head shows no format's structure.</summary>
    public static FeedFormatException Unrecognised(ReadOnlySpan<byte> head, bool entire, FeedReadContext context)
    {
        var content = InputStart.Content(head);
        if (!content.IsEmpty && content[0] == (byte)'<')
        {
            string markup = DescribeMarkup(content);
            bool htmlRegistered = context.Options.Formats.Any(f => f.Name == "html");
            return Error(DiagnosticCodes.UnsupportedFormat, DiagnosticLocation.None, htmlRegistered || markup.StartsWith("an RSS", StringComparison.Ordinal) || markup.StartsWith("an Atom", StringComparison.Ordinal)
                ? $"{markup}: PaperFeed reads saved Hugging Face papers pages only"
                : $"{markup}: reading HTML needs the PaperFeed.Html package's format added to the reader's formats", context);
        }
        if (!content.IsEmpty && content[0] is (byte)'[' or (byte)'{' && PaperFormatDetector.FirstObjectKeys(head) is { Count: > 0 } keys)
        {
            return Error(DiagnosticCodes.UnknownFormat, DiagnosticLocation.AtLine(1, 1),
                $"JSON items with {Keys(keys)}: not the Hugging Face API's shape (items with a paper object, or paper fields such as id, summary, " +
                "publishedAt) nor PaperFeed's (title, abstract, authors as objects, …)", context);
        }
        if (!content.IsEmpty && content[0] is (byte)'[' or (byte)'{')
        {
            return Error(DiagnosticCodes.UnknownFormat, DiagnosticLocation.AtLine(1, 1),
                "JSON of no shape PaperFeed reads: expected Hugging Face API items (with a paper object, or keys such as id, summary), " +
                "a listing page (dailyPapers) or PaperFeed's own feeds and papers (title, abstract, …)", context);
        }
        return Error(DiagnosticCodes.NotAListing, DiagnosticLocation.AtLine(1), $"not a Daily Papers listing: {DescribeText(content, entire)}; " +
            "read it as a text listing explicitly to parse it anyway", context);
    }

    private static FeedFormatException Error(string code, DiagnosticLocation location, string message, FeedReadContext context) =>
        new(new FeedDiagnostic(DiagnosticSeverity.Error, code, location, message, context.SourceName));

    private static string Keys(IReadOnlyList<string> keys)
    {
        var shown = keys.Select(k => k.Length > 40 ? k[..40] + "…" : k).ToList();
        return shown.Count == 1 ? $"the key {shown[0]}" : $"{string.Join(", ", shown.Take(shown.Count - 1))} and {shown[^1]}";
    }

    /// <summary>What markup is: an RSS or Atom feed, or an HTML page (with its title when it has one).</summary>
    private static string DescribeMarkup(ReadOnlySpan<byte> content)
    {
        string text = Encoding.UTF8.GetString(content[..Math.Min(content.Length, 8192)]);
        if (text.Contains("<rss", StringComparison.OrdinalIgnoreCase)) return "an RSS feed, not a papers page";
        if (text.Contains("<feed", StringComparison.OrdinalIgnoreCase) && text.Contains("http://www.w3.org/2005/Atom", StringComparison.Ordinal)) return "an Atom feed, not a papers page";
        string? title = null;
        int open = text.IndexOf("<title", StringComparison.OrdinalIgnoreCase);
        if (open >= 0)
        {
            int start = text.IndexOf('>', open) + 1;
            int end = start > 0 ? text.IndexOf("</title", start, StringComparison.OrdinalIgnoreCase) : -1;
            if (end > start) title = Text.LineQuote.Shorten(System.Net.WebUtility.HtmlDecode(text[start..end]).Trim());
        }
        return string.IsNullOrEmpty(title)
            ? "an HTML page that is not a Hugging Face papers page"
            : $"an HTML page that is not a Hugging Face papers page ('{title}')";
    }

    /// <summary>What text shows instead of a listing's structure.</summary>
    private static string DescribeText(ReadOnlySpan<byte> content, bool entire)
    {
        var evidence = TextInputDetector.Gather(Encoding.UTF8.GetString(content), entire);
        if (evidence.Lines == 0) return "it has no lines";
        if (evidence.AnyHeading && !evidence.LinkedTitle && !evidence.PlainCard)
        {
            return "Markdown with no paper cards (no ### title heading followed by a byline, vote box or code link, and no arxiv:ID over a paper's title)";
        }
        return "its first 16 KiB have no entry of a listing (a metadata block such as '• 4 authors', '·', 'Aug 25'), " +
            "no two header lines (Daily Papers, byAK and the research community, …) and no captured card (### [Title](https://huggingface.co/papers/…))";
    }
}
