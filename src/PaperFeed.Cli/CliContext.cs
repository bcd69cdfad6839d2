namespace PaperFeed.Cli;

/// <summary>The streams a run uses: the console's in the process, memory streams in tests.</summary>
internal sealed record CliContext(Stream Stdin, Stream Stdout, TextWriter Stderr, bool StderrIsTerminal)
{
    /// <summary>
    /// True when standard output is a terminal: <c>stats</c> and <c>diff</c> then print for people, not JSON (tests
    /// set it to see both forms).
    /// </summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>Creates an output file for writing (tests inject streams that fail).</summary>
    public Func<string, Stream> CreateFile { get; init; } = OutputTarget.CreateFile;

    /// <summary>The signal that cancelled the run, when a signal did.</summary>
    public Func<StopSignal?> Signal { get; init; } = static () => null;

    /// <summary>Reads an environment variable (<c>HF_TOKEN</c>, <c>HF_ENDPOINT</c>, <c>NO_COLOR</c>, <c>TERM</c>); tests give their own.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The clock of <c>fetch</c>'s pacing, backoff and timestamps (tests run it fast).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Adjusts <c>fetch</c>'s client options (tests lengthen the attempt timeout on their fast clock).</summary>
    public Func<PaperFeed.Http.DailyPapersClientOptions, PaperFeed.Http.DailyPapersClientOptions> ConfigureFetch { get; init; } = static options => options;

    /// <summary>Opens the <c>--output</c> of a command.</summary>
    public OutputTarget OpenOutput(string? path) => OutputTarget.Open(path, Stdout, CreateFile);

    /// <summary>
    /// True when what a command writes to <c>--output</c> <paramref name="path"/> is read by a person: standard output,
    /// and a terminal. Anything else (a pipe, a file) gets the JSON scripts rely on.
    /// </summary>
    public bool IsForPeople(string? path) => StdoutIsTerminal && path is null or "-";
}
