using System.Runtime.InteropServices;

namespace PaperFeed.Cli;

/// <summary>
/// Refuses to start with too few file descriptors (<c>ulimit -n 8</c>) in one clear line, instead of a stack trace
/// from wherever the first open fails (the runtime loading a library, a temporary file). Checked first thing, and
/// written with raw system calls: with no descriptor to spare, even loading the console's code can fail.
/// </summary>
internal static class DescriptorLimit
{
    /// <summary>
    /// What a run may hold open at once: the runtime's own files, the inputs, the output and its temporary file, the
    /// spool of an RSS or Atom export, a diagnostics file, and the parallel parse's handles.
    /// </summary>
    public const int Minimum = 64;

    private const int ResourceOpenFiles = 7; // RLIMIT_NOFILE on Linux
    private const int StandardError = 2;

    /// <summary>Writes the error and gives exit code 1 when the soft limit is below <see cref="Minimum"/>; null to go on.</summary>
    public static int? Check()
    {
        if (!OperatingSystem.IsLinux()) return null;
        var limits = new ulong[2];
        try
        {
            if (GetLimit(ResourceOpenFiles, limits) != 0 || limits[0] >= Minimum) return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // No such call here (another C library): the run goes on. The type is not named: loading its library could fail.
            return null;
        }
        WriteError($"paperfeed: error: too few file descriptors: the limit is {limits[0]} (ulimit -n), paperfeed needs at least {Minimum}; raise it with ulimit -n {Minimum * 16}\n");
        return ExitCodes.InputError;
    }

    /// <summary>Writes ASCII text to standard error with write(2): no encoder, no console stream to load.</summary>
    private static void WriteError(string text)
    {
        var bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++) bytes[i] = text[i] < 0x80 ? (byte)text[i] : (byte)'?';
        _ = Write(StandardError, bytes, bytes.Length);
    }

    [DllImport("libc.so.6", EntryPoint = "getrlimit")]
    private static extern int GetLimit(int resource, ulong[] limits);

    [DllImport("libc.so.6", EntryPoint = "write")]
    private static extern nint Write(int descriptor, byte[] buffer, nint count);
}
