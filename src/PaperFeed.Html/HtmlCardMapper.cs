namespace PaperFeed.Html;

/// <summary>
/// Maps a rendered card to a <see cref="Paper"/> with the text format's own rules: each text run of the card is
/// classified like a line of the text listing (<c>4 authors</c>, <c>Aug 25, 2023</c> with an optional upvote
/// count), and a bare number before the title is the vote box. See docs/inputs.md.
/// </summary>
internal static class HtmlCardMapper
{
    /// <summary>The paper of <paramref name="card"/>; null when it has no title link.</summary>
    /// <param name="card">The card.</param>
    /// <param name="featured">The page's day, when known; it resolves year-less dates and is every card's featured day.</param>
    /// <param name="options">Options (reference date, duplicate sentences).</param>
    /// <param name="collapsedRuns">Repeated sentence runs collapsed in the abstract.</param>
    public static Paper? ToPaper(HtmlCard card, PaperDate? featured, FeedReaderOptions options, out int collapsedRuns)
    {
        collapsedRuns = 0;
        if (card.Href is null || PaperText.FoldWhitespace(card.Title.ToString()) is not { } title) return null;

        int? authorCount = null, upvotes = null;
        PaperDate? published = null;
        foreach (var (raw, beforeTitle) in card.Texts)
        {
            // The page writes "· 4 authors" where the text copy has "• 4 authors" on its own line.
            var text = raw.AsSpan().Trim().TrimStart("·• ").Trim();
            if (text.IsEmpty) continue;
            if (PaperText.TryParseAuthorCount(text, out int authors))
            {
                authorCount ??= authors;
            }
            else if (PaperText.TryParseDateLine(text, out var day, out int? dateUpvotes))
            {
                if (published is not null) continue;
                published = day;
                upvotes ??= dateUpvotes;
            }
            else if (beforeTitle && upvotes is null && IsCount(text, out int count))
            {
                upvotes = count;
            }
        }

        string? summary = PaperText.NormalizeAbstract(card.Abstract?.ToString(), options.Text.DuplicateSentences, out collapsedRuns);
        string? id = ArxivId(card.Href);
        var reference = featured?.ToDateOnly() ?? options.Dates.ReferenceDate;
        return new Paper
        {
            Title = title,
            Abstract = summary,
            AuthorCount = authorCount,
            Published = published is PaperDate date && reference is DateOnly on ? date.Resolve(on) : published,
            Upvotes = upvotes,
            ArxivId = id,
            Url = id is null ? null : PaperLinks.HuggingFacePage(id),
            Featured = featured,
        };
    }

    /// <summary>The last segment of the link's path (<c>/papers/2308.12345?x#y</c> → <c>2308.12345</c>); null when empty.</summary>
    internal static string? ArxivId(string href)
    {
        var path = href.AsSpan();
        int end = path.IndexOfAny('?', '#');
        if (end >= 0) path = path[..end];
        path = path.TrimEnd('/');
        var id = path[(path.LastIndexOf('/') + 1)..].Trim();
        return id.IsEmpty || id.SequenceEqual("papers") ? null : id.ToString();
    }

    private static bool IsCount(ReadOnlySpan<char> text, out int count)
    {
        count = 0;
        if (text.Length is 0 or > 9) return false;
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
            count = count * 10 + (c - '0');
        }
        return true;
    }
}
