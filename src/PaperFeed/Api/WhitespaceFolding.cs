namespace PaperFeed.Api;

/// <summary>
/// Folds the API's and the HTML page's prose to one line: arXiv titles carry line wraps (a newline plus an
/// indent) and summaries carry hard newlines, which the text listing never has. Every run of whitespace
/// becomes one space; the ends are trimmed.
/// </summary>
internal static class WhitespaceFolding
{
    /// <summary>The folded text; null when <paramref name="text"/> is null or only whitespace. Returns the same instance when nothing changes.</summary>
    public static string? Fold(string? text)
    {
        if (text is null) return null;
        var span = text.AsSpan();
        if (!NeedsFolding(span)) return span.IsEmpty ? null : text;
        return FoldSlow(span);
    }

    private static bool NeedsFolding(ReadOnlySpan<char> span)
    {
        if (span.IsEmpty) return false;
        if (char.IsWhiteSpace(span[0]) || char.IsWhiteSpace(span[^1])) return true;
        bool previousSpace = false;
        foreach (char c in span)
        {
            if (c == ' ')
            {
                if (previousSpace) return true;
                previousSpace = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                return true;
            }
            else
            {
                previousSpace = false;
            }
        }
        return false;
    }

    private static string? FoldSlow(ReadOnlySpan<char> span)
    {
        span = span.Trim();
        if (span.IsEmpty) return null;
        var buffer = span.Length <= 512 ? stackalloc char[span.Length] : new char[span.Length];
        int length = 0;
        bool inSpace = false;
        foreach (char c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                inSpace = true;
                continue;
            }
            if (inSpace)
            {
                buffer[length++] = ' ';
                inSpace = false;
            }
            buffer[length++] = c;
        }
        return new string(buffer[..length]);
    }
}
