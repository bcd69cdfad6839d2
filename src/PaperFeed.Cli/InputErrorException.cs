namespace PaperFeed.Cli;

/// <summary>An input that cannot be opened or read; reported as one line, exit code 1.</summary>
internal sealed class InputErrorException(string message, Exception? inner = null) : Exception(message, inner);
