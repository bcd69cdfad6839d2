using System.CommandLine;

namespace PaperFeed.Cli;

/// <summary>
/// <c>paperfeed merge INPUT…</c>: every paper counted once across days, saves and formats (<see cref="PaperMerger"/>),
/// written in first-seen order in any <c>--format</c>, optionally filtered.
/// </summary>
internal sealed class MergeCommand
{
    private readonly ParserOptions _parser = new();
    private readonly FilterOptions _filters = new();
    private readonly ExportCliOptions _export = new();

    private readonly Option<string> _format = new("--format")
    {
        Description = "json (one feed of the merged papers), jsonl, rss, atom, jsonfeed, csv, markdown, or parquet (a Parquet dataset in --output DIR).",
        DefaultValueFactory = _ => "json",
    };

    private readonly Option<string?> _output = CommonOptions.Output();

    private readonly ReporterOptions _reporting = new();

    private readonly ParquetOutput _parquet = new();

    public MergeCommand()
    {
        FilterOptions.AcceptOnly(_format!, FilterOptions.Formats);
        Command = new Command("merge", "Merge snapshots: each paper once, with its latest counts and every field any copy has.");
        _parser.AddTo(Command);
        Command.Options.Add(_format);
        Command.Options.Add(_output);
        _reporting.AddTo(Command);
        _filters.AddTo(Command);
        _export.AddTo(Command);
        _parquet.AddTo(Command, _format, _output);
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult result, CliContext context, CancellationToken cancellationToken)
    {
        using var reporter = _reporting.Create(result, context);
        var inputs = Inputs.Resolve(result.GetValue(_parser.Files), context.Stdin);
        // Merging reads every input first: a dataset folder that will be refused is refused before that.
        if (result.GetValue(_format) == ParquetOutput.Format) ParquetOutput.CheckTarget(result.GetValue(_output)!);
        var merger = new PaperMerger(reporter.Report);
        var readerOptions = _parser.Read(result);
        var feeds = new InputPipeline(inputs, readerOptions, reporter).ReadAsync((reader, input, token) => reader.ReadFeedsAsync(input, token), cancellationToken);
        await foreach (var (name, feed) in feeds.ConfigureAwait(false))
        {
            merger.Add(feed, name);
        }

        var papers = merger.GetResults().Select(m => m.Paper).ToAsyncEnumerable();
        var filter = _filters.Read(result) ?? new PaperFilter();
        if (result.GetValue(_format) == ParquetOutput.Format)
        {
            return await _parquet.WriteAsync(result, result.GetValue(_output)!, filter.ApplyAsync(papers, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        await using var output = context.OpenOutput(result.GetValue(_output));
        await PaperOutput.WriteAsync(output.Stream, result.GetValue(_format)!, filter.ApplyAsync(papers, cancellationToken), _export.Read(result, readerOptions, reporter), cancellationToken).ConfigureAwait(false);
        await output.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
