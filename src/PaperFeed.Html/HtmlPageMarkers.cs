namespace PaperFeed.Html;

/// <summary>
/// The evidence that markup is a saved Hugging Face papers page, looked for in the detection head: a format is
/// accepted where the document shows its structure, not because it starts with <c>&lt;</c>.
/// </summary>
internal static class HtmlPageMarkers
{
    // Each is written only by the site's own pages (or by hand-made pages that copy its card markup).
    private static readonly byte[][] Markers =
    [
        "data-target=\"DailyPapers\""u8.ToArray(),
        "data-target=&quot;DailyPapers&quot;"u8.ToArray(),
        "DailyPapersPage"u8.ToArray(),
        "content=\"https://huggingface.co/papers"u8.ToArray(),
        "href=\"https://huggingface.co/papers"u8.ToArray(),
        "href=\"/papers/"u8.ToArray(),
    ];

    /// <summary>True for markup (not an RSS or Atom feed) that carries one of the page's markers.</summary>
    public static bool IsPapersPage(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith("\uFEFF"u8)) start = start[3..];
        start = start.TrimStart(" \t\r\n"u8);
        if (start.IsEmpty || start[0] != (byte)'<') return false;
        if (IsXmlFeed(start)) return false;
        foreach (var marker in Markers)
        {
            int at = start.IndexOf(marker);
            if (at < 0) continue;
            // A site-relative card link names a paper: /papers/2410.05434, not /papers/trending in a menu of another site.
            if (marker[^1] == (byte)'/' && marker.Length == 14)
            {
                if (HasPaperLink(start, marker)) return true;
                continue;
            }
            // The canonical address of the site's own page, not a link from another site's page to it.
            if (marker[0] == (byte)'h' && marker[5] == (byte)'"' && !IsOwnAddress(start, at)) continue;
            return true;
        }
        return false;
    }

    private static bool HasPaperLink(ReadOnlySpan<byte> start, ReadOnlySpan<byte> marker)
    {
        while (true)
        {
            int at = start.IndexOf(marker);
            if (at < 0) return false;
            start = start[(at + marker.Length)..];
            if (start.Length > 0 && char.IsAsciiDigit((char)start[0])) return true;
        }
    }

    /// <summary>An <c>href</c> that is the page's canonical link (<c>rel="canonical"</c> in the same tag).</summary>
    private static bool IsOwnAddress(ReadOnlySpan<byte> start, int at)
    {
        int tag = start[..at].LastIndexOf((byte)'<');
        if (tag < 0) return false;
        int end = start[at..].IndexOf((byte)'>');
        var element = end < 0 ? start[tag..] : start[tag..(at + end)];
        return element.IndexOf("canonical"u8) >= 0;
    }

    private static bool IsXmlFeed(ReadOnlySpan<byte> start)
    {
        var head = start[..Math.Min(start.Length, 4096)];
        if (head.IndexOf("<html"u8) >= 0 || head.IndexOf("<!DOCTYPE html"u8) >= 0 || head.IndexOf("<!doctype html"u8) >= 0) return false;
        return head.IndexOf("<rss"u8) >= 0 || head.IndexOf("<feed"u8) >= 0 || head.IndexOf("<rdf:RDF"u8) >= 0;
    }
}
