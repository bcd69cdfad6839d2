using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace PaperFeed.Cli;

/// <summary>
/// <c>paperfeed stats [FILE…]</c>: counts through the real parser, without keeping papers. A summary for people on a
/// terminal (<see cref="StatsSummary"/>); piped, to a file or with <c>--json</c>, one JSON object (<see cref="StatsReport"/>).
/// </summary>
internal sealed class StatsCommand
{
    private readonly ParserOptions _parser = new();

    private readonly Option<string?> _output = CommonOptions.Output();

    private readonly Option<bool> _json = CommonOptions.Json("Print the JSON object even on a terminal (piped or to a file, it is always JSON).");

    private readonly ReporterOptions _reporting = new();

    public StatsCommand()
    {
        Command = new Command("stats", "Count feeds, papers and diagnostics of the inputs: a summary on a terminal, else one JSON object.");
        _parser.AddTo(Command);
        Command.Options.Add(_output);
        Command.Options.Add(_json);
        _reporting.AddTo(Command);
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult result, CliContext context, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        using var reporter = _reporting.Create(result, context);
        var inputs = Inputs.Resolve(result.GetValue(_parser.Files), context.Stdin);
        using var progress = Progress.Start(context.Stderr, context.StderrIsTerminal, inputs.KnownLength);
        var options = _parser.Read(result);
        var total = new StatsReport();
        var pipeline = new InputPipeline(inputs, options, reporter);
        progress.Track(() => pipeline.BytesRead);
        await foreach (var (_, statistics) in pipeline.CountAsync(cancellationToken).ConfigureAwait(false)) total = total.Add(StatsReport.From(statistics, 0));
        total = total with { Bytes = pipeline.BytesRead };

        // The progress line is erased before the summary, which may go to the same terminal.
        progress.Dispose();
        await using var output = context.OpenOutput(result.GetValue(_output));
        if (!result.GetValue(_json) && context.IsForPeople(result.GetValue(_output)))
        {
            string summary = StatsSummary.Format(total, Stopwatch.GetElapsedTime(started), infosShown: reporter.HiddenInfos == 0, _reporting.StdoutStyle(result, context));
            await output.Stream.WriteAsync(Encoding.UTF8.GetBytes(summary), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await using (var json = new Utf8JsonWriter(output.Stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
            {
                JsonSerializer.Serialize(json, total, CliJsonContext.Default.StatsReport);
            }
            output.Stream.Write("\n"u8);
        }
        await output.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
