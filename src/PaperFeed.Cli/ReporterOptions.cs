using System.CommandLine;

namespace PaperFeed.Cli;

/// <summary><c>--quiet</c> and <c>--diagnostics</c>: how a command reports diagnostics, the same in every command.</summary>
internal sealed class ReporterOptions
{
    private readonly Option<bool> _quiet = CommonOptions.Quiet();
    private readonly Option<string?> _diagnostics = CommonOptions.Diagnostics();

    public void AddTo(Command command)
    {
        command.Options.Add(_quiet);
        command.Options.Add(_diagnostics);
    }

    /// <exception cref="InputErrorException">The <c>--diagnostics</c> file cannot be created.</exception>
    public Reporter Create(ParseResult result, CliContext context) =>
        new(context.Stderr, result.GetValue(_quiet), DiagnosticLog.Open(result.GetValue(_diagnostics)));
}
