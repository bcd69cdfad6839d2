using System.CommandLine;
using System.Text.Json;

namespace PaperFeed.Cli;

/// <summary><c>paperfeed stats [FILE…]</c>: counts through the real parser, without keeping papers; one JSON object.</summary>
internal sealed class StatsCommand
{
    private readonly ParserOptions _parser = new();

    private readonly Option<string?> _output = CommonOptions.Output();

    private readonly ReporterOptions _reporting = new();

    public StatsCommand()
    {
        Command = new Command("stats", "Count feeds, papers and diagnostics of the inputs; prints one JSON object.");
        _parser.AddTo(Command);
        Command.Options.Add(_output);
        _reporting.AddTo(Command);
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult result, CliContext context, CancellationToken cancellationToken)
    {
        using var reporter = _reporting.Create(result, context);
        var inputs = Inputs.Resolve(result.GetValue(_parser.Files), context.Stdin);
        using var progress = Progress.Start(context.Stderr, context.StderrIsTerminal, inputs.KnownLength);
        var options = _parser.Read(result);
        var total = new StatsReport();
        var pipeline = new InputPipeline(inputs, options, reporter);
        progress.Track(() => pipeline.BytesRead);
        await foreach (var (_, statistics) in pipeline.CountAsync(cancellationToken).ConfigureAwait(false)) total = total.Add(StatsReport.From(statistics, 0));
        total = total with { Bytes = pipeline.BytesRead };

        await using var output = context.OpenOutput(result.GetValue(_output));
        await using (var json = new Utf8JsonWriter(output.Stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            JsonSerializer.Serialize(json, total, CliJsonContext.Default.StatsReport);
        }
        output.Stream.Write("\n"u8);
        await output.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;

    }
}
