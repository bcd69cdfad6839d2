using System.Text.Json.Serialization;

namespace PaperFeed;

/// <summary>One snapshot of the Daily Papers listing: its page date and its papers, in page order.</summary>
public sealed record Feed
{
    /// <summary>The listing's title; <c>Daily Papers</c> for every known source.</summary>
    public string Title { get; init; } = DefaultTitle;

    /// <summary>The page date (<c>Aug 28</c> on the page), when the snapshot shows one; may lack a year.</summary>
    public PaperDate? Date { get; init; }

    /// <summary>
    /// The period the listing covers: a day, an ISO week or a month. When not set, a feed with a <see cref="Date"/>
    /// is the day of that date (every text snapshot is a day); <c>null</c> when neither is known.
    /// </summary>
    [JsonIgnore]
    public FeedPeriod? Period
    {
        get => _period ?? (Date is PaperDate date && date.Month != 0 ? FeedPeriod.OfDay(date) : null);
        init => _period = value;
    }

    /// <summary>
    /// The period as JSON carries it: only when set explicitly (a week or month page), so a day feed's JSON stays
    /// <c>{title, date, papers}</c> and reads back to the same <see cref="Period"/>.
    /// </summary>
    [JsonInclude]
    [JsonPropertyName("period")]
    internal FeedPeriod? ExplicitPeriod
    {
        get => _period;
        init => _period = value;
    }

    private readonly FeedPeriod? _period;

    /// <summary>The papers, in the order the page lists them.</summary>
    public IReadOnlyList<Paper> Papers { get; init => field = value ?? []; } = [];

    /// <summary>The title every Daily Papers listing carries.</summary>
    public static string DefaultTitle => "Daily Papers";

    /// <inheritdoc />
    public bool Equals(Feed? other) =>
        other is not null && Title == other.Title && Date == other.Date && Period == other.Period && SequenceEquality.Equal(Papers, other.Papers);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Title, Date, Period, SequenceEquality.Hash(Papers));
}
