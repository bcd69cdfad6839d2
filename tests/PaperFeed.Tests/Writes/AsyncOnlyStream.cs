namespace PaperFeed.Tests.Writes;

/// <summary>
/// A destination like an ASP.NET Core response body: synchronous <c>Write</c>, <c>WriteByte</c> and <c>Flush</c> throw;
/// the asynchronous forms are accepted, counted and kept (or only counted, when <c>keep</c> is false, for big outputs).
/// With <c>allowSync</c> the synchronous forms are accepted and counted too, to measure the synchronous APIs.
/// </summary>
internal sealed class AsyncOnlyStream(bool keep = true, bool allowSync = false) : Stream
{
    private readonly MemoryStream _kept = new();

    /// <summary>Calls that handed bytes over (every write, sync or async).</summary>
    public int Writes { get; private set; }

    /// <summary>The largest number of bytes handed over in one call: what the writer held at once.</summary>
    public int LargestWrite { get; private set; }

    public int Flushes { get; private set; }

    public long Written { get; private set; }

    public byte[] Bytes => _kept.ToArray();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => Written;
    public override long Position { get => Written; set => throw new NotSupportedException(); }

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

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    private void Sync(string operation)
    {
        if (!allowSync) throw Refused(operation);
    }

    private static InvalidOperationException Refused(string operation) =>
        new($"Synchronous operations are disallowed ({operation}); call the asynchronous form instead.");

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        Writes++;
        LargestWrite = Math.Max(LargestWrite, bytes.Length);
        Written += bytes.Length;
        if (keep) _kept.Write(bytes);
    }
}
