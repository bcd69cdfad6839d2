namespace PaperFeed.Testing;

/// <summary>
/// The true content of a generated dump, known by construction: what a correct parse with default options
/// must find.
/// </summary>
public sealed record DumpSummary
{
    /// <summary>The dump's size in UTF-8 bytes (byte order mark included).</summary>
    public long Bytes { get; init; }

    /// <summary>Lines, blank ones included (a final terminator does not start another line).</summary>
    public long Lines { get; init; }

    /// <summary>Snapshots, each one <see cref="Feed"/>.</summary>
    public long Feeds { get; init; }

    /// <summary>Papers.</summary>
    public long Papers { get; init; }

    /// <summary>Papers with a metadata block (author count, date, optional upvotes).</summary>
    public long PapersWithMetadata { get; init; }

    /// <summary>
    /// Info diagnostics the parser must report: a collapsed repeated run of sentences, a repeated abstract line,
    /// a repeated title line.
    /// </summary>
    public long Infos { get; init; }

    /// <summary>Warning diagnostics the parser must report: snapshots that start with a page date and no header.</summary>
    public long Warnings { get; init; }

    /// <summary>UTF-16 characters in the titles and abstracts of all papers: the size of the strings a parse returns.</summary>
    public long PaperTextChars { get; init; }

    /// <summary>The same counts as <see cref="FeedParser.Count(TextReader, FeedParserOptions?)"/> reports them.</summary>
    public FeedStatistics ToFeedStatistics() => new()
    {
        Feeds = Feeds,
        Papers = Papers,
        PapersWithMetadata = PapersWithMetadata,
        Lines = Lines,
        Warnings = Warnings,
        Infos = Infos,
    };
}
