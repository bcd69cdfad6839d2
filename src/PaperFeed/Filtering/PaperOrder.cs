namespace PaperFeed;

/// <summary>
/// The total order of a <see cref="PaperSortKey"/>: the key (missing values last), then input position. Negative
/// when the first paper comes out first.
/// </summary>
internal sealed class PaperOrder(PaperSortKey key) : IComparer<Ranked>
{
    public int Compare(Ranked x, Ranked y)
    {
        int byKey = key switch
        {
            PaperSortKey.Upvotes => Descending(x.Paper.Upvotes, y.Paper.Upvotes),
            PaperSortKey.Published => Descending(x.Paper.Published, y.Paper.Published),
            PaperSortKey.Featured => Descending(x.Paper.Featured, y.Paper.Featured),
            PaperSortKey.Comments => Descending(x.Paper.Details?.CommentCount, y.Paper.Details?.CommentCount),
            _ => ByTitle(x.Paper.Title, y.Paper.Title),
        };
        return byKey != 0 ? byKey : x.Index.CompareTo(y.Index);
    }

    private static int Descending(int? x, int? y) =>
        (x, y) switch
        {
            (int a, int b) => b.CompareTo(a),
            (null, null) => 0,
            (null, _) => 1,
            _ => -1,
        };

    /// <summary>Newest first; dates with a year before year-less ones (whose year is unknown), missing last.</summary>
    private static int Descending(PaperDate? x, PaperDate? y)
    {
        if (x is not PaperDate a) return y is null ? 0 : 1;
        if (y is not PaperDate b) return -1;
        if (a.HasYear != b.HasYear) return a.HasYear ? -1 : 1;
        int byYear = (b.Year ?? 0).CompareTo(a.Year ?? 0);
        if (byYear != 0) return byYear;
        int byMonth = b.Month.CompareTo(a.Month);
        return byMonth != 0 ? byMonth : b.Day.CompareTo(a.Day);
    }

    private static int ByTitle(string x, string y)
    {
        int ignoringCase = string.Compare(x, y, StringComparison.OrdinalIgnoreCase);
        return ignoringCase != 0 ? ignoringCase : string.CompareOrdinal(x, y);
    }
}
