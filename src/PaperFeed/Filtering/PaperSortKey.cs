namespace PaperFeed;

/// <summary>
/// What <see cref="PaperFilter.SortBy"/> orders papers by. Counts and dates sort highest/newest first, titles
/// A to Z; papers without the value come last; ties keep input order.
/// </summary>
public enum PaperSortKey
{
    /// <summary>Most upvotes first.</summary>
    Upvotes,

    /// <summary>Newest arXiv date (<see cref="Paper.Published"/>) first.</summary>
    Published,

    /// <summary>Newest featured day (<see cref="Paper.Featured"/>) first.</summary>
    Featured,

    /// <summary>Most comments (<see cref="PaperDetails.CommentCount"/>) first.</summary>
    Comments,

    /// <summary>Title A to Z, ignoring case (ordinal, so the order is the same in every culture).</summary>
    Title,
}
