namespace PaperFeed.Export;

/// <summary>
/// What every format says about one paper, computed once: a unique stable id, the safe links, the date. Dates come
/// from the data only (featured day, else published day, at 00:00 UTC), never from the clock.
/// </summary>
/// <param name="Paper">The paper.</param>
/// <param name="Id">Unique in the document; a URL (<see cref="IdIsLink"/>) or a <c>urn:</c>.</param>
/// <param name="Link">The paper's page, an http(s) URL, or <c>null</c>.</param>
/// <param name="ArxivLink">The arXiv abstract page, or <c>null</c>.</param>
/// <param name="Date">The paper's day with a year, or <c>null</c> when it has none.</param>
internal sealed record ExportItem(Paper Paper, string Id, string? Link, string? ArxivLink, DateTimeOffset? Date)
{
    /// <summary>True when <see cref="Id"/> is the paper's page (RSS <c>isPermaLink</c>).</summary>
    public bool IdIsLink => Id == Link;

    /// <summary>
    /// The paper's day (featured, else published) at 00:00 UTC. A year-less day takes its year from
    /// <paramref name="reference"/> when given (as <see cref="PaperDate.Resolve"/> does), else from its snapshot's explicit
    /// dates (<paramref name="years"/>, when the export saw every paper first); null when nothing decides.
    /// </summary>
    public static DateTimeOffset? DateOf(Paper paper, DateOnly? reference, ExportYears? years)
    {
        if (Day(paper) is not PaperDate day) return null;
        var resolved = day.HasYear ? day.ToDateOnly()
            : reference is DateOnly r ? day.Resolve(r).ToDateOnly()
            : years?.Resolve(day, paper);
        return resolved is DateOnly d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
    }

    /// <summary>The day an item stands for: the day the paper was featured, else the day it was published.</summary>
    public static PaperDate? Day(Paper paper) => paper.Featured ?? paper.Published;
}
