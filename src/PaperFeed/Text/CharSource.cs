namespace PaperFeed.Text;

/// <summary>Where the line reader gets characters: a <see cref="TextReader"/>, or a byte stream decoded as UTF-8.</summary>
internal abstract class CharSource : IDisposable
{
    /// <summary>Absolute character offsets where invalid UTF-8 was replaced by U+FFFD, oldest first.</summary>
    public Queue<long>? InvalidOffsets { get; protected set; }

    public abstract int Read(Span<char> destination);

    public abstract ValueTask<int> ReadAsync(Memory<char> destination, CancellationToken cancellationToken);

    public virtual void Dispose() { }
}

internal sealed class TextReaderCharSource(TextReader reader) : CharSource
{
    public override int Read(Span<char> destination) => reader.Read(destination);

    public override ValueTask<int> ReadAsync(Memory<char> destination, CancellationToken cancellationToken) =>
        reader.ReadAsync(destination, cancellationToken);
}
