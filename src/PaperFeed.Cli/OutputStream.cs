namespace PaperFeed.Cli;

/// <summary>
/// The output stream as commands see it: every write failure becomes an <see cref="OutputException"/> naming the
/// output the user gave (not the temporary file), so it is told apart from a failure to read an input.
/// </summary>
internal sealed class OutputStream(Stream inner, string name) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (IOException e)
        {
            throw new OutputException(name, e);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new OutputException(name, e);
        }
    }

    public override void Flush()
    {
        try
        {
            inner.Flush();
        }
        catch (IOException e)
        {
            throw new OutputException(name, e);
        }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new OutputException(name, e);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await inner.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new OutputException(name, e);
        }
        // Not base.DisposeAsync: it would call Dispose(true), disposing the inner stream a second time.
        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                inner.Dispose();
            }
            catch (IOException e)
            {
                throw new OutputException(name, e);
            }
        }
        base.Dispose(disposing);
    }
}
