namespace PaperFeed;

/// <summary>
/// Optional details the Hugging Face API gives about a paper. Kept apart from <see cref="Paper"/>
/// so that the common case (a text snapshot) carries one null reference instead of eight empty fields.
/// </summary>
public sealed record PaperDetails
{
    /// <summary>The site's AI-written one-paragraph summary (<c>paper.ai_summary</c>).</summary>
    public string? AiSummary { get; init; }

    /// <summary>The site's AI keywords (<c>paper.ai_keywords</c>); empty when absent.</summary>
    public IReadOnlyList<string> AiKeywords { get; init => field = value ?? []; } = [];

    /// <summary>The paper's code repository URL (<c>paper.githubRepo</c>).</summary>
    public string? GithubRepo { get; init; }

    /// <summary>Stars of <see cref="GithubRepo"/> when observed (<c>paper.githubStars</c>).</summary>
    public int? GithubStars { get; init; }

    /// <summary>The paper's project page URL (<c>paper.projectPage</c>).</summary>
    public string? ProjectPage { get; init; }

    /// <summary>The organization the listing item was submitted under (item-level <c>organization</c>).</summary>
    public Organization? Organization { get; init; }

    /// <summary>Number of comments on the listing item (item-level <c>numComments</c>).</summary>
    public int? CommentCount { get; init; }

    /// <summary>When the paper was withdrawn from the site, if it was (<c>paper.withdrawnAt</c>).</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>The Hugging Face user who submitted the paper to Daily Papers, as the page names them (<c>Submitted by</c>).</summary>
    public string? Submitter { get; init; }

    /// <summary>True when no detail is set: such an instance is normalised to <c>null</c> by readers.</summary>
    public bool IsEmpty =>
        AiSummary is null && AiKeywords.Count == 0 && GithubRepo is null && GithubStars is null &&
        ProjectPage is null && Organization is null && CommentCount is null && WithdrawnAt is null && Submitter is null;

    /// <inheritdoc />
    public bool Equals(PaperDetails? other) =>
        other is not null &&
        AiSummary == other.AiSummary &&
        SequenceEquality.Equal(AiKeywords, other.AiKeywords) &&
        GithubRepo == other.GithubRepo &&
        GithubStars == other.GithubStars &&
        ProjectPage == other.ProjectPage &&
        Equals(Organization, other.Organization) &&
        CommentCount == other.CommentCount &&
        WithdrawnAt == other.WithdrawnAt &&
        Submitter == other.Submitter;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(AiSummary, SequenceEquality.Hash(AiKeywords), GithubRepo, GithubStars, ProjectPage, Organization, CommentCount, HashCode.Combine(WithdrawnAt, Submitter));
}
