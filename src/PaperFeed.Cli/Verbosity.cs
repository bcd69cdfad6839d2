namespace PaperFeed.Cli;

/// <summary>Which diagnostics stderr shows (<c>--quiet</c>, <c>--verbose</c>); <c>--diagnostics FILE</c> gets every one regardless.</summary>
internal enum Verbosity
{
    /// <summary>Errors only.</summary>
    Quiet,

    /// <summary>Warnings and errors; info diagnostics are counted, not shown.</summary>
    Normal,

    /// <summary>Everything, info included.</summary>
    Verbose,
}
