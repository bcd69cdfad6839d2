namespace PaperFeed.Cli;

/// <summary>The input files of a command, in argument order; <c>-</c> (or no file at all) is standard input.</summary>
internal sealed class Inputs
{
    private readonly Stream _stdin;

    private Inputs(IReadOnlyList<string> paths, Stream stdin)
    {
        Paths = paths;
        _stdin = stdin;
    }

    public IReadOnlyList<string> Paths { get; }

    /// <summary>Total size of the files, when every input is a file (standard input has no known size).</summary>
    public long? KnownLength { get; private init; }

    /// <summary>Checks every file up front, so that a typo fails before any output is written.</summary>
    /// <exception cref="InputErrorException">A file does not exist or is a directory.</exception>
    public static Inputs Resolve(string[]? files, Stream stdin)
    {
        IReadOnlyList<string> paths = files is { Length: > 0 } ? files : ["-"];
        long total = 0;
        bool known = true;
        foreach (string path in paths)
        {
            if (path == "-")
            {
                known = false;
                continue;
            }
            if (Directory.Exists(path))
            {
                // A fetch archive is an input: its latest complete observation of each day, one feed per listing day.
                if (!PaperFeed.Http.DailyPapersArchive.IsArchive(path)) throw new InputErrorException($"{path}: is a directory");
                known = false;
                continue;
            }
            var file = new FileInfo(path);
            if (!file.Exists) throw new InputErrorException($"{path}: no such file");
            total += file.Length;
        }
        return new Inputs(paths, stdin) { KnownLength = known ? total : null };
    }

    /// <summary>The same inputs narrowed to one of them.</summary>
    public Inputs Only(string path) => new([path], _stdin);

    /// <summary>The name diagnostics use for an input.</summary>
    public static string DisplayName(string path) => path == "-" ? Reporter.StdinName : path;

    /// <summary>Opens an input for reading, counting its bytes.</summary>
    /// <exception cref="InputErrorException">The file cannot be opened.</exception>
    public CountingStream Open(string path, Action<int>? onRead)
    {
        if (path == "-") return new CountingStream(_stdin, leaveOpen: true, onRead);
        try
        {
            if (Directory.Exists(path)) return new CountingStream(PaperFeed.Http.DailyPapersArchive.Open(path).OpenFeedsAsJson(), leaveOpen: false, onRead);
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return new CountingStream(file, leaveOpen: false, onRead);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputErrorException($"{path}: {e.Message}", e);
        }
    }
}
