using System.CommandLine;

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
        var selection = new PaperSelection(result.GetValue(_dedupe) ? new PaperDeduplicator() : null, _filters.Read(result));
        // The document form keeps the inputs' feeds (a filter chooses papers within each); every other form is a
        // stream of papers over all inputs. Sort and top need whole feeds; otherwise papers stream one at a time.
        bool document = format == "json";
        bool wholeFeeds = document && selection.NeedsWholeFeeds;

        var inputs = Inputs.Resolve(result.GetValue(_parser.Files), context.Stdin);
        using var progress = Progress.Start(context.Stderr, context.StderrIsTerminal, inputs.KnownLength);
        var pipeline = new InputPipeline(inputs, options, reporter);
        progress.Track(() => pipeline.BytesRead);
        if (format == "jsonl" && selection.KeepsAll)
        {
            // Every paper, unchanged: the library writes the JSON Lines itself (a text listing without making strings).
            await using var jsonLines = context.OpenOutput(result.GetValue(_output));
            await pipeline.WriteJsonLinesAsync(jsonLines.Stream, cancellationToken).ConfigureAwait(false);
            await jsonLines.CommitAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        // A paper goes out as soon as it is read (a stream of papers, or loose papers in JSON input), so memory never
        // holds more than one feed; sort and top in the document form need whole feeds.
        Func<FeedReader, FeedInput, CancellationToken, IAsyncEnumerable<FeedItem>> read =
            !document ? (reader, input, token) => reader.ReadPapersAsync(input, token).Select(paper => new FeedItem(paper))
            : wholeFeeds ? (reader, input, token) => reader.ReadFeedsAsync(input, token).Select(feed => new FeedItem(feed))
            : (reader, input, token) => reader.ReadItemsAsync(input, token);
        var items = pipeline.ReadAsync(read, cancellationToken).Select(entry =>
        {
            if (progress.IsShown) progress.OnPaper();
            return entry.Item;
        });
        if (format == ParquetOutput.Format)
        {
            // A dataset in a directory, written aside and moved into place: no output stream.
            return await _parquet.WriteAsync(result, result.GetValue(_output)!, selection.Across(items.Select(item => item.Paper!), cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        await using var output = context.OpenOutput(result.GetValue(_output));
        if (document)
        {
            await using var writer = new FeedJsonWriter(output.Stream, FeedJsonFormat.Document, indented: true, leaveOpen: true);
            await foreach (var item in items.ConfigureAwait(false))
            {
                if (item.Feed is { } feed) await writer.WriteFeedAsync(selection.Within(feed), cancellationToken).ConfigureAwait(false);
                else if (selection.Keeps(item.Paper!)) await writer.WritePaperAsync(item.Paper!, cancellationToken).ConfigureAwait(false);
            }
            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var papers = selection.Across(items.Select(item => item.Paper!), cancellationToken);
            await PaperOutput.WriteAsync(output.Stream, format, papers, _export.Read(result, options, reporter), cancellationToken).ConfigureAwait(false);
        }
        await output.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
