namespace PaperFeed;

/// <summary>
/// The flat settings every reader of the core runs with: what <see cref="FeedReaderOptions"/> says, for one input
/// (its name included). Made by <see cref="FeedReadContext"/>; the readers never see the public option records.
/// </summary>
internal sealed record ReadSettings
{
    /// <summary>The settings when none are given.</summary>
    public static ReadSettings Default { get; } = new();

    /// <summary>The default <see cref="MaxLineLength"/>: 1,048,576 characters.</summary>
    public const int DefaultMaxLineLength = 1 << 20;

    /// <summary>The day the snapshot was taken (see <see cref="DateOptions.ReferenceDate"/>).</summary>
    public DateOnly? ReferenceDate { get; init; }

    /// <summary>The day of the listing the input holds, when the input does not say (see <see cref="DateOptions.ListingDate"/>).</summary>
    public DateOnly? ListingDate { get; init; }

    /// <summary>Whether a source name that is a day gives the listing date (see <see cref="DateOptions.ListingDateFromSourceName"/>).</summary>
    public bool ListingDateFromSourceName { get; init; }

    /// <summary>The listing date that applies: <see cref="ListingDate"/>, else the source name's day when allowed.</summary>
    public DateOnly? EffectiveListingDate =>
        ListingDate ?? (ListingDateFromSourceName ? DayOfFileName(SourceName) : null);

    /// <summary>What to do with sentences repeated inside an abstract.</summary>
    public DuplicateSentenceHandling DuplicateSentences { get; init; } = DuplicateSentenceHandling.Collapse;

    /// <summary>When true, the first warning stops the read.</summary>
    public bool Strict { get; init; }

    /// <summary>Lines longer than this (UTF-16 characters, terminator excluded) are skipped with a warning.</summary>
    public int MaxLineLength { get; init; } = DefaultMaxLineLength;

    /// <summary>Receives every diagnostic as it happens.</summary>
    public Action<FeedDiagnostic>? OnDiagnostic { get; init; }

    /// <summary>The input's name, copied into diagnostics and exceptions.</summary>
    public string? SourceName { get; init; }

    /// <summary>Receives the bytes of the input read so far (see <see cref="FeedReaderOptions.Progress"/>).</summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>The settings of <paramref name="options"/> for one input named <paramref name="sourceName"/>.</summary>
    public static ReadSettings From(FeedReaderOptions options, string? sourceName, Action<FeedDiagnostic>? onDiagnostic) => new()
    {
        ReferenceDate = options.Dates.ReferenceDate,
        ListingDate = options.Dates.ListingDate,
        ListingDateFromSourceName = options.Dates.ListingDateFromSourceName,
        DuplicateSentences = options.Text.DuplicateSentences,
        MaxLineLength = options.Text.MaxLineLength,
        Strict = options.Diagnostics.Strict,
        OnDiagnostic = onDiagnostic,
        SourceName = sourceName,
        Progress = options.Progress,
    };

    private static DateOnly? DayOfFileName(string? path)
    {
        if (path is null) return null;
        var name = System.IO.Path.GetFileName(path.AsSpan());
        if (name.Length < 10 || (name.Length > 10 && name[10] != '.')) return null;
        return DateOnly.TryParseExact(name[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : null;
    }
}
