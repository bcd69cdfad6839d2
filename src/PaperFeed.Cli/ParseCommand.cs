using System.CommandLine;
using System.Threading.Channels;
using PaperFeed.Html;

namespace PaperFeed.Cli;

/// <summary><c>paperfeed parse [FILE…]</c>: inputs to one JSON document (array of feeds) or JSON Lines (papers).</summary>
internal sealed class ParseCommand
{
    private readonly ParserOptions _parser = new();
    private readonly FilterOptions _filters = new();
    private readonly ExportCliOptions _export = new();

    private readonly Option<string> _format = new("--format")
    {
        Description = "json: one array of feeds over all inputs; jsonl: one paper per line; rss, atom, jsonfeed, csv, markdown: a standard export of the papers; parquet: a Parquet dataset in --output DIR.",
        DefaultValueFactory = _ => "json",
    };

    private readonly Option<string?> _output = CommonOptions.Output();

    private readonly Option<bool> _dedupe = new("--dedupe")
    {
        Description = "Keep only the first of papers that are the same paper (same arXiv id, else same title up to case, whitespace and punctuation).",
    };

    private readonly ReporterOptions _reporting = new();

    private readonly ParquetOutput _parquet = new();

    public ParseCommand()
    {
        FilterOptions.AcceptOnly(_format!, FilterOptions.Formats);
        Command = new Command("parse", "Parse Daily Papers snapshots into typed JSON.");
        _parser.AddTo(Command);
        Command.Options.Add(_format);
        Command.Options.Add(_output);
        Command.Options.Add(_dedupe);
        _reporting.AddTo(Command);
        _filters.AddTo(Command);
        _export.AddTo(Command);
        _parquet.AddTo(Command, _format, _output);
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult result, CliContext context, CancellationToken cancellationToken)
    {
        using var reporter = _reporting.Create(result, context);
        var format = result.GetValue(_format) == "jsonl" ? FeedJsonFormat.JsonLines : FeedJsonFormat.Document;
        var options = _parser.Read(result);
        var inputFormat = result.GetValue(_parser.InputFormat);
        var dedupe = result.GetValue(_dedupe) ? new PaperDeduplicator() : null;
        var filter = _filters.Read(result);
        if (result.GetValue(_format) == ParquetOutput.Format)
        {
            var parquetInputs = Inputs.Resolve(result.GetValue(_parser.Files), context.Stdin);
            return await _parquet.WriteAsync(result, result.GetValue(_output)!,
                FilteredParse.Papers(parquetInputs, options, reporter, dedupe, filter, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        if (filter is not null || FilterOptions.ExportOf(result.GetValue(_format)) is not null)
        {
            return await FilteredParse.RunAsync(result.GetValue(_parser.Files), context, options, reporter, dedupe, filter,
                result.GetValue(_format)!, () => context.OpenOutput(result.GetValue(_output)), _export.Read(result, options, reporter), cancellationToken).ConfigureAwait(false);
        }

        var inputs = Inputs.Resolve(result.GetValue(_parser.Files), context.Stdin);
        await using var output = context.OpenOutput(result.GetValue(_output));
        using var progress = Progress.Start(context.Stderr, context.StderrIsTerminal, inputs.KnownLength);
        await using (var writer = new FeedJsonWriter(output.Stream, format, indented: format == FeedJsonFormat.Document, leaveOpen: true))
        {
            var items = OrderedInputs.ReadAsync<object>(inputs.Paths, Produce, Environment.ProcessorCount, cancellationToken);
            await foreach (var item in items.ConfigureAwait(false))
            {
                if (item is FeedDiagnostic diagnostic)
                {
                    reporter.Report(diagnostic);
                    continue;
                }
                if (item is Paper paper)
                {
                    if (dedupe is null || dedupe.TryAdd(paper)) await writer.WritePaperAsync(paper, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                var feed = (Feed)item;
                if (dedupe is not null) feed = feed with { Papers = feed.Papers.Where(dedupe.TryAdd).ToList() };
                await writer.WriteFeedAsync(feed, cancellationToken).ConfigureAwait(false);
            }
            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await output.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;

        // One input: its diagnostics and feeds or papers, in the order they happen. A paper goes out as soon as it is
        // read (JSON Lines output, or loose papers in JSON input), so memory never holds more than one feed.
        async Task Produce(string path, ChannelWriter<object> channel, CancellationToken token)
        {
            var pending = new List<FeedDiagnostic>();
            var inputOptions = options with { SourceName = Inputs.DisplayName(path), OnDiagnostic = pending.Add };
            await using var stream = inputs.Open(path, progress.OnRead);
            try
            {
                var items = format == FeedJsonFormat.JsonLines
                    ? AnyPaperReader.ReadPapersAsync(stream, inputFormat, inputOptions, token)
                    : AnyPaperReader.ReadItemsAsync(stream, inputFormat, inputOptions, token);
                await foreach (var item in items.ConfigureAwait(false))
                {
                    await FlushAsync().ConfigureAwait(false);
                    await channel.WriteAsync(item, token).ConfigureAwait(false);
                }
            }
            catch (FeedFormatException e)
            {
                // Strict mode reports the warning, then throws it: show it once, as the error.
                pending.Remove(e.Diagnostic);
                throw;
            }
            finally
            {
                // Diagnostics raised before a failure still come out, ahead of the error.
                await FlushAsync().ConfigureAwait(false);
            }

            async Task FlushAsync()
            {
                foreach (var diagnostic in pending) await channel.WriteAsync(diagnostic, token).ConfigureAwait(false);
                pending.Clear();
            }
        }
    }
}
