namespace PaperFeed.IO;

/// <summary>
/// Whether a text file suits the parallel parse, which cuts a regular file's bytes at offsets: a device or pipe (more
/// bytes than its length says, like /dev/zero) does not, and neither does a file with NUL bytes in its head or at its
/// end, which the one-core reader refuses at once, or reads up to its NUL padding, in bounded time.
/// </summary>
internal static class ParallelFileCheck
{
    /// <summary>
    /// True when <paramref name="file"/>, whose first bytes are <paramref name="head"/>, can be read on several cores.
    /// The file's position is left where it was.
    /// </summary>
    public static bool Allows(Stream file, ReadOnlySpan<byte> head)
    {
        if (!file.CanSeek || head.Length > file.Length || head.Contains((byte)0)) return false;
        if (file.Length == head.Length) return true;
        long position = file.Position;
        file.Seek(-1, SeekOrigin.End);
        bool endsInNul = file.ReadByte() == 0;
        file.Position = position;
        return !endsInNul;
    }
}
