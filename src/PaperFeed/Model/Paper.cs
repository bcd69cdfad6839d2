using System.Text.Json.Serialization;

namespace PaperFeed;

/// <summary>
/// One paper of a Daily Papers listing. Immutable, with value equality: two parses of the same
/// input give equal papers (lists compare element by element; <see cref="SourceLine"/> is provenance
/// and takes no part in equality).
/// </summary>
public sealed record Paper
{
    /// <summary>The paper's title, trimmed, with line wraps folded into single spaces.</summary>
    public required string Title { get; init; }

    /// <summary>The abstract, or <c>null</c> when the source has none.</summary>
    public string? Abstract { get; init; }

    /// <summary>The number of authors the source states (<c>4 authors</c>), or the number of names it lists.</summary>
    public int? AuthorCount { get; init; }

    /// <summary>The authors by name, in order; empty when the source gives no names (the text listing never does).</summary>
    public IReadOnlyList<Author> Authors { get; init => field = value ?? []; } = [];

    /// <summary>The date the paper was published (its arXiv date); may lack a year.</summary>
    public PaperDate? Published { get; init; }

    /// <summary>The upvote count shown on the paper's card, when shown.</summary>
    public int? Upvotes { get; init; }

    /// <summary>The arXiv identifier (for example <c>2308.12345</c>), when the source gives it.</summary>
    public string? ArxivId { get; init; }

    /// <summary>The paper's Hugging Face page, when known.</summary>
    public string? Url { get; init; }

    /// <summary>The day the paper was featured on Daily Papers (for a text snapshot: the snapshot's page date).</summary>
    public PaperDate? Featured { get; init; }

    /// <summary>Optional details only the site's API gives (AI summary, code, organization, …); <c>null</c> when none.</summary>
    public PaperDetails? Details { get; init; }

    /// <summary>The 1-based line of the title in the text it was parsed from; <c>null</c> for other sources.</summary>
    [JsonIgnore]
    public long? SourceLine { get => _sourceLine; init => _sourceLine = value; }

    private long? _sourceLine;

    /// <summary>Moves <see cref="SourceLine"/> by <paramref name="lines"/>: a piece of a file parsed alone numbers its lines from 1; only before the paper is handed out.</summary>
    internal void MoveSourceLine(long lines)
    {
        if (_sourceLine is { } line) _sourceLine = line + lines;
    }

    /// <inheritdoc />
    public bool Equals(Paper? other) =>
        other is not null &&
        Title == other.Title &&
        Abstract == other.Abstract &&
        AuthorCount == other.AuthorCount &&
        SequenceEquality.Equal(Authors, other.Authors) &&
        Published == other.Published &&
        Upvotes == other.Upvotes &&
        ArxivId == other.ArxivId &&
        Url == other.Url &&
        Featured == other.Featured &&
        Equals(Details, other.Details);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Title, Abstract, AuthorCount, SequenceEquality.Hash(Authors), Published, Upvotes, ArxivId,
            HashCode.Combine(Url, Featured, Details));
}
