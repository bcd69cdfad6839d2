namespace PaperFeed.Text;

/// <summary>The one place a finished entry of the text grammar becomes a <see cref="Paper"/>.</summary>
internal static class EntryPaper
{
    public static Paper Create(string title, string? summary, int? authorCount, PaperDate? published, int? upvotes, PaperDate? featured, long titleLine) => new()
    {
        Title = title,
        Abstract = summary,
        AuthorCount = authorCount,
        Published = published,
        Upvotes = upvotes,
        Featured = featured,
        SourceLine = titleLine,
    };
}
