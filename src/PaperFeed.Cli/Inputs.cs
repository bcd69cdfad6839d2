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
            if (Directory.Exists(path)) throw new InputErrorException($"{path}: is a directory");
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

    /// <summary>
    /// One input for the library: a file by its path (opened, and read on every core where that helps, by the
    /// reader), or standard input as a stream it must not close.
    /// </summary>
    public FeedInput Open(string path) => path == "-" ? FeedInput.FromStream(_stdin, Reporter.StdinName) : FeedInput.FromFile(path, DisplayName(path));
}
