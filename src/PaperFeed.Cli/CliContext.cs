namespace PaperFeed.Cli;

/// <summary>The streams a run uses: the console's in the process, memory streams in tests.</summary>
internal sealed record CliContext(Stream Stdin, Stream Stdout, TextWriter Stderr, bool StderrIsTerminal);
