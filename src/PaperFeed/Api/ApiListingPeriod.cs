using System.Globalization;

namespace PaperFeed.Api;

/// <summary>The period of an API listing page or wrapper, from its <c>periodType</c> and <c>dateString</c> (docs/inputs.md).</summary>
internal static class ApiListingPeriod
{
    /// <summary>
    /// The period of a listing from the site's <c>periodType</c> (<c>day</c>, <c>week</c>, <c>month</c>) and
    /// <c>dateString</c>: either the period's own form (<c>2025-W38</c>) or a date inside it (<c>2025-09-15</c> with
    /// <c>week</c> is week 38). Without a <c>periodType</c>, the form of <c>dateString</c> decides.
    /// </summary>
    public static bool TryParse(string? periodType, string? dateString, out FeedPeriod result)
    {
        result = default;
        if (!FeedPeriod.TryParse(dateString, out var parsed)) return false;
        FeedPeriodKind? kind = periodType?.Trim().ToLowerInvariant() switch
        {
            null or "" => parsed.Kind,
            "day" or "date" => FeedPeriodKind.Day,
            "week" => FeedPeriodKind.Week,
            "month" => FeedPeriodKind.Month,
            _ => null,
        };
        if (kind is not FeedPeriodKind wanted) return false;
        if (parsed.Kind == wanted)
        {
            result = parsed;
            return true;
        }
        // A date standing for the week or month that holds it.
        if (parsed.Kind != FeedPeriodKind.Day || parsed.Start is not DateOnly day) return false;
        result = wanted == FeedPeriodKind.Week
            ? FeedPeriod.OfWeek(ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)))
            : FeedPeriod.OfMonth(day.Year, day.Month);
        return true;
    }
}
