namespace PaperFeed.Text;

/// <summary>
/// The year rule of a snapshot (docs/format.md), shared by the browser copy and the captures: a year-less date takes
/// its year from the snapshot's page date when that has one, else from <see cref="ReadSettings.ReferenceDate"/>.
/// </summary>
internal static class SnapshotDates
{
    /// <summary>A page date: resolved against the reference date when there is one, else kept as written.</summary>
    public static PaperDate ResolvePageDate(PaperDate date, DateOnly? referenceDate) =>
        referenceDate is DateOnly reference ? date.Resolve(reference) : date;

    /// <summary>A paper's date inside a snapshot whose page date is <paramref name="pageDate"/>.</summary>
    public static PaperDate ResolvePaperDate(PaperDate date, PaperDate? pageDate, DateOnly? referenceDate)
    {
        if (date.HasYear) return date;
        if (pageDate?.ToDateOnly() is DateOnly pageDay) return date.Resolve(pageDay);
        return ResolvePageDate(date, referenceDate);
    }
}
