namespace PaperFeed;

/// <summary>
/// Options of <see cref="FeedReader"/>, split by concern into immutable records: change them with <c>with { … }</c>,
/// e.g. <c>FeedReaderOptions.Default with { Dates = new() { ReferenceDate = day } }</c>. A reader never changes them.
/// </summary>
public sealed record FeedReaderOptions
{
    private readonly IReadOnlyList<FeedFormat> _formats = [];
    private readonly int _maxDegreeOfParallelism = 1;

    /// <summary>The options used when none are given: detect the format, one core, defaults everywhere.</summary>
    public static FeedReaderOptions Default { get; } = new();

    /// <summary>The text grammar: repeated sentences, the longest line.</summary>
    public TextOptions Text { get; init => field = value ?? throw new ArgumentNullException(nameof(Text)); } = TextOptions.Default;

    /// <summary>How dates without a year and listings without a date are resolved.</summary>
    public DateOptions Dates { get; init => field = value ?? throw new ArgumentNullException(nameof(Dates)); } = DateOptions.Default;

    /// <summary>Where diagnostics go, and whether a warning stops the read.</summary>
    public DiagnosticOptions Diagnostics { get; init => field = value ?? throw new ArgumentNullException(nameof(Diagnostics)); } = DiagnosticOptions.Default;

    /// <summary>The input's format; null (the default) detects it from the first bytes.</summary>
    public FeedFormat? Format { get; init; }

    /// <summary>
    /// Formats beyond the built-in ones (<see cref="FeedFormat.BuiltIn"/>), e.g. PaperFeed.Html's <c>HtmlFeedFormat</c>.
    /// Detection asks them first, in this order. The list is copied.
    /// </summary>
    public IReadOnlyList<FeedFormat> Formats
    {
        get => _formats;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var copy = value.ToArray();
            if (Array.IndexOf(copy, null) >= 0) throw new ArgumentException("Formats must not contain null.", nameof(Formats));
            _formats = copy;
        }
    }

    /// <summary>
    /// How many cores one large text listing read from a file may use (pieces cut at snapshot starts, output in input
    /// order, the same feeds, papers and diagnostics as one core). 1 (the default) reads on the calling flow; -1 uses
    /// every core.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or less than -1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = value is -1 or >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value, "MaxDegreeOfParallelism must be -1 (every core) or at least 1.");
    }

    /// <summary>
    /// Receives the number of bytes of the input read so far (the bytes as stored: compressed bytes for a compressed
    /// input), as reading goes on: after each read of the input, or each piece of a read on several cores. For
    /// progress displays; null (the default) costs nothing.
    /// </summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>The formats given in <see cref="Formats"/> and every built-in one, in detection order.</summary>
    internal IEnumerable<FeedFormat> AllFormats => _formats.Concat(FeedFormat.BuiltIn);

    /// <summary>The options with one more format (e.g. <c>options.WithFormat(new HtmlFeedFormat())</c>).</summary>
    /// <param name="format">The format to add after those already listed.</param>
    public FeedReaderOptions WithFormat(FeedFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return this with { Formats = [.. _formats, format] };
    }
}

/// <summary>Options of the text grammar (the text listing and captures). Immutable.</summary>
public sealed record TextOptions
{
    private readonly int _maxLineLength = ReadSettings.DefaultMaxLineLength;

    /// <summary>The defaults: collapse repeated sentences, lines up to 1,048,576 characters.</summary>
    public static TextOptions Default { get; } = new();

    /// <summary>What to do with sentences repeated inside an abstract; collapse by default.</summary>
    public DuplicateSentenceHandling DuplicateSentences { get; init; } = DuplicateSentenceHandling.Collapse;

    /// <summary>Lines longer than this (UTF-16 characters, terminator excluded) are skipped with a warning, never held in memory whole.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxLineLength
    {
        get => _maxLineLength;
        init => _maxLineLength = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxLineLength), value, "MaxLineLength must be at least 1.");
    }
}

/// <summary>Options for dates the input does not fully give. Immutable. Rules: docs/inputs.md.</summary>
public sealed record DateOptions
{
    /// <summary>The defaults: year-less dates stay year-less, no listing date.</summary>
    public static DateOptions Default { get; } = new();

    /// <summary>The day the snapshot was taken: year-less dates resolve against it (see <see cref="FeedParserOptions.ReferenceDate"/>).</summary>
    public DateOnly? ReferenceDate { get; init; }

    /// <summary>The day of the listing the input holds, when the input does not say (see <see cref="FeedParserOptions.ListingDate"/>).</summary>
    public DateOnly? ListingDate { get; init; }

    /// <summary>Whether a file name that is a day (<c>2025-03-11.json</c>) gives the listing date (see <see cref="FeedParserOptions.ListingDateFromSourceName"/>).</summary>
    public bool ListingDateFromSourceName { get; init; }
}

/// <summary>Where diagnostics go. Immutable.</summary>
public sealed record DiagnosticOptions
{
    /// <summary>The defaults: nobody listens, warnings do not stop the read.</summary>
    public static DiagnosticOptions Default { get; } = new();

    /// <summary>Receives every diagnostic as it happens (infos and warnings), on the reading flow.</summary>
    public Action<FeedDiagnostic>? OnDiagnostic { get; init; }

    /// <summary>When true, the first warning stops the read with a <see cref="FeedFormatException"/>.</summary>
    public bool Strict { get; init; }
}
