using System.Runtime.InteropServices;

namespace PaperFeed.Cli;

/// <summary>What an <c>--output</c> path names, which decides how it is written (README, "Command line").</summary>
internal enum OutputKind
{
    /// <summary><c>-</c> or no option: standard output.</summary>
    Stdout,

    /// <summary>Nothing there yet: created under a temporary name and moved into place on success.</summary>
    New,

    /// <summary>A regular file (through any symlinks): replaced atomically, its permissions kept.</summary>
    Regular,

    /// <summary>A character device, FIFO or socket: written in place, streaming; never replaced.</summary>
    Special,

    /// <summary>A directory.</summary>
    Directory,
}

/// <summary>
/// Resolves an <c>--output</c> path: follows symlinks to the file they name (so the link stays a link and its target is
/// updated) and tells a regular file from a device or FIFO, which must never be replaced by a regular file.
/// </summary>
internal sealed record OutputPath(string Given, string Resolved, OutputKind Kind)
{
    /// <exception cref="InputErrorException">The path cannot be resolved (a symlink loop, a missing folder).</exception>
    public static OutputPath Of(string? path)
    {
        if (path is null or "-") return new OutputPath("-", "-", OutputKind.Stdout);
        string full = Path.GetFullPath(path);
        try
        {
            if (new FileInfo(full).LinkTarget is not null)
            {
                // The final target, even when it does not exist yet (then it is created, as a shell's > would).
                full = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
            }
        }
        catch (IOException e)
        {
            throw new InputErrorException($"{path}: cannot follow the symlink: {e.Message}", e);
        }
        if (Directory.Exists(full)) return new OutputPath(path, full, OutputKind.Directory);
        string? folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder)) throw new InputErrorException($"{path}: no such directory: {folder}");
        var type = FileType(full);
        OutputKind kind = type switch
        {
            null => File.Exists(full) ? OutputKind.Regular : OutputKind.New,
            FileTypeNone => OutputKind.New,
            RegularFile => OutputKind.Regular,
            DirectoryFile => OutputKind.Directory,
            _ => OutputKind.Special,
        };
        return new OutputPath(path, full, kind);
    }

    private const int FileTypeNone = 0;
    private const int RegularFile = 0x8000;
    private const int DirectoryFile = 0x4000;

    /// <summary>The S_IFMT bits of the file (0 when there is none), or null where they cannot be read (not Linux).</summary>
    private static int? FileType(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            // statx's layout is the same on every Linux architecture (stat's is not): stx_mode is the u16 at offset 28.
            var buffer = new byte[256];
            if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0) return Marshal.GetLastPInvokeError() == NoSuchFile ? FileTypeNone : null;
            return BitConverter.ToUInt16(buffer, 28) & 0xF000;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 1;
    private const int NoSuchFile = 2;

    [DllImport("libc.so.6", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
