using PaperFeed.Text;

namespace PaperFeed.Api;

/// <summary>An abstract from API or HTML input made like the text listing's: folded to one line, repeated sentences collapsed as the options say.</summary>
internal static class AbstractText
{
    /// <summary>The abstract, or null when there is none; <paramref name="collapsedRuns"/> counts the repeated runs dropped.</summary>
    public static string? Normalize(string? text, ReadSettings options, out int collapsedRuns) =>
        Normalize(text, options.DuplicateSentences, out collapsedRuns);

    /// <inheritdoc cref="Normalize(string?, ReadSettings, out int)"/>
    public static string? Normalize(string? text, DuplicateSentenceHandling duplicates, out int collapsedRuns)
    {
        collapsedRuns = 0;
        string? folded = WhitespaceFolding.Fold(text);
        if (folded is null || duplicates != DuplicateSentenceHandling.Collapse) return folded;
        var dropped = new List<int>();
        string? collapsed = DuplicateSentenceCollapser.Collapse(folded, dropped);
        collapsedRuns = dropped.Count;
        return collapsed ?? folded;
    }
}
