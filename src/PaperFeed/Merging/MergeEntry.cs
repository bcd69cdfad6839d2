namespace PaperFeed;

/// <summary>
/// The running merge of the copies of one paper. Holds one value and the observation that supplied it per field,
/// never the copies themselves, so memory grows with distinct papers only.
/// </summary>
internal sealed class MergeEntry
{
    private readonly Observation[] _from = new Observation[(int)MergeField.Count];
    private string _title;
    private string _titleKey;
    private string? _abstract, _arxivId, _url, _aiSummary, _githubRepo, _projectPage, _submitter;
    private int? _authorCount, _upvotes, _githubStars, _commentCount;
    private IReadOnlyList<Author>? _authors;
    private IReadOnlyList<string>? _aiKeywords;
    private PaperDate? _published;
    private Organization? _organization;
    private DateTimeOffset? _withdrawnAt;
    private Observation? _first, _last;

    /// <param name="first">The first copy.</param>
    /// <param name="titleKey">Its title, normalised (<see cref="PaperIdentity.NormalizeTitle"/>).</param>
    /// <param name="at">Where it was observed.</param>
    public MergeEntry(Paper first, string titleKey, Observation at)
    {
        _title = first.Title;
        _titleKey = titleKey;
        _from[(int)MergeField.Title] = at;
    }

    public int Observations { get; private set; }

    /// <summary>
    /// Merges one copy, whose title normalised is <paramref name="titleKey"/> (titles compare by it; the kept title's
    /// key is kept along, so no title is normalised twice); <paramref name="conflict"/> hears of each non-count field
    /// the copies disagree on.
    /// </summary>
    public void Add(Paper paper, string titleKey, Observation at, Action<MergeField, string, string> conflict)
    {
        Observations++;
        var details = paper.Details;

        if (titleKey == _titleKey)
        {
            if (at.IsLaterThan(_from[(int)MergeField.Title])) Set(ref _title, paper.Title, MergeField.Title, at);
        }
        else
        {
            Fill(ref _title, paper.Title, MergeField.Title, at, conflict);
            if (ReferenceEquals(_title, paper.Title)) _titleKey = titleKey;
        }
        Fill(ref _abstract, paper.Abstract, MergeField.Abstract, at, conflict);
        Fill(ref _authorCount, paper.AuthorCount, MergeField.AuthorCount, at, conflict);
        Fill(ref _authors, paper.Authors.Count == 0 ? null : paper.Authors, MergeField.Authors, at, conflict);
        FillPublished(paper.Published, at, conflict);
        FillArxivId(paper.ArxivId, at, conflict);
        Fill(ref _url, paper.Url, MergeField.Url, at, conflict);
        Fill(ref _aiSummary, details?.AiSummary, MergeField.AiSummary, at, conflict);
        Fill(ref _aiKeywords, details is { AiKeywords.Count: > 0 } ? details.AiKeywords : null, MergeField.AiKeywords, at, conflict);
        Fill(ref _githubRepo, details?.GithubRepo, MergeField.GithubRepo, at, conflict);
        Fill(ref _projectPage, details?.ProjectPage, MergeField.ProjectPage, at, conflict);
        Fill(ref _organization, details?.Organization, MergeField.Organization, at, conflict);
        Fill(ref _withdrawnAt, details?.WithdrawnAt, MergeField.WithdrawnAt, at, conflict);
        Fill(ref _submitter, details?.Submitter, MergeField.Submitter, at, conflict);

        Count(ref _upvotes, paper.Upvotes, MergeField.Upvotes, at);
        Count(ref _githubStars, details?.GithubStars, MergeField.GithubStars, at);
        Count(ref _commentCount, details?.CommentCount, MergeField.CommentCount, at);

        if (at.Date is not null)
        {
            if (_first is not Observation first || at.IsDatedBefore(first)) _first = at;
            if (_last is not Observation last || at.IsLaterThan(last)) _last = at;
        }
    }

