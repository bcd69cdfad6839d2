using PaperFeed.IO;

namespace PaperFeed;

/// <summary>Feeds, papers and papers with metadata, added up feed by feed, for the counting passes that read feeds.</summary>
internal struct FeedTally
{
    private long _feeds, _papers, _withMetadata;
    private bool _inRun;
    private PaperDate? _runDate;

    public void Add(Feed feed)
    {
        _inRun = false;
        _feeds++;
        _papers += feed.Papers.Count;
        foreach (var paper in feed.Papers)
        {
            if (FeedStatistics.HasMetadata(paper)) _withMetadata++;
        }
    }

    /// <summary>A paper outside any feed: loose papers count as the readers group them, one feed per run of the same featured day.</summary>
    public void AddLoose(Paper paper)
    {
        if (!_inRun || _runDate != paper.Featured) _feeds++;
        _inRun = true;
        _runDate = paper.Featured;
        _papers++;
        if (FeedStatistics.HasMetadata(paper)) _withMetadata++;
    }

    /// <summary>The statistics, with the lines read through <paramref name="lines"/> and the diagnostics <paramref name="counting"/> counted.</summary>
    public readonly FeedStatistics Statistics(LineCountingStream lines, FeedReadContext counting) =>
        Statistics(lines.Lines) with { Warnings = counting.Warnings, Infos = counting.Infos };

    /// <summary>The statistics of a read that counts its own <paramref name="lines"/> and no diagnostics.</summary>
    public readonly FeedStatistics Statistics(long lines) => new()
    {
        Feeds = _feeds, Papers = _papers, PapersWithMetadata = _withMetadata, Lines = lines,
    };
}
