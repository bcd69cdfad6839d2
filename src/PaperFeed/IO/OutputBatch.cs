using System.Buffers;

namespace PaperFeed;

/// <summary>
/// Bytes on their way to a destination stream, handed over in batches. Writers write here (a
/// <see cref="System.Text.Json.Utf8JsonWriter"/> through <see cref="IBufferWriter{T}"/>, an XmlWriter or a StreamWriter
/// through the <see cref="Stream"/> face), and their owner drains the batch to the destination at item boundaries once it
/// holds <see cref="Threshold"/> bytes, and at the end: synchronously from a synchronous API, asynchronously from an
/// asynchronous one. Nothing here touches the destination on its own (<see cref="Flush"/> and disposing do nothing to it),
/// so an asynchronous run never writes synchronously (ASP.NET Core response bodies refuse that); a run makes one
/// write per batch, not one per item; and memory stays at the threshold plus one item, whatever the output's size.
/// </summary>
/// <remarks>
/// Compiled into each package that writes documents (PaperFeed, PaperFeed.Export) from this one source file, since
/// the packages use each other's public API only.
/// </remarks>
internal sealed class OutputBatch(Stream destination) : Stream, IBufferWriter<byte>
{
    /// <summary>The size past which a batch goes to the destination: 64 KiB.</summary>
    public const int Threshold = 64 * 1024;

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    /// <summary>The stream the batches go to.</summary>
    public Stream Destination => destination;

    /// <summary>Bytes written and not yet handed to the destination.</summary>
    public int Pending => _buffer.WrittenCount;

    /// <summary>Hands the batch to the destination when it holds <see cref="Threshold"/> bytes or more.</summary>
    public void DrainIfFull()
    {
        if (_buffer.WrittenCount >= Threshold) Drain();
    }

    /// <inheritdoc cref="DrainIfFull"/>
    public ValueTask DrainIfFullAsync(CancellationToken cancellationToken) =>
        _buffer.WrittenCount >= Threshold ? DrainAsync(cancellationToken) : ValueTask.CompletedTask;

    /// <summary>Hands everything pending to the destination (nothing when nothing is pending).</summary>
    public void Drain()
    {
        if (_buffer.WrittenCount == 0) return;
        destination.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }

    /// <inheritdoc cref="Drain"/>
    public async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        if (_buffer.WrittenCount == 0) return;
        await destination.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        _buffer.ResetWrittenCount();
    }

    /// <summary>Hands everything pending to the destination, then flushes the destination.</summary>
    public void Complete()
    {
        Drain();
        destination.Flush();
    }

    /// <inheritdoc cref="Complete"/>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await DrainAsync(cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Advance(int count) => _buffer.Advance(count);

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0) => _buffer.GetMemory(sizeHint);

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0) => _buffer.GetSpan(sizeHint);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Does nothing: a writer flushing its own buffer into the batch must not reach the destination.</summary>
    public override void Flush() { }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => _buffer.Write(buffer);

    public override void WriteByte(byte value) => _buffer.Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
