namespace PaperFeed.Export;

/// <summary>
/// What every format says about one paper, computed once: stable id, link, date. Dates come from the data only
/// (featured day, else published day, at 00:00 UTC), never from the clock.
/// </summary>
internal sealed record ExportItem(Paper Paper, string Id, string? Link, DateTimeOffset? Date)
{
    /// <summary>The fixed stand-in for a missing date where a format requires one (Atom's <c>updated</c>): 1970-01-01Z.</summary>
    public static readonly DateTimeOffset NoDate = DateTimeOffset.UnixEpoch;

    public static ExportItem From(Paper paper) =>
        new(paper, paper.GetStableId(), paper.GetHuggingFaceUrl(), DateOf(paper));

    /// <summary>The items and the feed's date: the latest item date, or <see cref="NoDate"/> for none.</summary>
    public static (List<ExportItem> Items, DateTimeOffset Updated) Prepare(IEnumerable<Paper> papers)
    {
        var items = papers.Select(From).ToList();
        var updated = items.Select(i => i.Date).Max() ?? NoDate;
        return (items, updated);
    }

    private static DateTimeOffset? DateOf(Paper paper)
    {
        var day = paper.Featured?.ToDateOnly() ?? paper.Published?.ToDateOnly();
        return day is DateOnly d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
    }
}
