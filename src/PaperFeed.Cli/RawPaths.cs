using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace PaperFeed.Cli;

/// <summary>
/// Input paths whose bytes are not UTF-8 (a file named in Latin-1 on an old disk). The runtime decodes the command line
/// as UTF-8, so such a byte arrives as U+FFFD and the name it makes matches no file. The argument's real bytes are still
/// in /proc/self/cmdline: the file is opened by them, with open(2).
/// </summary>
internal static class RawPaths
{
    private const int ReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC

    /// <summary>Opens the file a decoded argument with U+FFFD in it names by its raw bytes; null when there is none.</summary>
    public static FileStream? TryOpen(string decoded)
    {
        if (!OperatingSystem.IsLinux() || !decoded.Contains('\uFFFD', StringComparison.Ordinal) || RawArgument(decoded) is not byte[] raw) return null;
        int fd = Open([.. raw, 0], ReadOnlyCloseOnExec);
        if (fd < 0) return null;
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            return new FileStream(handle, FileAccess.Read, bufferSize: 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            handle.Dispose();
            return null;
        }
    }

    /// <summary>The bytes of the command-line argument that decodes to <paramref name="decoded"/>; null when none does.</summary>
    private static byte[]? RawArgument(string decoded)
    {
        try
        {
            var cmdline = File.ReadAllBytes("/proc/self/cmdline").AsSpan();
            while (!cmdline.IsEmpty)
            {
                int end = cmdline.IndexOf((byte)0);
                var argument = end < 0 ? cmdline : cmdline[..end];
                if (Encoding.UTF8.GetString(argument) == decoded) return argument.ToArray();
                cmdline = end < 0 ? default : cmdline[(end + 1)..];
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }

    [DllImport("libc.so.6", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);
}
