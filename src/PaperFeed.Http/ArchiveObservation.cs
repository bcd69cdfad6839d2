namespace PaperFeed.Http;

/// <summary>One complete observation of a listing day: every page of one fetch of it, committed by a <c>complete</c> line.</summary>
public sealed record ArchiveObservation
{
    /// <summary>The listing day.</summary>
    public required DateOnly Day { get; init; }

    /// <summary>The observation's id (unique in the archive).</summary>
    public required string Id { get; init; }

    /// <summary>When its first page arrived.</summary>
    public required DateTimeOffset ObservedAt { get; init; }

    /// <summary>When it was committed.</summary>
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>Distinct papers over its pages (0 for an empty day).</summary>
    public required int PaperCount { get; init; }

    /// <summary>Its pages, in page order.</summary>
    public required IReadOnlyList<ArchivePage> Pages { get; init; }

    /// <summary>Value equality, the pages compared item by item.</summary>
    /// <param name="other">The other observation.</param>
    public bool Equals(ArchiveObservation? other) =>
        other is not null && Day == other.Day && Id == other.Id && ObservedAt == other.ObservedAt && CompletedAt == other.CompletedAt
        && PaperCount == other.PaperCount && Pages.SequenceEqual(other.Pages);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Day, Id, ObservedAt, CompletedAt, PaperCount, Pages.Count);
}
