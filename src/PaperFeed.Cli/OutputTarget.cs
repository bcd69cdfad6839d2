namespace PaperFeed.Cli;

/// <summary>
/// Where output goes: standard output, or a file written under a temporary name in the same directory and moved
/// into place only on success, so that a failed run never leaves a half-written file behind.
/// </summary>
internal sealed class OutputTarget : IAsyncDisposable
{
    private readonly string? _path;
    private readonly string? _temporary;
    private bool _committed;

    private OutputTarget(Stream stream, string? path, string? temporary)
    {
        Stream = stream;
        _path = path;
        _temporary = temporary;
    }

    public Stream Stream { get; }

    /// <exception cref="InputErrorException">The output file cannot be created.</exception>
    public static OutputTarget Open(string? path, Stream stdout)
    {
        if (path is null or "-") return new OutputTarget(stdout, null, null);
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            return new OutputTarget(stream, full, temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputErrorException($"{path}: cannot write: {e.Message}", e);
        }
    }

    /// <summary>Flushes, and for a file moves it into place.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (_path is null) return;
        await Stream.DisposeAsync().ConfigureAwait(false);
        File.Move(_temporary!, _path, overwrite: true);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_path is null) return;
        await Stream.DisposeAsync().ConfigureAwait(false);
        if (!_committed) File.Delete(_temporary!);
    }
}