    public MergedPaper ToMergedPaper()
    {
        var details = new PaperDetails
        {
            AiSummary = _aiSummary,
            AiKeywords = _aiKeywords ?? [],
            GithubRepo = _githubRepo,
            GithubStars = _githubStars,
            ProjectPage = _projectPage,
            Organization = _organization,
            CommentCount = _commentCount,
            WithdrawnAt = _withdrawnAt,
            Submitter = _submitter,
        };
        var paper = new Paper
        {
            Title = _title,
            Abstract = _abstract,
            AuthorCount = _authorCount,
            Authors = _authors ?? [],
            Published = _published,
            Upvotes = _upvotes,
            ArxivId = _arxivId,
            Url = _url,
            Featured = _last?.Date,
            Details = details.IsEmpty ? null : details,
        };
        return new MergedPaper(paper, _first?.Date, _last?.Date, Observations);
    }

    private void Set<T>(ref T field, T value, MergeField which, Observation at)
    {
        field = value;
        _from[(int)which] = at;
    }

    /// <summary>Latest wins: a count replaces the kept one when its observation is later.</summary>
    private void Count(ref int? field, int? value, MergeField which, Observation at)
    {
        if (value is null) return;
        if (field is null || at.IsLaterThan(_from[(int)which])) Set(ref field, value, which, at);
    }

    /// <summary>Fills a missing field; a differing value is a conflict, settled for the later copy.</summary>
    private void Fill<T>(ref T field, T value, MergeField which, Observation at, Action<MergeField, string, string> conflict)
    {
        if (value is null) return;
        if (field is null)
        {
            Set(ref field, value, which, at);
        }
        else if (Same(field, value))
        {
            // The value is now vouched for by the later copy: a conflict must be newer than that to win.
            if (at.IsLaterThan(_from[(int)which])) _from[(int)which] = at;
        }
        else
        {
            conflict(which, Describe(field), Describe(value));
            if (at.IsLaterThan(_from[(int)which])) Set(ref field, value, which, at);
        }
    }

    /// <summary>A year-less date and a dated one with the same month and day agree: the dated one is kept.</summary>
    private void FillPublished(PaperDate? value, Observation at, Action<MergeField, string, string> conflict)
    {
        if (value is PaperDate incoming && _published is PaperDate current && incoming.HasYear != current.HasYear &&
            incoming.Month == current.Month && incoming.Day == current.Day)
        {
            if (incoming.HasYear) Set(ref _published, incoming, MergeField.Published, at);
            else if (at.IsLaterThan(_from[(int)MergeField.Published])) _from[(int)MergeField.Published] = at;
            return;
        }
        Fill(ref _published, value, MergeField.Published, at, conflict);
    }

    /// <summary>Ids that differ only in version agree: the later copy's is kept.</summary>
    private void FillArxivId(string? value, Observation at, Action<MergeField, string, string> conflict)
    {
        if (value is not null && _arxivId is not null && PaperIdentity.NormalizeArxivId(value) == PaperIdentity.NormalizeArxivId(_arxivId))
        {
            if (at.IsLaterThan(_from[(int)MergeField.ArxivId])) Set(ref _arxivId, value, MergeField.ArxivId, at);
            return;
        }
        Fill(ref _arxivId, value, MergeField.ArxivId, at, conflict);
    }

    private static bool Same<T>(T left, T right) =>
        (left, right) switch
        {
            (IReadOnlyList<Author> a, IReadOnlyList<Author> b) => a.SequenceEqual(b),
            (IReadOnlyList<string> a, IReadOnlyList<string> b) => a.SequenceEqual(b, StringComparer.Ordinal),
            _ => EqualityComparer<T>.Default.Equals(left, right),
        };

    private static string Describe(object value) =>
        value switch
        {
            IReadOnlyList<Author> authors => string.Join(", ", authors.Select(a => a.Name)),
            IReadOnlyList<string> words => string.Join(", ", words),
            Organization organization => organization.Name,
            DateTimeOffset time => time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
}

/// <summary>The fields a merge tracks, named as in PaperFeed's JSON.</summary>
internal enum MergeField
{
    Title, Abstract, AuthorCount, Authors, Published, ArxivId, Url, AiSummary, AiKeywords, GithubRepo, ProjectPage,
    Organization, WithdrawnAt, Submitter, Upvotes, GithubStars, CommentCount, Count,
}
