using System.Collections.Concurrent;

namespace PaperFeed.Cli;

/// <summary>
/// Where output goes (rules: README, "Command line"). Standard output; a new path or a regular file (a symlink's
/// target included) written under a temporary name beside it and moved into place only on success, so a failed or
/// interrupted run leaves the old file as it was and no temporary behind; a device or FIFO written in place.
/// Every write failure is an <see cref="OutputException"/> that names the path the user gave.
/// </summary>
internal sealed class OutputTarget : IAsyncDisposable
{
    /// <summary>Temporary files (and Parquet dataset folders) of runs in progress, removed by <see cref="RemovePending"/> when a signal forces the end.</summary>
    private static readonly ConcurrentDictionary<string, byte> Pending = new();

    private readonly OutputPath _path;
    private readonly string? _temporary;
    private readonly OutputStream _stream;
    private bool _committed;

    private OutputTarget(OutputPath path, Stream stream, string? temporary)
    {
        _path = path;
        _temporary = temporary;
        _stream = new OutputStream(stream, path.Kind == OutputKind.Stdout ? "standard output" : path.Given);
    }

    public Stream Stream => _stream;

    /// <summary>Opens the output <paramref name="path"/> names.</summary>
    /// <param name="path">The <c>--output</c> value; null or <c>-</c> for standard output.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="createFile">Creates a file for writing (tests inject failing streams).</param>
    /// <exception cref="InputErrorException">The output cannot be written (a directory, a read-only file, …).</exception>
    public static OutputTarget Open(string? path, Stream stdout, Func<string, Stream>? createFile = null)
    {
        var target = OutputPath.Of(path);
        createFile ??= CreateFile;
        try
        {
            switch (target.Kind)
            {
                case OutputKind.Stdout:
                    return new OutputTarget(target, stdout, null);
                case OutputKind.Directory:
                    throw new InputErrorException($"{target.Given}: is a directory");
                case OutputKind.Special:
                    // A device or FIFO: replacing it with a regular file would break it (as root, -o /dev/null would).
                    return new OutputTarget(target, new FileStream(target.Resolved, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1), null);
                case OutputKind.Regular:
                    RefuseReadOnly(target);
                    break;
            }
            // Leftovers of earlier runs for this output that were killed (SIGKILL leaves no chance to clean up).
            TemporaryNames.RemoveStale(target.Resolved);
            string temporary = TemporaryNames.For(target.Resolved);
            var stream = createFile(temporary);
            Pending.TryAdd(temporary, 0);
            return new OutputTarget(target, stream, temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputErrorException($"{target.Given}: cannot write: {e.Message}", e);
        }
    }

    /// <summary>Creates a file for writing; fails when it exists.</summary>
    public static Stream CreateFile(string path) =>
        new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);

    /// <summary>Flushes, and for a file moves it into place.</summary>
    /// <exception cref="OutputException">The output cannot be written or moved into place.</exception>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (_temporary is null) return;
        await _stream.DisposeAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // cp keeps the permissions of a file it overwrites: so does the replacement.
            if (_path.Kind == OutputKind.Regular && !OperatingSystem.IsWindows()) File.SetUnixFileMode(_temporary, File.GetUnixFileMode(_path.Resolved));
            File.Move(_temporary, _path.Resolved, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(_path.Given, e);
        }
        _committed = true;
        Pending.TryRemove(_temporary, out _);
    }

    public async ValueTask DisposeAsync()
    {
        if (_path.Kind == OutputKind.Stdout) return;
        try
        {
            // Flushing what is left may fail again (a full disk): that must not keep the temporary file.
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The run's own error, reported already or about to be, says what went wrong first.
        }
        finally
        {
            if (_temporary is not null && !_committed)
            {
                TryDelete(_temporary);
                Pending.TryRemove(_temporary, out _);
            }
        }
    }

    /// <summary>Removes the temporary files of runs that did not finish (the process is about to end).</summary>
    public static void RemovePending()
    {
        foreach (string temporary in Pending.Keys) TryDelete(temporary);
    }

    /// <summary>Marks a temporary folder (a Parquet dataset being written) for <see cref="RemovePending"/>.</summary>
    public static void TrackTemporaryFolder(string path) => Pending.TryAdd(path, 0);

    /// <summary>The folder was moved into place or removed by its owner: a forced end leaves it alone.</summary>
    public static void UntrackTemporaryFolder(string path) => Pending.TryRemove(path, out _);

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Refuses a file the user cannot write, as cp does, instead of replacing it (renaming over it needs only the
    /// folder's permission). Judged like <c>test -w</c> (opening it for writing, which changes nothing), and by its
    /// permission bits: a file no one may write (chmod a-w) is read-only even to root, whom the kernel lets write anything.
    /// </summary>
    private static void RefuseReadOnly(OutputPath target)
    {
        try
        {
            using (new FileStream(target.Resolved, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1)) { }
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputErrorException($"{target.Given}: permission denied (not writable); nothing written");
        }
        const UnixFileMode anyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(target.Resolved) & anyWrite) == 0)
        {
            throw new InputErrorException($"{target.Given}: read-only file (no write permission); nothing written");
        }
    }
}
