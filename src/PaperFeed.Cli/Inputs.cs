namespace PaperFeed.Cli;

/// <summary>The input files of a command, in argument order; <c>-</c> (or no file at all) is standard input.</summary>
internal sealed class Inputs
{
    private readonly Stream _stdin;

    // Files whose names are not UTF-8, opened by their raw bytes when resolved (see RawPaths).
    private readonly Dictionary<string, FileStream> _raw;

    private Inputs(IReadOnlyList<string> paths, Stream stdin, Dictionary<string, FileStream>? raw = null)
    {
        Paths = paths;
        _stdin = stdin;
        _raw = raw ?? [];
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
        var raw = new Dictionary<string, FileStream>();
        foreach (string path in paths)
        {
            if (path == "-")
            {
                known = false;
                continue;
            }
            if (Directory.Exists(path)) throw new InputErrorException($"{path}: is a directory");
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                if (raw.ContainsKey(path) || RawPaths.TryOpen(path) is not { } opened) throw new InputErrorException($"{path}: no such file");
                raw[path] = opened;
                total += opened.Length;
                continue;
            }
            total += file.Length;
        }
        return new Inputs(paths, stdin, raw) { KnownLength = known ? total : null };
    }

    /// <summary>The same inputs narrowed to one of them.</summary>
    public Inputs Only(string path) => new([path], _stdin, _raw);

    /// <summary>The name diagnostics use for an input.</summary>
    public static string DisplayName(string path) => path == "-" ? Reporter.StdinName : path;

    /// <summary>Opens an input for reading, counting its bytes.</summary>
    /// <exception cref="InputErrorException">The file cannot be opened.</exception>
    public CountingStream Open(string path, Action<int>? onRead)
    {
        if (path == "-") return new CountingStream(_stdin, leaveOpen: true, onRead);
        if (_raw.Remove(path, out var opened)) return new CountingStream(opened, leaveOpen: false, onRead);
        try
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return new CountingStream(file, leaveOpen: false, onRead);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputErrorException($"{path}: {e.Message}", e);
        }
    }
}
