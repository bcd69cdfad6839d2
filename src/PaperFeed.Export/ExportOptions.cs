namespace PaperFeed.Export;

/// <summary>Feed-level settings of an export. Immutable: derive variants with <c>with { … }</c>.</summary>
public sealed record ExportOptions
{
    /// <summary>The options used when none are given.</summary>
    public static ExportOptions Default { get; } = new();

    /// <summary>The feed's title; <c>Daily Papers</c> by default. Atom also names it as the feed's author.</summary>
    public string Title { get; init; } = Feed.DefaultTitle;

    /// <summary>The feed's description (RSS requires one); a fixed sentence by default.</summary>
    public string Description { get; init; } = "Papers from the Hugging Face Daily Papers listing.";

    /// <summary>The page the feed is about, also the Atom feed id; the Daily Papers listing by default.</summary>
    public string HomePageUrl { get; init; } = "https://huggingface.co/papers";

    /// <summary>Where the feed itself will be published (Atom <c>self</c> link, JSON Feed <c>feed_url</c>), when known.</summary>
    public string? FeedUrl { get; init; }

    /// <summary>
    /// The day that gives year-less dates (<c>Aug 25</c> of a text listing) a year, as <see cref="PaperDate.Resolve"/>
    /// does. When <c>null</c>, a year-less day takes the first year that puts it on or after the latest explicit date of
    /// its snapshot (papers sharing a year-less listing day, or all papers without one), as the site shows a year only
    /// for dates outside the current year; RSS, Atom and JSON Feed then read every paper before writing an item. A day
    /// that still has no year is written the same way in every format: no date of the item's own (RSS, JSON Feed), the
    /// feed's <see cref="Updated"/> where a date is required (Atom), and one <see cref="DiagnosticCodes.YearlessDate"/> warning.
    /// </summary>
    public DateOnly? ReferenceDate { get; init; }

    /// <summary>
    /// The feed's own date (RSS <c>lastBuildDate</c>, Atom <c>updated</c>). When <c>null</c>: the latest paper date;
    /// else <see cref="ReferenceDate"/>; else, for Atom, which requires one, the time of the run.
    /// </summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>
    /// CSV only: when true (the default), a text cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or
    /// a carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula
    /// (OWASP "CSV injection"). Set false for the values exactly as they are (<c>paperfeed --csv-raw</c>).
    /// </summary>
    public bool EscapeCsvFormulas { get; init; } = true;

    /// <summary>Receives the export's warnings (<see cref="DiagnosticCodes.UnsafeLink"/>); they never stop an export.</summary>
    public Action<FeedDiagnostic>? OnDiagnostic { get; init; }
}
