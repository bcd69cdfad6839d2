using System.CommandLine;
using PaperFeed.Export;

namespace PaperFeed.Cli;

/// <summary>The options that map onto <see cref="PaperFilter"/>, shared by <c>parse</c> and <c>merge</c>.</summary>
internal sealed class FilterOptions
{
    /// <summary>The formats every paper-writing command accepts: PaperFeed JSON, the standard exports, then Parquet (a directory).</summary>
    public static readonly string[] Formats = ["json", "jsonl", "rss", "atom", "jsonfeed", "csv", "markdown", ParquetOutput.Format];

    private readonly Option<int?> _minUpvotes = CommonOptions.Count("--min-upvotes", "Keep papers with at least N upvotes (papers without a count are dropped).");

    private readonly Option<string?> _match = new("--match")
    {
        Description = "Keep papers whose title, abstract or AI keywords match REGEX (.NET syntax; case-insensitive unless the pattern says (?-i)).",
        HelpName = "REGEX",
    };

    private readonly Option<bool> _hasCode = new("--has-code")
    {
        Description = "Keep papers that name a code repository.",
    };

    private readonly Option<string?> _organization = new("--organization")
    {
        Description = "Keep papers submitted under this organization (its handle or full name, ignoring case).",
        HelpName = "NAME",
    };

    private readonly Option<string?> _sort = new("--sort")
    {
        Description = "Order by upvotes, comments (most first), published, featured (newest first) or title; missing values last, ties in input order.",
        HelpName = "KEY",
    };

    private readonly Option<int?> _top = CommonOptions.Count("--top", "Keep the first N papers (after --sort). Across all inputs, except --format json: within each feed.");

    public FilterOptions()
    {
        AcceptOnly(_sort, "upvotes", "published", "featured", "comments", "title");
        _match.Validators.Add(result =>
        {
            // A bad pattern is a usage error that names the option (exit 2), caught before any input is read.
            try
            {
                _ = new PaperFilter { Match = result.GetValueOrDefault<string?>() };
            }
            catch (ArgumentException e)
            {
                result.AddError($"--match: '{result.GetValueOrDefault<string?>()}' is not a valid regular expression: {e.InnerException?.Message ?? e.Message}");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_minUpvotes);
        command.Options.Add(_match);
        command.Options.Add(_hasCode);
        command.Options.Add(_organization);
        command.Options.Add(_sort);
        command.Options.Add(_top);
    }

    /// <summary>The filter the options ask for, or <c>null</c> when none was given.</summary>
    public PaperFilter? Read(ParseResult result)
    {
        var filter = new PaperFilter
        {
            MinUpvotes = result.GetValue(_minUpvotes),
            Match = result.GetValue(_match),
            HasCode = result.GetValue(_hasCode),
            Organization = result.GetValue(_organization),
            SortBy = result.GetValue(_sort) is string key ? Enum.Parse<PaperSortKey>(key, ignoreCase: true) : null,
            Top = result.GetValue(_top),
        };
        return filter == new PaperFilter() ? null : filter;
    }

    /// <summary>Limits an option to some values, with an error that names the option (System.CommandLine's does not).</summary>
    public static void AcceptOnly(Option<string?> option, params string[] values) => option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<string?>() is string value && !values.Contains(value, StringComparer.Ordinal))
        {
            result.AddError($"{option.Name}: '{value}' is not one of {string.Join(", ", values)}.");
        }
    });

    /// <summary>The export a <c>--format</c> value names, or <c>null</c> for PaperFeed's own JSON.</summary>
    public static ExportFormat? ExportOf(string? format) =>
        format is not ("json" or "jsonl") && FeedExporter.TryParseFormat(format, out var export) ? export : null;
}
