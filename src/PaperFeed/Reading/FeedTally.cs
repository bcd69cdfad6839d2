using PaperFeed.IO;

namespace PaperFeed;

/// <summary>Feeds, papers and papers with metadata, added up feed by feed, for the counting passes that read feeds.</summary>
internal struct FeedTally
{
    private long _feeds, _papers, _withMetadata;

    public void Add(Feed feed)
    {
        _feeds++;
        _papers += feed.Papers.Count;
        foreach (var paper in feed.Papers)
        {
            if (FeedStatistics.HasMetadata(paper)) _withMetadata++;
        }
    }

    /// <summary>The statistics, with the lines read through <paramref name="lines"/> and the diagnostics <paramref name="counting"/> counted.</summary>
    public readonly FeedStatistics Statistics(LineCountingStream lines, FeedReadContext counting) => new()
    {
        Feeds = _feeds, Papers = _papers, PapersWithMetadata = _withMetadata,
        Warnings = counting.Warnings, Infos = counting.Infos, Lines = lines.Lines,
    };
}
