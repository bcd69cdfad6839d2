namespace PaperFeed;

/// <summary>What to do with sentences repeated inside an abstract.</summary>
public enum DuplicateSentenceHandling
{
    /// <summary>Collapse an immediately repeated run of sentences to one copy (with an info diagnostic).</summary>
    Collapse,

    /// <summary>Keep the abstract as the source has it.</summary>
    Keep,
}

/// <summary>Options of <see cref="FeedParser"/>. Immutable: derive variants with <c>with { … }</c>.</summary>
[Obsolete("Use FeedReaderOptions (Text, Dates, Diagnostics records) with FeedReader; FeedParserOptions stays in 1.x for FeedParser. See docs/api.md.")]
public sealed record FeedParserOptions
{
    private readonly int _maxLineLength = DefaultMaxLineLength;

    /// <summary>The options used when none are given.</summary>
    public static FeedParserOptions Default { get; } = new();

    /// <summary>The default <see cref="MaxLineLength"/>: 1,048,576 characters.</summary>
    public static int DefaultMaxLineLength => 1 << 20;

    /// <summary>
    /// The day the snapshot was taken. A feed's year-less page date resolves against it, and a paper's
    /// year-less date against its feed's resolved date (or against this when the feed has no date), each to the
    /// latest such date on or before. Without it, year-less dates stay year-less.
    /// </summary>
    public DateOnly? ReferenceDate { get; init; }

    /// <summary>
    /// The day of the Daily Papers listing the input holds, when the caller knows it and the input does not say
    /// (an <c>/api/daily_papers?date=…</c> response saved as <c>2025-03-11.json</c>). Hugging Face API input uses it
    /// as the date of feeds that have none of their own and as the featured day of items without
    /// <c>submittedOnDailyAt</c> (never earlier than their published day). See docs/inputs.md.
    /// </summary>
    public DateOnly? ListingDate { get; init; }

    /// <summary>
    /// When true and <see cref="ListingDate"/> is not set, a <see cref="SourceName"/> whose file name is a day
    /// (<c>2025-03-11.json</c>, <c>2025-03-11</c>: <c>yyyy-MM-dd</c>, then nothing or an extension) gives the listing
    /// date, as archivers of <c>/api/daily_papers?date=…</c> name their files. Off by default: a file name is a guess.
    /// </summary>
    public bool ListingDateFromSourceName { get; init; }

    /// <summary>What to do with sentences repeated inside an abstract; collapse by default.</summary>
    public DuplicateSentenceHandling DuplicateSentences { get; init; } = DuplicateSentenceHandling.Collapse;

    /// <summary>When true, the first warning throws <see cref="FeedFormatException"/>.</summary>
    public bool Strict { get; init; }

    /// <summary>
    /// Lines longer than this (UTF-16 characters, terminator excluded) are skipped with a warning, never held
    /// in memory whole. Bounds the parser's memory on hostile input.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxLineLength
    {
        get => _maxLineLength;
        init => _maxLineLength = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxLineLength), value, "MaxLineLength must be at least 1.");
    }

    /// <summary>Receives every diagnostic as it happens (infos and warnings).</summary>
    public Action<FeedDiagnostic>? OnDiagnostic { get; init; }

    /// <summary>The input's name (a file path), copied into diagnostics and exceptions.</summary>
    public string? SourceName { get; init; }

    /// <summary>The same settings, as the readers take them.</summary>
    internal ReadSettings ToSettings() => new()
    {
        ReferenceDate = ReferenceDate,
        ListingDate = ListingDate,
        ListingDateFromSourceName = ListingDateFromSourceName,
        DuplicateSentences = DuplicateSentences,
        Strict = Strict,
        MaxLineLength = MaxLineLength,
        OnDiagnostic = OnDiagnostic,
        SourceName = SourceName,
    };
}
