using System.CommandLine;

namespace PaperFeed.Cli;

/// <summary>
/// <c>paperfeed diff OLD NEW</c>: what changed between two observations (<see cref="PaperDiff"/>): a report for
/// people on a terminal (<see cref="DiffReport"/>); piped, to a file or with <c>--json</c>, JSON Lines; a table with
/// <c>--format table</c>. Exit 0 whether or not anything changed.
/// </summary>
internal sealed class DiffCommand
{
    private readonly ParserOptions _parser = new();

    private readonly Option<string?> _format = new("--format")
    {
        Description = "jsonl: one change per line (the default unless standard output is a terminal); table: one line per paper, for people.",
    };

    private readonly Option<bool> _json = CommonOptions.Json("Print JSON Lines even on a terminal (piped or to a file, it is always JSON Lines); the same as --format jsonl.");

    private readonly Option<string?> _output = CommonOptions.Output();

    private readonly ReporterOptions _reporting = new();

    public DiffCommand()
    {
        _parser.Files.Arity = new ArgumentArity(2, 2);
        _parser.Files.Description = "OLD and NEW: two inputs of any supported kind ('-' is standard input).";
        FilterOptions.AcceptOnly(_format, "jsonl", "table");
        Command = new Command("diff", "Show papers added, removed and changed (field by field) from OLD to NEW: a report on a terminal, else JSON Lines.");
        _parser.AddTo(Command);
        Command.Options.Add(_format);
        Command.Options.Add(_json);
        Command.Validators.Add(result =>
        {
            if (result.GetValue(_json) && result.GetValue(_format) == "table") result.AddError("--json and --format table cannot be used together.");
        });
        Command.Options.Add(_output);
        _reporting.AddTo(Command);
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult result, CliContext context, CancellationToken cancellationToken)
    {
        using var reporter = _reporting.Create(result, context);
        var inputs = Inputs.Resolve(result.GetValue(_parser.Files), context.Stdin);
        var options = _parser.Read(result);
        var old = await ReadAsync(inputs.Paths[0]).ConfigureAwait(false);
        var @new = await ReadAsync(inputs.Paths[1]).ConfigureAwait(false);
        string newName = Inputs.DisplayName(inputs.Paths[1]);
        var changes = PaperDiff.Compute(old, @new, d => reporter.Report(d with { Source = newName }));

        await using var output = context.OpenOutput(result.GetValue(_output));
        string? format = result.GetValue(_json) ? "jsonl" : result.GetValue(_format);
        if (format is null && context.IsForPeople(result.GetValue(_output)))
        {
            string report = DiffReport.Format(Inputs.DisplayName(inputs.Paths[0]), newName, changes, _reporting.StdoutStyle(result, context));
            await output.Stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(report), cancellationToken).ConfigureAwait(false);
        }
        else if (format == "table")
        {
            await using var writer = new StreamWriter(output.Stream, new System.Text.UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
            await PaperDiff.WriteTableAsync(writer, changes, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await PaperDiff.WriteJsonLinesAsync(output.Stream, changes, cancellationToken).ConfigureAwait(false);
        }
        await output.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;

        async Task<List<Feed>> ReadAsync(string path)
        {
            var feeds = new List<Feed>();
            var pipeline = new InputPipeline(inputs.Only(path), options, reporter);
            await foreach (var (_, feed) in pipeline.ReadAsync((reader, input, token) => reader.ReadFeedsAsync(input, token), cancellationToken).ConfigureAwait(false)) feeds.Add(feed);
            return feeds;
        }
    }
}
