using PaperFeed.IO;

namespace PaperFeed.Cli;

/// <summary>A read-only pass-through stream that counts the bytes read (for <c>stats</c> and progress).</summary>
internal sealed class CountingStream(Stream inner, bool leaveOpen, Action<int>? onRead) : ReadOnlyForwardStream
{
    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    private int Count(int read)
    {
        BytesRead += read;
        if (read > 0) onRead?.Invoke(read);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) inner.Dispose();
        base.Dispose(disposing);
    }
}
