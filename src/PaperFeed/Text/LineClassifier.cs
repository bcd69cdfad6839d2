namespace PaperFeed.Text;

/// <summary>The result of classifying one line; <see cref="Date"/>, <see cref="Count"/> and <see cref="HeaderIndex"/> apply per kind.</summary>
internal readonly record struct ClassifiedLine(LineKind Kind, int HeaderIndex = -1, int Count = 0, PaperDate Date = default, int? Upvotes = null);

/// <summary>
/// Classifies trimmed lines by shape. Abstracts are long, and every special line is short, so the common
/// case is decided by one length check.
/// </summary>
internal static class LineClassifier
{
    /// <summary>The header lines in page order; a line with a lower or equal index starts a new header.</summary>
    internal static readonly string[] HeaderLines =
        ["new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers", "byAK and the research community"];

    /// <summary>Every special line is at most this many characters: a longer line is text.</summary>
    internal const int LongestSpecialLine = 48;

    private static readonly System.Buffers.SearchValues<char> DateCharacters = System.Buffers.SearchValues.Create("0123456789, ");

    /// <summary>A line of <see cref="LineKind.Furniture"/>.</summary>
    internal static readonly ClassifiedLine FurnitureLine = new(LineKind.Furniture);

    public static ClassifiedLine Classify(ReadOnlySpan<char> line)
    {
        if (line.Length > LongestSpecialLine) return PageFurniture.IsMarkup(line) ? FurnitureLine : default;
        for (int i = 0; i < HeaderLines.Length; i++)
        {
            if (line.SequenceEqual(HeaderLines[i])) return new ClassifiedLine(LineKind.Header, HeaderIndex: i);
        }
        if (line.Length == 1 && line[0] == '·') return new ClassifiedLine(LineKind.Separator);
        ClassifiedLine classified = default;
        if (line[0] == '•' || char.IsAsciiDigit(line[0])) classified = ClassifyAuthors(line);
        // The longest date line: "September 30, 2024 999999999" (28 characters).
        else if (char.IsAsciiLetter(line[0]) && line.Length <= 32) classified = ClassifyDate(line);
        if (classified.Kind != LineKind.Text) return classified;
        return PageFurniture.IsMarkup(line) || PageFurniture.IsSiteWords(line) ? FurnitureLine : default;
    }

    /// <summary><c>• 4 authors</c>, <c>• 1 author</c>, <c>4 authors</c> (bullet optional; the corpus also has <c>1 authors</c>).</summary>
    private static ClassifiedLine ClassifyAuthors(ReadOnlySpan<char> line)
    {
        var rest = line[0] == '•' ? line[1..].TrimStart() : line;
        int digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits])) digits++;
        if (digits == 0 || digits >= rest.Length || rest[digits] != ' ') return default;
        var word = rest[(digits + 1)..].TrimStart(' ');
        if (!word.SequenceEqual("authors") && !word.SequenceEqual("author")) return default;
        if (digits > 9) return new ClassifiedLine(LineKind.MalformedAuthors);
        int count = 0;
        foreach (char c in rest[..digits]) count = count * 10 + (c - '0');
        return new ClassifiedLine(LineKind.Authors, Count: count);
    }

    private static ClassifiedLine ClassifyDate(ReadOnlySpan<char> line)
    {
        if (PaperDate.TryParseListing(line, out var date, out int? upvotes)) return new ClassifiedLine(LineKind.Date, Date: date, Upvotes: upvotes);
        return LooksLikeDate(line) ? new ClassifiedLine(LineKind.MalformedDate) : default;
    }

    /// <summary>
    /// A month name, a space, then only digits, commas and spaces starting with a digit (<c>Feb 30, 2023</c>,
    /// <c>Aug 25,</c>): a date the parser could not accept. A title such as <c>May 2 Be Better</c> is not one.
    /// </summary>
    private static bool LooksLikeDate(ReadOnlySpan<char> line)
    {
        int space = line.IndexOf(' ');
        if (space < 0 || PaperDate.MonthFromName(line[..space]) == 0) return false;
        var rest = line[(space + 1)..].TrimStart(' ');
        return !rest.IsEmpty && char.IsAsciiDigit(rest[0]) && !rest.ContainsAnyExcept(DateCharacters);
    }
}
