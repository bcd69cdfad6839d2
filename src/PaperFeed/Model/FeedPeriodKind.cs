namespace PaperFeed;

/// <summary>The span of time one Daily Papers listing covers.</summary>
public enum FeedPeriodKind
{
    /// <summary>One day (<c>/papers/date/2025-09-14</c>); every text snapshot is a day.</summary>
    Day,

    /// <summary>One ISO 8601 week (<c>/papers/week/2025-W38</c>).</summary>
    Week,

    /// <summary>One calendar month (<c>/papers/month/2025-09</c>).</summary>
    Month,

    /// <summary>The trending list (<c>/papers/trending</c>): papers ranked now, over no fixed span of days.</summary>
    Trending,
}
