namespace PaperFeed.Text;

/// <summary>What the grammar makes of each finished entry.</summary>
internal enum EntryOutput
{
    /// <summary>Nothing but counts and diagnostics (<see cref="FeedParser.Count"/>): no string is made.</summary>
    Count,

    /// <summary>A <see cref="Paper"/> per entry, handed out one at a time.</summary>
    Papers,

    /// <summary>A <see cref="Feed"/> per snapshot, its papers inside.</summary>
    Feeds,

    /// <summary>The entry's fields as code units, readable until the next line is pushed (the span reader, the UTF-8 JSON Lines writer).</summary>
    Entries,
}
