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
        string format = result.GetValue(_format)!;
        var options = _parser.Read(result);
        var inputFormat = result.GetValue(_parser.InputFormat);
        var selection = new PaperSelection(result.GetValue(_dedupe) ? new PaperDeduplicator() : null, _filters.Read(result));
        // The document form keeps the inputs' feeds (a filter chooses papers within each); every other form is a
        // stream of papers over all inputs. Sort and top need whole feeds; otherwise papers stream one at a time.
        bool document = format == "json";
        bool wholeFeeds = document && selection.NeedsWholeFeeds;

        var inputs = Inputs.Resolve(result.GetValue(_parser.Files), context.Stdin);
        using var progress = Progress.Start(context.Stderr, context.StderrIsTerminal, inputs.KnownLength);
        var items = Reported(OrderedInputs.ReadAsync<object>(inputs.Paths, Produce, Environment.ProcessorCount, cancellationToken));
        if (format == ParquetOutput.Format)
        {
            // A dataset in a directory, written aside and moved into place: no output stream.
            return await _parquet.WriteAsync(result, result.GetValue(_output)!, selection.Across(items.Cast<Paper>(), cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        await using var output = context.OpenOutput(result.GetValue(_output));
        if (document)
        {
            await using var writer = new FeedJsonWriter(output.Stream, FeedJsonFormat.Document, indented: true, leaveOpen: true);
            await foreach (var item in items.ConfigureAwait(false))
            {
                if (item is Feed feed) await writer.WriteFeedAsync(selection.Within(feed), cancellationToken).ConfigureAwait(false);
                else if (selection.Keeps((Paper)item)) await writer.WritePaperAsync((Paper)item, cancellationToken).ConfigureAwait(false);
            }
            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var papers = selection.Across(items.Cast<Paper>(), cancellationToken);
            await PaperOutput.WriteAsync(output.Stream, format, papers, _export.Read(result, options, reporter), cancellationToken).ConfigureAwait(false);
        }
        await output.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;

        // Diagnostics come out on stderr as they arrive; everything else goes on.
        async IAsyncEnumerable<object> Reported(IAsyncEnumerable<object> source)
        {
            await foreach (var item in source.ConfigureAwait(false))
            {
                if (item is FeedDiagnostic diagnostic) reporter.Report(diagnostic);
                else yield return item;
            }
        }

        // One input: its diagnostics and feeds or papers, in the order they happen. A paper goes out as soon as it is
        // read (a stream of papers, or loose papers in JSON input), so memory never holds more than one feed.
        async Task Produce(string path, ChannelWriter<object> channel, CancellationToken token)
        {
            var pending = new List<FeedDiagnostic>();
            var inputOptions = options with { SourceName = Inputs.DisplayName(path), OnDiagnostic = pending.Add };
            await using var stream = inputs.Open(path, progress.OnRead);
            try
            {
                var read = !document ? AnyPaperReader.ReadPapersAsync(stream, inputFormat, inputOptions, token).Cast<object>()
                    : wholeFeeds ? AnyPaperReader.ReadFeedsAsync(stream, inputFormat, inputOptions, token).Cast<object>()
                    : AnyPaperReader.ReadItemsAsync(stream, inputFormat, inputOptions, token);
                await foreach (var item in read.ConfigureAwait(false))
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
