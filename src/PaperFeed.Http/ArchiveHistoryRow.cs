namespace PaperFeed.Http;

/// <summary>
/// One paper in one observation of one listing day (<c>paperfeed history</c>): the counts as served at that time, and
/// the paper's 1-based place in the day's listing as served.
/// </summary>
/// <param name="ArxivId">The arXiv id, or null when the item has none.</param>
/// <param name="Day">The listing day.</param>
/// <param name="ObservedAt">When the page holding it arrived.</param>
/// <param name="Upvotes">Upvotes then.</param>
/// <param name="Comments">Comments then.</param>
/// <param name="GithubStars">GitHub stars then.</param>
/// <param name="Rank">1-based position in the listing as served (pages in order, repeats dropped).</param>
/// <param name="Title">The title.</param>
public sealed record ArchiveHistoryRow(string? ArxivId, DateOnly Day, DateTimeOffset ObservedAt, int? Upvotes, int? Comments, int? GithubStars, int Rank, string Title);
