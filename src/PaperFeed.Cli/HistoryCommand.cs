using System.CommandLine;
using PaperFeed.Http;

namespace PaperFeed.Cli;

/// <summary>
/// <c>paperfeed history ARCHIVE</c>: one row per paper per listing day per observation (arxivId, day, observedAt,
/// upvotes, comments, githubStars, rank, title), time-ordered, as JSON Lines, CSV or Parquet; or an SVG of the upvote
/// curves of the range's top papers.
/// </summary>
internal sealed class HistoryCommand
{
    private readonly Argument<string> _archive = new("ARCHIVE") { Description = "An archive directory made by 'paperfeed fetch'." };
    private readonly Option<string> _format = new("--format") { Description = "jsonl (default), csv, parquet, or svg (upvote curves of the top papers).", DefaultValueFactory = _ => "jsonl" };
    private readonly Option<int?> _top = CommonOptions.Count("--top", "svg: how many papers to draw, those with the most upvotes at their last observation (default 10).");
    private readonly Option<string?> _output = CommonOptions.Output();

    public HistoryCommand()
    {
        _format.AcceptOnlyFromAmong("jsonl", "csv", "parquet", "svg");
        Command = new Command("history", "Upvote history from a fetch archive: every observation of every paper, time-ordered.")
        {
            Arguments = { _archive },
            Options = { _format, _top, _output },
        };
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult result, CliContext context, CancellationToken cancellationToken)
    {
        string path = result.GetValue(_archive)!;
        if (!DailyPapersArchive.IsArchive(path)) throw new InputErrorException(Directory.Exists(path) ? $"{path}: not a fetch archive (no manifest.jsonl)" : $"{path}: no such archive directory");
        var archive = DailyPapersArchive.Open(path);
        string format = result.GetValue(_format)!;
        var rows = archive.ReadHistoryAsync(cancellationToken: cancellationToken);
        await using var output = context.OpenOutput(result.GetValue(_output));
        switch (format)
        {
            case "csv":
                await HistoryText.WriteCsvAsync(output.Stream, rows, cancellationToken).ConfigureAwait(false);
                break;
            case "parquet":
                await HistoryParquet.WriteAsync(output.Stream, rows, cancellationToken).ConfigureAwait(false);
                break;
            case "svg":
                await HistorySvg.WriteAsync(output.Stream, rows, result.GetValue(_top) ?? 10, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await HistoryText.WriteJsonLinesAsync(output.Stream, rows, cancellationToken).ConfigureAwait(false);
                break;
        }
        await output.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
