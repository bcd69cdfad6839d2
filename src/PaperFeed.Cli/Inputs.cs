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

    /// <summary>
    /// One input for the library: a file by its path (opened, and read on every core where that helps, by the
    /// reader), or standard input as a stream it must not close. A file whose name is not UTF-8 was opened by its
    /// raw bytes when resolved (<see cref="RawPaths"/>): it is read from that stream, on one core.
    /// </summary>
    public FeedInput Open(string path)
    {
        if (path == "-") return FeedInput.FromStream(_stdin, Reporter.StdinName);
        return _raw.TryGetValue(path, out var opened) ? FeedInput.FromStream(opened, DisplayName(path)) : FeedInput.FromFile(path, DisplayName(path));
    }
}
