namespace PaperFeed.Cli;

/// <summary>The streams a run uses: the console's in the process, memory streams in tests.</summary>
internal sealed record CliContext(Stream Stdin, Stream Stdout, TextWriter Stderr, bool StderrIsTerminal)
{
    /// <summary>Creates an output file for writing (tests inject streams that fail).</summary>
    public Func<string, Stream> CreateFile { get; init; } = OutputTarget.CreateFile;

    /// <summary>The signal that cancelled the run, when a signal did.</summary>
    public Func<StopSignal?> Signal { get; init; } = static () => null;

    /// <summary>Reads an environment variable (<c>HF_TOKEN</c>, <c>HF_ENDPOINT</c>); tests give their own.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The clock of <c>fetch</c>'s pacing, backoff and timestamps (tests run it fast).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Adjusts <c>fetch</c>'s client options (tests lengthen the attempt timeout on their fast clock).</summary>
    public Func<PaperFeed.Http.DailyPapersClientOptions, PaperFeed.Http.DailyPapersClientOptions> ConfigureFetch { get; init; } = static options => options;

    /// <summary>Opens the <c>--output</c> of a command.</summary>
    public OutputTarget OpenOutput(string? path) => OutputTarget.Open(path, Stdout, CreateFile);
}
