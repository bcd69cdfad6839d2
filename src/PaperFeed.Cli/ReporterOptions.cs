using System.CommandLine;

namespace PaperFeed.Cli;

/// <summary>
/// <c>--quiet</c>, <c>--verbose</c>, <c>--color</c> and <c>--diagnostics</c>: how a command reports diagnostics and
/// colours its output, the same in every command.
/// </summary>
internal sealed class ReporterOptions
{
    private readonly Option<bool> _quiet = CommonOptions.Quiet();
    private readonly Option<bool> _verbose = CommonOptions.Verbose();
    private readonly Option<ColorMode> _color = CommonOptions.Color();
    private readonly Option<string?> _diagnostics = CommonOptions.Diagnostics();

    public void AddTo(Command command)
    {
        command.Options.Add(_quiet);
        command.Options.Add(_verbose);
        command.Options.Add(_color);
        command.Options.Add(_diagnostics);
        command.Validators.Add(result =>
        {
            if (result.GetValue(_quiet) && result.GetValue(_verbose)) result.AddError("--quiet and --verbose cannot be used together.");
        });
    }

    /// <exception cref="InputErrorException">The <c>--diagnostics</c> file cannot be created.</exception>
    public Reporter Create(ParseResult result, CliContext context)
    {
        var verbosity = result.GetValue(_quiet) ? Verbosity.Quiet : result.GetValue(_verbose) ? Verbosity.Verbose : Verbosity.Normal;
        var style = Style.For(result.GetValue(_color), context.StderrIsTerminal, context.GetEnvironmentVariable);
        return new Reporter(context.Stderr, verbosity, DiagnosticLog.Open(result.GetValue(_diagnostics)), style);
    }

    /// <summary>The colour of what the command writes to standard output for people (see <see cref="CliContext.IsForPeople"/>).</summary>
    public Style StdoutStyle(ParseResult result, CliContext context) =>
        Style.For(result.GetValue(_color), context.StdoutIsTerminal, context.GetEnvironmentVariable);
}
