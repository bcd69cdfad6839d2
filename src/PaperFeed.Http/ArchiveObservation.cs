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
}
