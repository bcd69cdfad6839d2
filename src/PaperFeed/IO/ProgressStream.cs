namespace PaperFeed.IO;

/// <summary>Passes reads through and reports the bytes read so far (the raw input's bytes, before any decompression).</summary>
internal sealed class ProgressStream(Stream inner, IProgress<long> progress) : ReadOnlyForwardStream
{
    private long _read;

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await FileReads.ReadAsync(inner, buffer, cancellationToken).ConfigureAwait(false));

    private int Counted(int read)
    {
        if (read > 0)
        {
            _read += read;
            progress.Report(_read);
        }
        return read;
    }
}
