namespace PaperFeed.Http;

/// <summary>What a fetch into an archive asks for again (docs/fetch.md, "Reruns"). Immutable.</summary>
public sealed record ArchiveFetchOptions
{
    /// <summary>The defaults: settle after 14 days, no refresh.</summary>
    public static ArchiveFetchOptions Default { get; } = new();

    /// <summary>
    /// Days after its listing day from which an observation counts as settled (upvotes and comments stop moving after
    /// one to two weeks): a day whose latest complete observation was made at least this long after it is not asked for
    /// again; any other day in range gets a new observation. Default 14.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int SettleDays { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(SettleDays), value, "SettleDays must not be negative."); } = 14;

    /// <summary>Records a new observation of every day in range, settled or not.</summary>
    public bool Refresh { get; init; }
}
