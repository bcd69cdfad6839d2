namespace PaperFeed.Text;

/// <summary>What a trimmed, non-blank line of the text listing is, judged by its shape alone.</summary>
internal enum LineKind
{
    /// <summary>Anything else: a title or an abstract, told apart by position.</summary>
    Text,

    /// <summary>One of the page's header lines (<c>new</c>, <c>Subscribe</c>, <c>Daily Papers</c>, …).</summary>
    Header,

    /// <summary><c>• 4 authors</c> or <c>• 1 author</c>.</summary>
    Authors,

    /// <summary>The lone middle dot <c>·</c> between author count and date.</summary>
    Separator,

    /// <summary>A date, with optional year and optional trailing upvote count.</summary>
    Date,

    /// <summary>Shaped like an author count, but not a valid one (a count past int range).</summary>
    MalformedAuthors,

    /// <summary>Shaped like a date (<c>Feb 30, 2023</c>), but not a valid one.</summary>
    MalformedDate,

    /// <summary>Page furniture or markup (<see cref="PageFurniture"/>): never a title or an abstract; skipped with a warning, leaving the grammar's state as it was.</summary>
    Furniture,
}
