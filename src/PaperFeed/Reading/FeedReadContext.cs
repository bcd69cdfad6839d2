namespace PaperFeed;

/// <summary>
/// What a <see cref="FeedFormat"/> reads one input with: the reader's options, the input's name, and the one
/// diagnostic sink (<see cref="Diagnostics"/>) every problem goes through, so that every format follows the same rule
/// (the caller's <see cref="DiagnosticOptions.OnDiagnostic"/> first, then, in strict mode, a warning stops the read).
/// </summary>
public sealed class FeedReadContext
{
    private readonly Action<FeedDiagnostic>? _counter;
    private readonly DiagnosticSink _sink;

    /// <summary>Creates the context of one input.</summary>
    /// <param name="options">The reader's options.</param>
    /// <param name="sourceName">The input's name (a file path), copied into diagnostics; null when it has none.</param>
    public FeedReadContext(FeedReaderOptions options, string? sourceName)
        : this(options, sourceName, counter: null)
    {
    }

    private FeedReadContext(FeedReaderOptions options, string? sourceName, Action<FeedDiagnostic>? counter)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        SourceName = sourceName;
        _counter = counter;
        Settings = ReadSettings.From(options, sourceName, counter is null ? options.Diagnostics.OnDiagnostic : Chain(counter, options.Diagnostics.OnDiagnostic));
        _sink = new DiagnosticSink(Settings.OnDiagnostic, Settings.Strict);
    }

    /// <summary>The reader's options.</summary>
    public FeedReaderOptions Options { get; }

    /// <summary>The input's name (a file path), or null.</summary>
    public string? SourceName { get; }

    /// <summary>
    /// True when the input was given as text (<see cref="FeedInput.FromText"/>, <see cref="FeedInput.FromReader"/>):
    /// the bytes a format reads are then the text's UTF-8 encoding, so an encoding the content declares (an HTML
    /// page's <c>meta charset</c>) does not apply to them. False for bytes, streams and files.
    /// </summary>
    public bool IsDecodedText { get; init; }

    /// <summary>
    /// The same settings as one flat <see cref="FeedParserOptions"/> (with <see cref="FeedParserOptions.SourceName"/> set),
    /// for formats built on the <see cref="FeedParser"/>-era readers. Its <see cref="FeedParserOptions.OnDiagnostic"/>
    /// is this context's listener, so reporting through <see cref="Diagnostics"/> or through these options is the same.
    /// </summary>
    [Obsolete("Formats read with FeedReadContext.Options and report through Diagnostics; FeedParserOptions is for the obsolete FeedParser.")]
    public FeedParserOptions ParserOptions => new()
    {
        ReferenceDate = Settings.ReferenceDate,
        ListingDate = Settings.ListingDate,
        ListingDateFromSourceName = Settings.ListingDateFromSourceName,
        DuplicateSentences = Settings.DuplicateSentences,
        MaxLineLength = Settings.MaxLineLength,
        Strict = Settings.Strict,
        OnDiagnostic = Settings.OnDiagnostic,
        SourceName = Settings.SourceName,
    };

    /// <summary>The same settings as the core's readers take them.</summary>
    internal ReadSettings Settings { get; }

    /// <summary>Warnings reported so far (counted only for the context of a counting pass).</summary>
    internal long Warnings { get; private set; }

    /// <summary>Warnings given while the input was opened, before its format read it (legacy 8-bit text): counts add them.</summary>
    internal long OpeningWarnings { get; set; }

    /// <summary>Infos reported so far (counted only for the context of a counting pass).</summary>
    internal long Infos { get; private set; }

    /// <summary>
    /// The one sink every diagnostic of this input goes through: the caller's listener first, then, in strict mode, a
    /// warning stops the read. <see cref="DiagnosticSink.IsObserved"/> lets a format skip building a message nobody reads.
    /// </summary>
    public DiagnosticSink Diagnostics => _sink;

    /// <summary>A context for the same input that also counts the warnings and infos reported (the default counting pass).</summary>
    internal FeedReadContext Counting()
    {
        FeedReadContext? counting = null;
        counting = new FeedReadContext(Options, SourceName, d =>
        {
            if (d.Severity == DiagnosticSeverity.Warning) counting!.Warnings++;
            else if (d.Severity == DiagnosticSeverity.Info) counting!.Infos++;
        })
        { IsDecodedText = IsDecodedText };
        return counting;
    }

    private static Action<FeedDiagnostic> Chain(Action<FeedDiagnostic> first, Action<FeedDiagnostic>? then) =>
        then is null ? first : d => { first(d); then(d); };
}
