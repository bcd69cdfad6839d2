namespace PaperFeed.IO;

/// <summary>Asynchronous reads without the thread-pool hop a synchronous file handle makes on every read.</summary>
internal static class FileReads
{
    /// <summary>
    /// Reads into <paramref name="buffer"/> as <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> does.
    /// A <see cref="FileStream"/> over a regular file, opened without <see cref="FileOptions.Asynchronous"/> (what
    /// <see cref="File.OpenRead"/> gives), has no asynchronous read: its ReadAsync runs the same blocking read on a
    /// thread-pool thread and resumes the caller there, a hop per read that costs more than the read from the page
    /// cache, and much more on a loaded machine. Such a stream is read here, on the caller's thread; any other
    /// stream (pipes and sockets included) is read asynchronously.
    /// </summary>
    public static ValueTask<int> ReadAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (stream.GetType() != typeof(FileStream) || ((FileStream)stream).IsAsync || !stream.CanSeek) return stream.ReadAsync(buffer, cancellationToken);
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<int>(cancellationToken);
        try
        {
            return new ValueTask<int>(stream.Read(buffer.Span));
        }
        catch (Exception e)
        {
            return ValueTask.FromException<int>(e);
        }
    }
}
