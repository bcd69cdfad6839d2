namespace PaperFeed.Cli;

/// <summary>The process exit codes of <c>paperfeed</c> (README, "Command line").</summary>
public static class ExitCodes
{
    /// <summary>Success; warnings allowed.</summary>
    public const int Success = 0;

    /// <summary>
    /// Input or output error: a missing or unreadable file, input that is not text, a strict-mode failure, an output
    /// that cannot be written (read-only, a full disk).
    /// </summary>
    public const int InputError = 1;

    /// <summary>Usage error: an unknown option, a bad option value, options that conflict; or a <c>--match</c> pattern too slow on a paper.</summary>
    public const int UsageError = 2;

    /// <summary>Stopped by SIGHUP (128 + 1, as a shell reports it).</summary>
    public const int Hangup = 129;

    /// <summary>Stopped by SIGINT (Ctrl+C), or cancelled in-process.</summary>
    public const int Interrupted = 130;

    /// <summary>Standard output was a pipe whose reader went away (as SIGPIPE would end the process: 128 + 13).</summary>
    public const int BrokenPipe = 141;

    /// <summary>Stopped by SIGTERM.</summary>
    public const int Terminated = 143;
}
