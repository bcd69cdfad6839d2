using PaperFeed.Api;
using PaperFeed.Text;

namespace PaperFeed;

/// <summary>
/// The rules PaperFeed's readers apply to a paper's text, for readers of other packages (PaperFeed.Html's rendered
/// cards) and third-party <see cref="FeedFormat"/>s that build <see cref="Paper"/> records and must give the same
/// fields as the core's readers: whitespace folding, abstract normalisation, and the text listing's metadata lines
/// (<c>4 authors</c>, <c>Aug 25, 2023</c> with an optional upvote count). Thread-safe. Rules: docs/format.md.
/// </summary>
public static class PaperText
{
    /// <summary>
    /// Folds text to one line as every reader does for titles and API prose: each run of whitespace (line wraps,
    /// indents, tabs) becomes one space, and the ends are trimmed.
    /// </summary>
    /// <param name="text">The text, or null.</param>
    /// <returns>The folded text (the same instance when nothing changes); null when <paramref name="text"/> is null, empty or only whitespace.</returns>
    public static string? FoldWhitespace(string? text) => WhitespaceFolding.Fold(text);

    /// <summary>
    /// An abstract made as every reader makes it: whitespace folded (see <see cref="FoldWhitespace"/>), then, when
    /// <paramref name="duplicates"/> is <see cref="DuplicateSentenceHandling.Collapse"/>, runs of sentences repeated
    /// immediately (a copy-paste artefact: <c>A B C C</c>) collapsed to one copy.
    /// </summary>
    /// <param name="text">The abstract as the input gives it, or null.</param>
    /// <param name="duplicates">What to do with repeated sentences (<see cref="TextOptions.DuplicateSentences"/>).</param>
    /// <param name="collapsedRuns">How many repeated runs were dropped: a reader reports <see cref="DiagnosticCodes.DuplicateSentences"/> when it is more than 0.</param>
    /// <returns>The abstract; null when <paramref name="text"/> is null or only whitespace.</returns>
    public static string? NormalizeAbstract(string? text, DuplicateSentenceHandling duplicates, out int collapsedRuns) =>
        AbstractText.Normalize(text, duplicates, out collapsedRuns);

    /// <summary>
    /// Reads the text listing's author-count line: <c>4 authors</c>, <c>1 author</c>, with or without the bullet
    /// (<c>• 4 authors</c>). Surrounding whitespace is ignored.
    /// </summary>
    /// <param name="text">The line.</param>
    /// <param name="count">The number of authors; 0 when the line is not one.</param>
    /// <returns>True when the line is an author count.</returns>
    public static bool TryParseAuthorCount(ReadOnlySpan<char> text, out int count)
    {
        var line = Classify(text);
        count = line.Kind == LineKind.Authors ? line.Count : 0;
        return line.Kind == LineKind.Authors;
    }

    /// <summary>
    /// Reads the text listing's date line: <c>Aug 25, 2023</c> or <c>Aug 25</c> (no year), optionally followed by the
    /// card's upvote count (<c>Aug 25, 2023 42</c>; a number after the day without a comma is a count, never a year).
    /// Surrounding whitespace is ignored. Unlike <see cref="PaperDate.TryParse(ReadOnlySpan{char}, out PaperDate)"/>,
    /// an ISO date is not a date line.
    /// </summary>
    /// <param name="text">The line.</param>
    /// <param name="date">The date (without a year when the line has none); default when the line is not one.</param>
    /// <param name="upvotes">The upvote count after the date, when the line has one.</param>
    /// <returns>True when the line is a date line.</returns>
    public static bool TryParseDateLine(ReadOnlySpan<char> text, out PaperDate date, out int? upvotes)
    {
        var line = Classify(text);
        bool isDate = line.Kind == LineKind.Date;
        date = isDate ? line.Date : default;
        upvotes = isDate ? line.Upvotes : null;
        return isDate;
    }

    private static ClassifiedLine Classify(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        return text.IsEmpty ? default : LineClassifier.Classify(text);
    }
}
