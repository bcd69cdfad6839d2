namespace PaperFeed.Cli;

/// <summary>Writing the output failed (a full disk, a closed pipe): reported naming the output, exit code 1.</summary>
internal sealed class OutputException(string name, Exception inner) : Exception($"{name}: cannot write: {Reason(inner)}", inner)
{
    // errno values, the same on Linux and macOS; .NET puts the errno in HResult of the IOException it throws.
    private const int BrokenPipeErrno = 32;

    /// <summary>The reader of a pipe went away (<c>paperfeed … | head -1</c>): not an error to report.</summary>
    public bool IsBrokenPipe => InnerException is IOException { HResult: BrokenPipeErrno };

    /// <summary>The system's reason without the path it appends (the temporary file's, which the user never named).</summary>
    private static string Reason(Exception exception)
    {
        string message = exception.Message;
        int path = message.IndexOf(" : '", StringComparison.Ordinal);
        return path > 0 ? message[..path] : message;
    }
}
