namespace PaperFeed;

/// <summary>What a counting pass over a listing found (see <see cref="FeedParser.Count"/>); no paper is materialised to get it.</summary>
public sealed record FeedStatistics
{
    /// <summary>Snapshots (feeds) found.</summary>
    public long Feeds { get; init; }

    /// <summary>Papers found.</summary>
    public long Papers { get; init; }

    /// <summary>Papers with an author count or a published date, counted the same way for every input format.</summary>
    public long PapersWithMetadata { get; init; }

    /// <summary>The one rule of <see cref="PapersWithMetadata"/>.</summary>
    internal static bool HasMetadata(int? authorCount, PaperDate? published) => authorCount is not null || published is not null;

    /// <inheritdoc cref="HasMetadata(int?, PaperDate?)"/>
    internal static bool HasMetadata(Paper paper) => HasMetadata(paper.AuthorCount, paper.Published);

    /// <summary>Input lines read, blank ones included.</summary>
    public long Lines { get; init; }

    /// <summary>Warning diagnostics.</summary>
    public long Warnings { get; init; }

    /// <summary>Info diagnostics.</summary>
    public long Infos { get; init; }
}
