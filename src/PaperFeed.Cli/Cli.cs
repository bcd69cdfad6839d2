using System.CommandLine;
using System.Text;

namespace PaperFeed.Cli;

/// <summary>
/// The <c>paperfeed</c> command line: argument parsing and output only; the work is done by the PaperFeed library.
/// Callable in-process (tests) with any streams.
/// </summary>
public static class Cli
{
    /// <summary>Runs <c>paperfeed</c> with <paramref name="args"/> and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="stdin">Standard input (read when a file is <c>-</c> or none is given).</param>
    /// <param name="stdout">Standard output: JSON, UTF-8.</param>
    /// <param name="stderr">Standard error: diagnostics, errors, progress.</param>
    /// <param name="stderrIsTerminal">True when <paramref name="stderr"/> is a terminal: enables progress on large inputs.</param>
    /// <param name="cancellationToken">Stops the run (a temporary output file is removed).</param>
    public static Task<int> InvokeAsync(string[] args, Stream stdin, Stream stdout, TextWriter stderr,
        bool stderrIsTerminal = false, CancellationToken cancellationToken = default) =>
        InvokeAsync(args, new CliContext(stdin, stdout, stderr, stderrIsTerminal), cancellationToken);

    /// <summary>Runs <c>paperfeed</c> in <paramref name="context"/> (the process entry, and tests that inject faults).</summary>
    internal static async Task<int> InvokeAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        // Progress is drawn from a timer thread while diagnostics are written: one synchronized writer for both.
        // Every write failure on standard output is told apart from an input's (a closed pipe ends the run quietly).
        var stderr = TextWriter.Synchronized(context.Stderr);
        context = context with { Stderr = stderr, Stdout = new OutputStream(context.Stdout, "standard output") };
        var reporter = new Reporter(stderr, quiet: false);
        var root = BuildCommand(context);

        int doubleDash = Array.IndexOf(args, "--");
        ParserOptions.Literal = doubleDash < 0 ? null : [.. args[(doubleDash + 1)..]];
        ParseResult parsed;
        try
        {
            parsed = root.Parse(args);
        }
        finally
        {
            ParserOptions.Literal = null;
        }
        if (parsed.Errors.Count > 0)
        {
            // One line: the first error (later ones often follow from it) and where to look.
            reporter.Error($"{parsed.Errors[0].Message.TrimEnd()} (see 'paperfeed --help')");
            return ExitCodes.UsageError;
        }

        await using var help = new StreamWriter(context.Stdout, new UTF8Encoding(false), bufferSize: 4096, leaveOpen: true) { AutoFlush = true };
        try
        {
            // Signals are ConsoleCancellation's (the token): System.CommandLine must not install handlers of its own.
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = help, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Whatever the cancellation surfaced as: the run was stopped, its temporary output already removed.
            var signal = context.Signal();
            reporter.Error(signal is null ? "interrupted; output not written" : $"interrupted by {signal.Name}; output not written");
            return signal?.ExitCode ?? ExitCodes.Interrupted;
        }
        catch (OutputException e) when (e.IsBrokenPipe)
        {
            // The reader went away (paperfeed … | head -1): stop quietly, as a process SIGPIPE ends would.
            return ExitCodes.BrokenPipe;
        }
        catch (OutputException e)
        {
            reporter.Error(e.Message);
            return ExitCodes.InputError;
        }
        catch (FeedFormatException e)
        {
            // A warning that stopped a strict run is an error of this run.
            stderr.WriteLine(Reporter.Format(e.Diagnostic with { Severity = DiagnosticSeverity.Error }));
            return ExitCodes.InputError;
        }
        catch (InputErrorException e)
        {
            reporter.Error(e.Message);
            return ExitCodes.InputError;
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException e)
        {
            // The pattern, not the input, is at fault (catastrophic backtracking): a usage error naming the option.
            reporter.Error(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"--match: '{e.Pattern}' took longer than {e.MatchTimeout.TotalSeconds:0.#} s on one paper; simplify the pattern."));
            return ExitCodes.UsageError;
        }
        catch (IOException e)
        {
            reporter.Error(e.Message);
            return ExitCodes.InputError;
        }
        catch (UnauthorizedAccessException e)
        {
            reporter.Error(e.Message);
            return ExitCodes.InputError;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug, not bad input: still one line, never a stack trace (the type names the bug for a report).
            reporter.Error($"unexpected {e.GetType().Name}: {e.Message}");
            return ExitCodes.InputError;
        }
    }

    private static RootCommand BuildCommand(CliContext context)
    {
        var parse = new ParseCommand();
        parse.Command.SetAction((result, token) => parse.RunAsync(result, context, token));

        var merge = new MergeCommand();
        merge.Command.SetAction((result, token) => merge.RunAsync(result, context, token));

        var diff = new DiffCommand();
        diff.Command.SetAction((result, token) => diff.RunAsync(result, context, token));

        var stats = new StatsCommand();
        stats.Command.SetAction((result, token) => stats.RunAsync(result, context, token));

        var schema = new Command("schema", "Print the JSON Schema of the JSON document form (docs/paperfeed.schema.json).");
        schema.SetAction(async (_, token) =>
        {
            await context.Stdout.WriteAsync(Encoding.UTF8.GetBytes(FeedJson.GetSchema()), token).ConfigureAwait(false);
            await context.Stdout.FlushAsync(token).ConfigureAwait(false);
            return ExitCodes.Success;
        });

        return new RootCommand("paperfeed: Hugging Face Daily Papers snapshots to typed JSON.")
        {
            Subcommands = { parse.Command, merge.Command, diff.Command, stats.Command, schema },
        };
    }
}
