using PaperFeed.Cli;

// The process entry: real console streams in, exit code out. Everything else is in Cli, testable in-process.
using var cancel = new ConsoleCancellation();
return await Cli.InvokeAsync(
    args,
    Console.OpenStandardInput(),
    Console.OpenStandardOutput(),
    Console.Error,
    stderrIsTerminal: !Console.IsErrorRedirected,
    cancel.Token);
