namespace PaperFeed.Cli;

/// <summary>The process exit codes of <c>paperfeed</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success; warnings allowed.</summary>
    public const int Success = 0;

    /// <summary>Input error: a missing or unreadable file, input that is not text, a strict-mode failure.</summary>
    public const int InputError = 1;

    /// <summary>Usage error: an unknown option, a bad option value.</summary>
    public const int UsageError = 2;
}
