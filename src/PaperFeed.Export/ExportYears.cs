namespace PaperFeed.Export;

/// <summary>
/// The year of a year-less item day, from the export's own papers (docs/format.md, "The year of a year-less date").
/// The site shows a year only on dates outside the current year, so a year-less date is never earlier than a date
/// shown with its year on the same snapshot: it takes the first year that puts it on or after the latest of them.
/// Papers that share a year-less listing day are one snapshot; papers with no listing day (a search page, API items
/// without one) are another. A snapshot with no explicit date decides nothing: its year-less days stay year-less.
/// </summary>
internal sealed class ExportYears
{
    // The latest explicit date of each snapshot, by the key of its year-less listing day (0: no listing day).
    private readonly Dictionary<int, DateOnly> _latest = [];

    // The year-less item days seen, with their snapshot's key: at most 366 per snapshot.
    private readonly HashSet<(int Key, int Month, int Day)> _yearless = [];

    /// <summary>Takes in a paper's dates (before any item is written).</summary>
    public void Observe(Paper paper)
    {
        if (Key(paper) is not int key) return;
        if (paper.Published?.ToDateOnly() is DateOnly date && (!_latest.TryGetValue(key, out var latest) || date > latest)) _latest[key] = date;
        if (ExportItem.Day(paper) is { HasYear: false } day) _yearless.Add((key, day.Month, day.Day));
    }

    /// <summary>The latest of the year-less item days, with the years they take; null when none takes one.</summary>
    public DateOnly? LatestResolved()
    {
        DateOnly? latest = null;
        foreach (var (key, month, day) in _yearless)
        {
            if (Resolve(new PaperDate(null, month, day), key) is DateOnly resolved && (latest is null || resolved > latest)) latest = resolved;
        }
        return latest;
    }

    /// <summary>The year-less <paramref name="date"/> of <paramref name="paper"/> with the year its snapshot shows; null when nothing decides.</summary>
    public DateOnly? Resolve(PaperDate date, Paper paper) =>
        date.ToDateOnly() ?? (Key(paper) is int key ? Resolve(date, key) : null);

    private DateOnly? Resolve(PaperDate date, int key)
    {
        if (!_latest.TryGetValue(key, out var bound)) return null;
        for (int year = bound.Year; year <= 9999; year++)
        {
            if (!PaperDate.IsValid(year, date.Month, date.Day)) continue; // Feb 29 waits for a leap year
            var day = new DateOnly(year, date.Month, date.Day);
            if (day >= bound) return day;
        }
        return null;
    }

    /// <summary>The snapshot a paper belongs to: its year-less listing day, 0 for none; null when its listing day has a year.</summary>
    private static int? Key(Paper paper) => paper.Featured switch
    {
        null => 0,
        { HasYear: true } => null,
        PaperDate featured => featured.Month * 32 + featured.Day,
    };
}
