namespace PaperFeed;

/// <summary>The stable codes of <see cref="FeedDiagnostic"/> and <see cref="FeedFormatException"/>. See docs/format.md.</summary>
public static class DiagnosticCodes
{
    /// <summary>Info: a run of sentences repeated inside an abstract was collapsed (one per run; the column is the dropped copy).</summary>
    public const string DuplicateSentences = "PF101";

    /// <summary>Info: the abstract line was repeated as the next line and kept once.</summary>
    public const string DuplicateAbstract = "PF102";

    /// <summary>Info: the title line was repeated as the next line and kept once.</summary>
    public const string DuplicateTitle = "PF103";

    /// <summary>Info: an API item's featured day (its listing's day) is earlier than its published day; the featured day is left unknown.</summary>
    public const string FeaturedBeforePublished = "PF110";

    /// <summary>Warning: an entry ended after its title, so its abstract is null.</summary>
    public const string MissingAbstract = "PF201";

    /// <summary>Warning: a metadata block lacks a part (the author line or the date).</summary>
    public const string IncompleteMetadata = "PF202";

    /// <summary>Warning: a metadata line that looks like a date or an author count but is not a valid one.</summary>
    public const string InvalidMetadata = "PF203";

    /// <summary>Warning: a metadata line where a title was expected; ignored.</summary>
    public const string UnexpectedLine = "PF204";

    /// <summary>Warning: a page date with no header before it, mid-input, starts a new snapshot.</summary>
    public const string HeaderlessSnapshot = "PF205";

    /// <summary>Warning: a line longer than <see cref="FeedParserOptions.MaxLineLength"/> was skipped.</summary>
    public const string LineTooLong = "PF206";

    /// <summary>Warning: bytes that are not valid UTF-8 were replaced by U+FFFD.</summary>
    public const string InvalidUtf8 = "PF207";

    /// <summary>Warning: the input has no byte order mark and its first bytes are not UTF-8; it is read as Windows-1252 (one warning per input).</summary>
    public const string LegacyEncoding = "PF209";

    /// <summary>Warning: text input ends in NUL bytes after its text (padding a crash leaves in a file's last blocks); they are ignored. More than 16 MiB of them is PF901.</summary>
    public const string NulPadding = "PF210";

    /// <summary>Warning: an entry whose title line was skipped (too long); its other lines are dropped with it.</summary>
    public const string SkippedEntry = "PF208";

    /// <summary>Warning: two copies of one paper disagree on a field that is not a count (two abstracts); the newer copy's value is kept.</summary>
    public const string MergeConflict = "PF301";

    /// <summary>Warning: the newer observation has far fewer papers than the older for the same day (under half): likely a half-published day.</summary>
    public const string HalfPublishedDay = "PF302";

    /// <summary>Warning: an item of API or HTML input has no title at any level; skipped.</summary>
    public const string UntitledItem = "PF401";

    /// <summary>Warning: the HTML page's <c>data-props</c> JSON is broken; the rendered cards are read instead.</summary>
    public const string BrokenEmbeddedJson = "PF402";

    /// <summary>Warning: an HTML paper card without a title link (<c>h3 a[href^="/papers/"]</c>); skipped.</summary>
    public const string UntitledCard = "PF403";

    /// <summary>Warning: an HTML element whose content is raw text (<c>script</c>, <c>style</c>, <c>textarea</c>…) is never closed; what follows its start tag is read as markup, not hidden.</summary>
    public const string UnclosedRawText = "PF404";

    /// <summary>Warning: an API count (<c>upvotes</c>, <c>numComments</c>, <c>githubStars</c>) is not a whole number from 0 to 2,147,483,647; read as unknown.</summary>
    public const string InvalidCount = "PF410";

    /// <summary>Warning: a field of an API item (<c>title</c>, <c>summary</c>, <c>authors</c>) holds a value of the wrong type; a number is read as its text, anything else as missing.</summary>
    public const string MistypedField = "PF414";

    /// <summary>Warning: a line of JSON Lines input is not valid JSON; it is skipped, the other lines are read.</summary>
    public const string InvalidJsonLine = "PF411";

    /// <summary>Warning: a top-level JSON value of API input is not an object or an array of items (a number, a boolean); skipped.</summary>
    public const string UnexpectedJsonValue = "PF412";

    /// <summary>Warning: a JSON document breaks (a syntax error, or it ends early); the items before the break are kept, the rest is not read.</summary>
    public const string TruncatedJson = "PF413";

    /// <summary>Warning: an export met a paper URL that is not an absolute <c>http</c>/<c>https</c> URL; the paper is written without that link.</summary>
    public const string UnsafeLink = "PF501";

    /// <summary>
    /// Warning: an export met item days without a year that neither their snapshot's explicit dates nor a reference date
    /// decide; those items are written without a date of their own (one warning per document, with the count).
    /// </summary>
    public const string YearlessDate = "PF502";

    /// <summary>Error: the input is not text (it contains a NUL character).</summary>
    public const string NotText = "PF901";

    /// <summary>Error: JSON input is not valid JSON, or not the shape its format expects (PaperFeed JSON: a feed or a paper, see docs/json.md; API JSON: see docs/inputs.md).</summary>
    public const string InvalidJson = "PF902";

    /// <summary>Error: one JSON value (a paper, or a whole feed) is larger than the reader accepts (256 MiB), or one string in it is longer than 166,666,666 bytes (the most a JSON writer can write).</summary>
    public const string JsonValueTooLarge = "PF903";

    /// <summary>Error: API input holds its items as JSON strings (an archiver saved Python reprs of them), not objects.</summary>
    public const string StringItems = "PF910";

    /// <summary>Error: the input's format cannot be recognised (see docs/inputs.md for the detection rules).</summary>
    public const string UnknownFormat = "PF922";

    /// <summary>Error: the input's format is recognised but needs a reader this package does not have (HTML needs PaperFeed.Html).</summary>
    public const string UnsupportedFormat = "PF923";

    /// <summary>Error: an input that must be held in memory whole (an HTML page) is larger than the reader's limit.</summary>
    public const string InputTooLarge = "PF924";

    /// <summary>
    /// Error: text that is not a Daily Papers listing (no header, metadata line or capture entry in its first bytes),
    /// found by detection; forcing <see cref="PaperFormat.TextListing"/> reads it anyway (see docs/format.md).
    /// </summary>
    public const string NotAListing = "PF925";

    /// <summary>
    /// Error, reserved: for a reader that returns one feed given an input that holds several listings (an HTML file with
    /// several pages or <c>DailyPapers</c> components). No reader of 1.0 returns a single feed (<see cref="FeedReader"/>
    /// returns every listing), so none reports it.
    /// </summary>
    public const string MultipleListings = "PF926";

    /// <summary>
    /// Error: a gzip or Zstandard input (told by its first bytes) whose compressed data is damaged or cut short; what
    /// was read before the damage has already been handed out.
    /// </summary>
    public const string DamagedCompressedInput = "PF930";
}
