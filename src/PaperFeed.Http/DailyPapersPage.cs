namespace PaperFeed.Http;

/// <summary>
/// One page of a day's listing as the server sent it: the body byte for byte (already checked to be the API's JSON
/// array), the status and headers, when it was observed, and what it held.
/// </summary>
public sealed record DailyPapersPage
{
    /// <summary>The listing day asked for (<c>date=</c>): the day these papers were featured, whatever their timestamps say.</summary>
    public required DateOnly Day { get; init; }

    /// <summary>The page (<c>p</c>, from 0).</summary>
    public required int Page { get; init; }

    /// <summary>The URL asked for (it never holds the token).</summary>
    public required Uri RequestUri { get; init; }

    /// <summary>The HTTP status (200).</summary>
    public required int StatusCode { get; init; }

    /// <summary>The response headers (names lower-case; repeated headers joined with <c>", "</c>).</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The body as it came (after transfer decompression).</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>When the response arrived.</summary>
    public required DateTimeOffset ObservedAt { get; init; }

    /// <summary>Items in the body.</summary>
    public required int ItemCount { get; init; }

    /// <summary>Each item's arXiv id (<c>paper.id</c>; its title when it has none), in the order served.</summary>
    public required IReadOnlyList<string> PaperIds { get; init; }

    /// <summary>Papers not on an earlier page of the same day.</summary>
    public required int NewPaperCount { get; init; }

    /// <summary>True for the day's last page: it was empty or brought no new paper (a server that ignores <c>p</c> stops here).</summary>
    public required bool IsLast { get; init; }

    /// <summary>Attempts this page took (1 when the first succeeded).</summary>
    public required int Attempts { get; init; }

    /// <summary>Value equality: the body byte for byte, headers and ids item by item.</summary>
    /// <param name="other">The other page.</param>
    public bool Equals(DailyPapersPage? other) =>
        other is not null && Day == other.Day && Page == other.Page && RequestUri == other.RequestUri && StatusCode == other.StatusCode
        && ObservedAt == other.ObservedAt && ItemCount == other.ItemCount && NewPaperCount == other.NewPaperCount && IsLast == other.IsLast
        && Attempts == other.Attempts && Body.Span.SequenceEqual(other.Body.Span) && PaperIds.SequenceEqual(other.PaperIds)
        && Headers.Count == other.Headers.Count && Headers.All(h => other.Headers.TryGetValue(h.Key, out var value) && value == h.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Day, Page, StatusCode, ObservedAt, ItemCount, Body.Length);
}
