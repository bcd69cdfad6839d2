using System.Globalization;

namespace PaperFeed.Cli;

/// <summary>
/// Standard input or output that the shell closed (<c>&lt;&amp;-</c>, <c>&gt;&amp;-</c>). The process then starts without
/// descriptor 0 or 1, and the runtime's first files take those numbers: standard input reads a pipe of the runtime's
/// own, which never ends (a hang), and standard output is a file open for reading ("Access to the path is denied").
/// Told apart at startup from /proc: a descriptor 0 that is a pipe whose other end this process holds too, or open for
/// writing only; a descriptor 1 open for reading only. Such a stream is replaced by one that fails with a clear message
/// when used, so a run that does not use it (<c>-o FILE</c>, input files) is not affected.
/// </summary>
internal static class ClosedStandardStreams
{
    /// <summary>Standard input, or a stream that says it is closed.</summary>
    public static Stream Input(Func<Stream> open) =>
        IsClosedInput() ? new ClosedStream("it is closed (<&-): there is nothing to read; give input files, or '-' with input") : open();

    /// <summary>Standard output, or a stream that says it is closed.</summary>
    public static Stream Output(Func<Stream> open) =>
        AccessMode(1) == ReadOnly ? new ClosedStream("it is closed (>&-); give --output FILE") : open();

    private const int ReadOnly = 0;
    private const int WriteOnly = 1;

    private static bool IsClosedInput()
    {
        int mode = AccessMode(0);
        if (mode == WriteOnly) return true;
        if (mode < 0 || Link(0) is not string pipe || !pipe.StartsWith("pipe:", StringComparison.Ordinal)) return false;
        // A pipe inherited as standard input has its writer in another process; the runtime's own pipe has it here.
        foreach (string fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            if (int.TryParse(Path.GetFileName(fd), NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number > 2 && Link(number) == pipe && AccessMode(number) == WriteOnly) return true;
        }
        return false;
    }

    /// <summary>O_RDONLY (0), O_WRONLY (1) or O_RDWR (2) of a descriptor, from /proc/self/fdinfo; -1 when unknown.</summary>
    private static int AccessMode(int fd)
    {
        if (!OperatingSystem.IsLinux()) return -1;
        try
        {
            foreach (string line in File.ReadLines(string.Create(CultureInfo.InvariantCulture, $"/proc/self/fdinfo/{fd}")))
            {
                if (!line.StartsWith("flags:", StringComparison.Ordinal)) continue;
                return (int)(Convert.ToInt64(line[6..].Trim(), 8) & 3);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }
        return -1;
    }

    private static string? Link(int fd)
    {
        try
        {
            return new FileInfo(string.Create(CultureInfo.InvariantCulture, $"/proc/self/fd/{fd}")).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A stream that fails every read and write with one message.</summary>
    private sealed class ClosedStream(string message) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException(message);
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException(message);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
