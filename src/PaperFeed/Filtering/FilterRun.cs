using System.Text.RegularExpressions;

namespace PaperFeed;

/// <summary>
/// One application of a <see cref="PaperFilter"/>: the compiled pattern, and the state of the ordering (a count
/// when streaming, a bounded heap for sorted top N, a list for a full sort). Shared by the sync and async paths.
/// </summary>
internal sealed class FilterRun
{
    private readonly PaperFilter _filter;
    private readonly Regex? _regex;
    private readonly PaperOrder? _order;
    private readonly PriorityQueue<Ranked, Ranked>? _heap;
    private readonly List<Ranked>? _all;
    private long _seen;
    private int _streamed;

    public FilterRun(PaperFilter filter)
    {
        _filter = filter;
        _regex = filter.Match is string pattern ? PaperFilter.CreateRegex(pattern, filter.MatchTimeout) : null;
        if (filter.SortBy is PaperSortKey key)
        {
            _order = new PaperOrder(key);
            // The heap's root is the worst paper kept, so a better newcomer replaces it in O(log N).
            if (filter.Top is int top) _heap = new PriorityQueue<Ranked, Ranked>(Math.Min(top, 1024), Comparer<Ranked>.Create((x, y) => _order.Compare(y, x)));
            else _all = [];
        }
    }

    /// <summary>True when the output is empty whatever the input (<c>Top = 0</c>), so the input need not be read.</summary>
    public bool IsEmptyResult => _filter.Top == 0;

    /// <summary>True when streaming and <see cref="PaperFilter.Top"/> papers have gone out.</summary>
    public bool IsFull => _order is null && _filter.Top is int top && _streamed >= top;

    public bool Accepts(Paper paper)
    {
        var filter = _filter;
        if (filter.MinUpvotes is int min && (paper.Upvotes is not int upvotes || upvotes < min)) return false;
        if (filter.HasCode && string.IsNullOrWhiteSpace(paper.Details?.GithubRepo)) return false;
        if (filter.Organization is string organization && !IsOrganization(paper.Details?.Organization, organization)) return false;
        return _regex is null || MatchesText(_regex, paper);
    }

    /// <summary>Takes an accepted paper; true when it goes out at once (no sorting), false when it is held.</summary>
    public bool Offer(Paper paper)
    {
        if (_order is null)
        {
            _streamed++;
            return true;
        }
        var ranked = new Ranked(paper, _seen++);
        if (_all is not null)
        {
            _all.Add(ranked);
        }
        else if (_heap!.Count < _filter.Top)
        {
            _heap.Enqueue(ranked, ranked);
        }
        else if (_order.Compare(ranked, _heap.Peek()) < 0)
        {
            _heap.DequeueEnqueue(ranked, ranked);
        }
        return false;
    }

    /// <summary>The held papers in output order (nothing when streaming).</summary>
    public IEnumerable<Paper> Drain()
    {
        if (_order is null) return [];
        List<Ranked> kept;
        if (_all is not null)
        {
            kept = _all;
        }
        else
        {
            kept = new List<Ranked>(_heap!.Count);
            while (_heap.TryDequeue(out var ranked, out _)) kept.Add(ranked);
        }
        kept.Sort(_order);
        return kept.Select(r => r.Paper);
    }

    private static bool IsOrganization(Organization? organization, string wanted) =>
        organization is not null &&
        (string.Equals(organization.Name, wanted, StringComparison.OrdinalIgnoreCase) ||
         string.Equals(organization.FullName, wanted, StringComparison.OrdinalIgnoreCase));

    private static bool MatchesText(Regex regex, Paper paper)
    {
        if (regex.IsMatch(paper.Title)) return true;
        if (paper.Abstract is string abstractText && regex.IsMatch(abstractText)) return true;
        if (paper.Details is { } details)
        {
            foreach (string keyword in details.AiKeywords)
            {
                if (regex.IsMatch(keyword)) return true;
            }
        }
        return false;
    }
}

/// <summary>A paper with its position among the accepted papers, the tie-breaker that makes every order stable.</summary>
internal readonly record struct Ranked(Paper Paper, long Index);
