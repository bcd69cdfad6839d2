using System.CommandLine;
using System.Globalization;
using PaperFeed.Html;

namespace PaperFeed.Cli;

/// <summary>The options that map onto the library's <see cref="FeedReaderOptions"/>, shared by every command that reads inputs.</summary>
internal sealed class ParserOptions
{
    public Argument<string[]> Files { get; } = new("FILE")
    {
        Description = "Input files, read in order (text listing, Markdown or clipper capture of the page, HTML page, Hugging Face API JSON, PaperFeed JSON / JSON Lines; detected). None or '-' reads standard input.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string> InputFormat { get; } = new("--input-format")
    {
        Description = "The inputs' format, instead of detecting it from their first bytes: auto, text (the browser copy, read leniently), markdown or clipper (captures made by tools), html, hf-json (Hugging Face API JSON or JSON Lines), json or jsonl (PaperFeed's own).",
        HelpName = "FORMAT",
        DefaultValueFactory = _ => "auto",
    };

    /// <summary>
    /// The format an <c>--input-format</c> word names; null for <c>auto</c> (detect). The option holds the word, not
    /// the format: System.CommandLine cannot hand back a null a custom parser returns for a reference type.
    /// </summary>
    private static FeedFormat? FormatNamed(string name) => name switch
    {
        "text" => FeedFormat.TextListing,
        "markdown" => FeedFormat.MarkdownCapture,
        "clipper" => FeedFormat.ClipperCapture,
        "html" => HtmlFeedFormat.Default,
        "hf-json" => FeedFormat.HuggingFaceApiJson,
        "json" => FeedFormat.PaperFeedJson,
        "jsonl" => FeedFormat.PaperFeedJsonLines,
        _ => null,
    };

    private static readonly string[] FormatNames = ["auto", "text", "markdown", "clipper", "html", "hf-json", "json", "jsonl"];

    public Option<DateOnly?> ReferenceDate { get; } = new("--reference-date")
    {
        Description = "The day the snapshots were taken (YYYY-MM-DD): dates without a year resolve to the latest such date on or before it.",
        HelpName = "YYYY-MM-DD",
        CustomParser = result => ParseDay(result, "--reference-date"),
    };

    public Option<DateOnly?> ListingDate { get; } = new("--listing-date")
    {
        Description = "The day of the Daily Papers listing the inputs hold (YYYY-MM-DD), for Hugging Face API JSON that does not say: the date of its feeds and the featured day of items without submittedOnDailyAt.",
        HelpName = "YYYY-MM-DD",
        CustomParser = result => ParseDay(result, "--listing-date"),
    };

    public Option<bool> ListingDateFromFileName { get; } = new("--listing-date-from-filename")
    {
        Description = "Take the listing day of Hugging Face API JSON from each input's file name when it is a day (2025-03-11.json), as archivers name them.",
    };

    public Option<bool> KeepDuplicateSentences { get; } = new("--keep-duplicate-sentences")
    {
        Description = "Keep sentences repeated inside an abstract (they are collapsed by default).",
    };

    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "Fail (exit 1) on the first warning.",
    };

    public Option<int> MaxLineLength { get; } = new("--max-line-length")
    {
        Description = "Skip lines longer than N characters, with a warning.",
        HelpName = "N",
        DefaultValueFactory = _ => TextOptions.Default.MaxLineLength,
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int length) && length >= 1) return length;
            result.AddError($"--max-line-length: '{text}' is not a whole number of at least 1.");
            return 0;
        },
    };

    /// <summary>The words after <c>--</c> of the command line being parsed on this thread (parsing is synchronous); null when none.</summary>
    [ThreadStatic]
    internal static HashSet<string>? Literal;

    public ParserOptions()
    {
        InputFormat.Validators.Add(result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "auto";
            if (!FormatNames.Contains(text)) result.AddError($"--input-format: '{text}' is not one of {string.Join(", ", FormatNames)}.");
        });
        // FILE takes any token: one that looks like an option is a misspelt option, not a file.
        Files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                // After '--' every word is a file, as in every Unix tool: 'paperfeed parse -- -dash.txt'.
                if (token.Value.Length > 1 && token.Value[0] == '-' && !(Literal?.Contains(token.Value) ?? false)) result.AddError($"unknown option '{token.Value}'.");
            }
            // Two readers of one stream would each get part of it: bogus records, silently.
            if (result.Tokens.Count(token => token.Value == "-") > 1) result.AddError("standard input ('-') can be given only once.");
        });
    }

    public void AddTo(Command command)
    {
        command.Arguments.Add(Files);
        command.Options.Add(InputFormat);
        command.Options.Add(ReferenceDate);
        command.Options.Add(ListingDate);
        command.Options.Add(ListingDateFromFileName);
        command.Options.Add(KeepDuplicateSentences);
        command.Options.Add(Strict);
        command.Options.Add(MaxLineLength);
    }

    /// <summary>The reader options the command line gives: every format the tool ships (HTML included), the one forced if any.</summary>
    public FeedReaderOptions Read(ParseResult result) => FeedReaderOptions.Default.WithFormat(HtmlFeedFormat.Default) with
    {
        Format = FormatNamed(result.GetValue(InputFormat)!),
        Text = new TextOptions
        {
            DuplicateSentences = result.GetValue(KeepDuplicateSentences) ? DuplicateSentenceHandling.Keep : DuplicateSentenceHandling.Collapse,
            MaxLineLength = result.GetValue(MaxLineLength),
        },
        Dates = new DateOptions
        {
            ReferenceDate = result.GetValue(ReferenceDate),
            ListingDate = result.GetValue(ListingDate),
            ListingDateFromSourceName = result.GetValue(ListingDateFromFileName),
        },
        Diagnostics = new DiagnosticOptions { Strict = result.GetValue(Strict) },
    };

    private static DateOnly? ParseDay(System.CommandLine.Parsing.ArgumentResult result, string option)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        result.AddError($"{option}: '{text}' is not a date such as 2025-08-28.");
        return null;
    }
}
