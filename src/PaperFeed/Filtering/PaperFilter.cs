using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace PaperFeed;

/// <summary>
/// Keeps the papers users ask for (a vote threshold, a keyword pattern, code, an organization), optionally sorted and
/// cut to the top N, in one streaming pass over any sequence of papers. Immutable: derive variants with
/// <c>with { … }</c>. An empty filter passes every paper through in input order.
/// </summary>
/// <remarks>
/// Without <see cref="SortBy"/> papers stream out as they come and enumeration stops after <see cref="Top"/>. With
/// <see cref="SortBy"/> and <see cref="Top"/> only the best N are held (a bounded heap, O(n log N)); with
/// <see cref="SortBy"/> alone every kept paper is held for a stable sort.
/// </remarks>
public sealed record PaperFilter
{
    private readonly string? _match;
    private readonly int? _top;

    /// <summary>How long one regular-expression match may run before it fails with <see cref="RegexMatchTimeoutException"/>.</summary>
    public static TimeSpan DefaultMatchTimeout { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Keeps papers with at least this many upvotes; papers without a count are dropped when set.</summary>
    public int? MinUpvotes { get; init; }

    /// <summary>
    /// A .NET regular expression that the title, the abstract or one of the AI keywords must match. Case-insensitive
    /// and culture-invariant unless the pattern says otherwise (<c>(?-i)</c>); each match is bounded by
    /// <see cref="MatchTimeout"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression; the message names it.</exception>
    public string? Match
    {
        get => _match;
        init
        {
            if (value is not null) CreateRegex(value, DefaultMatchTimeout);
            _match = value;
        }
    }

    /// <summary>The time limit of one match of <see cref="Match"/>; <see cref="DefaultMatchTimeout"/> by default.</summary>
    public TimeSpan MatchTimeout { get; init; } = DefaultMatchTimeout;

    /// <summary>Keeps papers that name a code repository (<see cref="PaperDetails.GithubRepo"/>).</summary>
    public bool HasCode { get; init; }

    /// <summary>Keeps papers submitted under this organization (its handle or full name, ignoring case).</summary>
    public string? Organization { get; init; }

    /// <summary>The order of the output; <c>null</c> keeps input order. See <see cref="PaperSortKey"/>.</summary>
    public PaperSortKey? SortBy { get; init; }

    /// <summary>Keeps only the first N papers (after sorting, when sorting).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? Top
    {
        get => _top;
        init => _top = value is null or >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Top), value, "Top must not be negative.");
    }

    /// <summary>Applies the filter lazily to <paramref name="papers"/>.</summary>
    /// <exception cref="RegexMatchTimeoutException">(While enumerating.) A match ran longer than <see cref="MatchTimeout"/>.</exception>
    public IEnumerable<Paper> Apply(IEnumerable<Paper> papers)
    {
        ArgumentNullException.ThrowIfNull(papers);
        return ApplyIterator(this, papers);
    }

    /// <summary>Applies the filter lazily to an asynchronous sequence (for example <see cref="FeedParser.ReadPapersAsync"/>).</summary>
    /// <exception cref="RegexMatchTimeoutException">(While enumerating.) A match ran longer than <see cref="MatchTimeout"/>.</exception>
    public IAsyncEnumerable<Paper> ApplyAsync(IAsyncEnumerable<Paper> papers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(papers);
        return ApplyAsyncIterator(this, papers, cancellationToken);
    }

    /// <summary>
    /// True when <paramref name="paper"/> passes the conditions (sorting and <see cref="Top"/> aside). The pattern is
    /// compiled once per filter instance, on the first call.
    /// </summary>
    public bool IsMatch(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return Conditions.GetValue(this, static filter => new FilterRun(filter)).Accepts(paper);
    }

    // Outside the record's fields, so equality stays the filter's settings; Accepts keeps no state.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PaperFilter, FilterRun> Conditions = new();

    internal static Regex CreateRegex(string pattern, TimeSpan timeout)
    {
        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, timeout);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"'{pattern}' is not a valid regular expression: {e.Message}", nameof(Match), e);
        }
    }

    private static IEnumerable<Paper> ApplyIterator(PaperFilter filter, IEnumerable<Paper> papers)
    {
        // A run per enumeration: enumerating the result twice starts afresh.
        var run = new FilterRun(filter);
        if (run.IsEmptyResult) yield break;
        foreach (var paper in papers)
        {
            if (!run.Accepts(paper)) continue;
            if (run.Offer(paper))
            {
                yield return paper;
                if (run.IsFull) yield break;
            }
        }
        foreach (var paper in run.Drain()) yield return paper;
    }

    private static async IAsyncEnumerable<Paper> ApplyAsyncIterator(PaperFilter filter, IAsyncEnumerable<Paper> papers, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var run = new FilterRun(filter);
        if (run.IsEmptyResult) yield break;
        await foreach (var paper in papers.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!run.Accepts(paper)) continue;
            if (run.Offer(paper))
            {
                yield return paper;
                if (run.IsFull) yield break;
            }
        }
        foreach (var paper in run.Drain()) yield return paper;
    }
}
