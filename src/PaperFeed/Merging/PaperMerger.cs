using System.Globalization;

namespace PaperFeed;

/// <summary>
/// Counts each paper once across days, saves and formats. Add copies one observation at a time (papers or whole
/// feeds, in any mix of inputs); read the distinct papers, in first-seen order, with <see cref="GetResults"/>.
/// Memory grows with the number of distinct papers, never with the number of copies (see docs/model.md for a
/// measured figure).
/// </summary>
/// <remarks>
/// <para>Identity is <see cref="PaperIdentity"/>: arXiv id without version, else the normalised title.</para>
/// <para>
/// One copy is later than another when both have a featured (snapshot) day with a year and those days differ;
/// otherwise the copy added later is later. Counts (upvotes, GitHub stars, comments) come from the latest copy that
/// has them. Every other field is filled from whichever copy has it; when two copies disagree (two abstracts),
/// a <see cref="DiagnosticCodes.MergeConflict"/> warning is reported and the later copy's value kept. A year-less
/// date and a dated one with the same month and day agree (the dated one is kept); so do arXiv ids that differ only in
/// version, and titles equal once normalised.
/// </para>
/// <para>
/// So the merge is idempotent (merging the results again changes nothing) and, when the copies' featured days are
/// known and distinct, insensitive to input order; with unknown or equal days, input order decides the latest.
/// </para>
/// </remarks>
public sealed class PaperMerger
{
    private readonly IdentityIndex<MergeEntry> _index = new();
    private readonly List<MergeEntry> _entries = [];
    private readonly Action<FeedDiagnostic>? _onDiagnostic;
    private long _sequence;

    /// <summary>Creates an empty merger.</summary>
    /// <param name="onDiagnostic">Receives a <see cref="DiagnosticCodes.MergeConflict"/> warning per conflicting field.</param>
    public PaperMerger(Action<FeedDiagnostic>? onDiagnostic = null) => _onDiagnostic = onDiagnostic;

    /// <summary>The number of distinct papers so far.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds one copy of a paper, observed on its <see cref="Paper.Featured"/> day.</summary>
    /// <param name="paper">The copy.</param>
    /// <param name="sourceName">The input's name, for diagnostics.</param>
    public void Add(Paper paper, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(paper);
        Add(paper, paper.Featured, sourceName);
    }

    /// <summary>Adds every paper of a feed, each observed on its featured day, else on the feed's date.</summary>
    /// <param name="feed">The snapshot.</param>
    /// <param name="sourceName">The input's name, for diagnostics.</param>
    public void Add(Feed feed, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        foreach (var paper in feed.Papers) Add(paper, paper.Featured ?? feed.Date, sourceName);
    }

    /// <summary>Adds every paper of a sequence, in order.</summary>
    public void AddRange(IEnumerable<Paper> papers, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(papers);
        foreach (var paper in papers) Add(paper, sourceName);
    }

    /// <summary>Adds every paper of an asynchronous sequence (for example a streaming parse), in order.</summary>
    public async Task AddRangeAsync(IAsyncEnumerable<Paper> papers, string? sourceName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(papers);
        await foreach (var paper in papers.WithCancellation(cancellationToken).ConfigureAwait(false)) Add(paper, sourceName);
    }

    /// <summary>The distinct papers so far, in the order each was first seen.</summary>
    public IReadOnlyList<MergedPaper> GetResults() => _entries.Select(e => e.ToMergedPaper()).ToList();

    /// <summary>Merges a sequence of copies in one call.</summary>
    public static IReadOnlyList<MergedPaper> Merge(IEnumerable<Paper> papers, Action<FeedDiagnostic>? onDiagnostic = null)
    {
        var merger = new PaperMerger(onDiagnostic);
        merger.AddRange(papers);
        return merger.GetResults();
    }

    private void Add(Paper paper, PaperDate? observed, string? sourceName)
    {
        var at = new Observation(observed, _sequence++);
        // The one normalisation of this copy's title: the index finds the paper by it, the entry compares titles by it.
        string titleKey = PaperIdentity.NormalizeTitle(paper.Title);
        var entry = _index.GetOrAdd(paper, titleKey, () => new MergeEntry(paper, titleKey, at), out bool added);
        if (added) _entries.Add(entry);
        entry.Add(paper, titleKey, at, _onDiagnostic is null ? static (_, _, _) => { } : (field, kept, incoming) => Report(paper, sourceName, field, kept, incoming));
    }

    private void Report(Paper paper, string? sourceName, MergeField field, string current, string incoming)
    {
        string name = char.ToLowerInvariant(field.ToString()[0]) + field.ToString()[1..];
        string message = string.Create(CultureInfo.InvariantCulture,
            $"'{paper.Title}': copies disagree on {name} ('{Shorten(current)}' vs '{Shorten(incoming)}'); the later copy's value is kept.");
        _onDiagnostic!(new FeedDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.MergeConflict, DiagnosticLocation.None, message, sourceName));
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
