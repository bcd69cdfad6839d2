namespace PaperFeed.Text;

/// <summary>How a text reader quotes an input line in a diagnostic message: short enough to stay one readable line.</summary>
internal static class LineQuote
{
    /// <summary>The line's first 40 characters, with an ellipsis when it is longer.</summary>
    public static string Shorten(ReadOnlySpan<char> line) => line.Length <= 40 ? line.ToString() : string.Concat(line[..40], "…");
}
