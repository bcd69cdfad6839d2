using System.Globalization;

namespace PaperFeed.Cli;

/// <summary>
/// The listing days <c>fetch</c> asks for: <c>--date D</c>, <c>--from D [--to D]</c>, <c>--week YYYY-Www</c> (Monday to
/// Sunday of the ISO week) or <c>--month YYYY-MM</c>. A week or month is fetched day by day with <c>date=</c>, so every
/// paper is stored under the day the API lists it on (the API's own week and month lists carry no listing day).
/// </summary>
internal static class FetchRange
{
    /// <summary>The days, or null with a one-line usage error.</summary>
    public static IReadOnlyList<DateOnly>? Resolve(string? date, string? from, string? to, string? week, string? month, DateOnly today, out string? error)
    {
        int given = (date is null ? 0 : 1) + (from is null && to is null ? 0 : 1) + (week is null ? 0 : 1) + (month is null ? 0 : 1);
        if (given != 1)
        {
            error = given == 0 ? "say which days: --date D, --from D [--to D], --week YYYY-Www or --month YYYY-MM" : "give one of --date, --from/--to, --week, --month";
            return null;
        }
        DateOnly first, last;
        if (date is not null)
        {
            if (!TryDay(date, "--date", out first, out error)) return null;
            last = first;
        }
        else if (week is not null)
        {
            if (!TryWeek(week, out first, out error)) return null;
            last = first.AddDays(6);
        }
        else if (month is not null)
        {
            if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first) || month.Length != 7)
            {
                error = $"--month: '{Reporter.Bound(month)}' is not a month (YYYY-MM)";
                return null;
            }
            last = first.AddMonths(1).AddDays(-1);
        }
        else
        {
            if (from is null)
            {
                error = "--to needs --from";
                return null;
            }
            if (!TryDay(from, "--from", out first, out error)) return null;
            last = today;
            if (to is not null && !TryDay(to, "--to", out last, out error)) return null;
            if (last < first)
            {
                error = $"--to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}";
                return null;
            }
        }
        // Listing days end at today's (UTC, and a day of margin for time zones ahead of it): later ones cannot exist yet.
        if (first > today.AddDays(1))
        {
            error = $"{first:yyyy-MM-dd} is in the future";
            return null;
        }
        if (last > today.AddDays(1)) last = today.AddDays(1);
        error = null;
        var days = new List<DateOnly>(last.DayNumber - first.DayNumber + 1);
        for (var day = first; day <= last; day = day.AddDays(1)) days.Add(day);
        return days;
    }

    private static bool TryDay(string text, string option, out DateOnly day, out string? error)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            error = null;
            return true;
        }
        error = $"{option}: '{Reporter.Bound(text)}' is not a day (YYYY-MM-DD)";
        return false;
    }

    private static bool TryWeek(string text, out DateOnly monday, out string? error)
    {
        monday = default;
        error = $"--week: '{Reporter.Bound(text)}' is not an ISO week (YYYY-Www, e.g. 2025-W38)";
        if (text.Length != 8 || text[4] != '-' || text[5] is not ('W' or 'w')) return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1) return false;
        if (!int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int week) || week < 1 || week > ISOWeek.GetWeeksInYear(year)) return false;
        monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        error = null;
        return true;
    }
}
