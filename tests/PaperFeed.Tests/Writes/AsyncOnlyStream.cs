namespace PaperFeed.Tests.Writes;

/// <summary>
/// A destination like an ASP.NET Core response body: synchronous <c>Write</c>, <c>WriteByte</c> and <c>Flush</c> throw;
/// the asynchronous forms are accepted, counted and kept (or only counted, when <c>keep</c> is false, for big outputs).
/// With <c>allowSync</c> the synchronous forms are accepted and counted too, to measure the synchronous APIs.
/// With <c>readable</c> it stands for a temporary file opened for asynchronous I/O: what was written can be read back
/// with <c>ReadAsync</c> from the <see cref="Position"/> set (writes always append); a synchronous <c>Read</c> throws.
/// With <c>capacity</c>, a write that would go past that many bytes throws an <see cref="IOException"/> (a full disk), or
/// with <c>fileTooLarge</c> the <see cref="ArgumentOutOfRangeException"/> a <see cref="FileStream"/> throws past the
/// file system's or the process's file size limit.
/// </summary>
internal sealed class AsyncOnlyStream(bool keep = true, bool allowSync = false, bool readable = false, long capacity = long.MaxValue, bool fileTooLarge = false) : Stream
{
    /// <summary>The message of the <see cref="IOException"/> of a write past the capacity.</summary>
    public const string DiskFull = "No space left on device";

    private readonly MemoryStream _kept = new();
    private long _readAt;

    /// <summary>Calls that handed bytes over (every write, sync or async).</summary>
    public int Writes { get; private set; }

    /// <summary>The largest number of bytes handed over in one call: what the writer held at once.</summary>
    public int LargestWrite { get; private set; }

    public int Flushes { get; private set; }

    public long Written { get; private set; }

    /// <summary>Calls that read bytes back (readable only).</summary>
    public int Reads { get; private set; }

    public bool Disposed { get; private set; }

    public byte[] Bytes => _kept.ToArray();

    public override bool CanRead => readable;
    public override bool CanSeek => readable;
    public override bool CanWrite => true;
    public override long Length => Written;

    public override long Position
    {
        get => readable ? _readAt : Written;
        set => _readAt = readable ? value : throw new NotSupportedException();
    }

    public override void Flush()
    {
        Sync(nameof(Flush));
        Flushes++;
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flushes++;
        return Task.CompletedTask;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Sync(nameof(Write));
        Keep(buffer.AsSpan(offset, count));
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Sync(nameof(Write));
        Keep(buffer);
    }

    public override void WriteByte(byte value)
    {
        Sync(nameof(WriteByte));
        Keep([value]);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Keep(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        return ValueTask.CompletedTask;
    }

    // Stream.BeginWrite/EndWrite would run the synchronous Write on another thread: refused like the server does.
    public override IAsyncResult BeginWrite(byte[] buffer, int offset, int count, AsyncCallback? callback, object? state) => throw Refused(nameof(BeginWrite));

    public override int Read(byte[] buffer, int offset, int count) => readable ? throw Refused(nameof(Read)) : throw new NotSupportedException();

    public override int Read(Span<byte> buffer) => readable ? throw Refused(nameof(Read)) : throw new NotSupportedException();

    public override int ReadByte() => readable ? throw Refused(nameof(ReadByte)) : throw new NotSupportedException();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!readable || !keep) throw new NotSupportedException();
        cancellationToken.ThrowIfCancellationRequested();
        Reads++;
        int count = (int)Math.Min(buffer.Length, _kept.Length - _readAt);
        _kept.GetBuffer().AsSpan((int)_readAt, count).CopyTo(buffer.Span);
        _readAt += count;
        return ValueTask.FromResult(count);
    }

    public override IAsyncResult BeginRead(byte[] buffer, int offset, int count, AsyncCallback? callback, object? state) => throw Refused(nameof(BeginRead));

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
    public override long Seek(long offset, SeekOrigin origin) => origin == SeekOrigin.Begin ? Position = offset : throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    private void Sync(string operation)
    {
        if (!allowSync) throw Refused(operation);
    }

    private static InvalidOperationException Refused(string operation) =>
        new($"Synchronous operations are disallowed ({operation}); call the asynchronous form instead.");

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (Written + bytes.Length > capacity) throw fileTooLarge ? new ArgumentOutOfRangeException("value", DiskFull) : new IOException(DiskFull);
        Writes++;
        LargestWrite = Math.Max(LargestWrite, bytes.Length);
        Written += bytes.Length;
        if (keep) _kept.Write(bytes);
    }
}
