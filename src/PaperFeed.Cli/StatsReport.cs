namespace PaperFeed.Cli;

/// <summary>The JSON object <c>paperfeed stats</c> prints (see docs/json.md).</summary>
internal sealed record StatsReport
{
    public long Files { get; init; }
    public long Feeds { get; init; }
    public long Papers { get; init; }
    public long WithMetadata { get; init; }
    public long Warnings { get; init; }
    public long Infos { get; init; }
    public long Lines { get; init; }
    public long Bytes { get; init; }

    public static StatsReport From(FeedStatistics statistics, long bytes) => new()
    {
        Files = 1,
        Feeds = statistics.Feeds,
        Papers = statistics.Papers,
        WithMetadata = statistics.PapersWithMetadata,
        Warnings = statistics.Warnings,
        Infos = statistics.Infos,
        Lines = statistics.Lines,
        Bytes = bytes,
    };

    public StatsReport Add(StatsReport other) => new()
    {
        Files = Files + other.Files,
        Feeds = Feeds + other.Feeds,
        Papers = Papers + other.Papers,
        WithMetadata = WithMetadata + other.WithMetadata,
        Warnings = Warnings + other.Warnings,
        Infos = Infos + other.Infos,
        Lines = Lines + other.Lines,
        Bytes = Bytes + other.Bytes,
    };
}
