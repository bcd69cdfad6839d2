namespace PaperFeed.Tests.Faults;

/// <summary>
/// A file stream that runs out of space: after <c>capacity</c> bytes every write (or, with <c>failOnFlush</c>, the
/// flush that would reach the disk) throws the IOException .NET throws for ENOSPC, as on a full disk.
/// </summary>
internal sealed class NoSpaceStream(Stream inner, long capacity, bool failOnFlush = false) : Stream
{
    // ENOSPC on Linux; .NET puts the errno in the HResult of the IOException it throws.
    private const int NoSpaceErrno = 28;

    private long _written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _written;
    public override long Position { get => _written; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!failOnFlush && _written + buffer.Length > capacity) throw NoSpace();
        inner.Write(buffer);
        _written += buffer.Length;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
        if (failOnFlush && _written > capacity) throw NoSpace();
        inner.Flush();
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                Flush();
            }
            finally
            {
                inner.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    private static IOException NoSpace() => new("No space left on device", NoSpaceErrno);
}
