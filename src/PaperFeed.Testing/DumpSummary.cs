namespace PaperFeed.Testing;

/// <summary>What a generated dump truly contains, known by construction.</summary>
public sealed record DumpSummary
{
    /// <summary>The dump's size in UTF-8 bytes (byte order mark included).</summary>
    public long Bytes { get; init; }

    /// <summary>UTF-16 characters in the titles and abstracts of all papers: the size of the strings a parse returns.</summary>
    public long PaperTextChars { get; init; }

    /// <summary>
    /// Exactly what <see cref="FeedParser.Count(TextReader, FeedParserOptions?)"/> with default options must report:
    /// snapshots, papers, papers with a metadata block, lines (a final terminator starts no line), infos (collapsed
    /// repeated sentences, repeated abstract and title lines) and warnings (snapshots starting with a bare page date).
    /// </summary>
    public required FeedStatistics Expected { get; init; }
}
