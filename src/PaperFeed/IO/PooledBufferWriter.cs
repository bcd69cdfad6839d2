using System.Buffers;

namespace PaperFeed.IO;

/// <summary>An <see cref="IBufferWriter{T}"/> of bytes over pooled arrays (no large-object allocation per use).</summary>
/// <param name="capacity">The first array's least length.</param>
/// <param name="pool">The pool; the shared one when null.</param>
internal sealed class PooledBufferWriter(int capacity, ArrayPool<byte>? pool = null) : IBufferWriter<byte>, IDisposable
{
    private readonly ArrayPool<byte> _pool = pool ?? ArrayPool<byte>.Shared;
    private byte[] _buffer = (pool ?? ArrayPool<byte>.Shared).Rent(capacity);

    /// <summary>The pool the arrays come from.</summary>
    public ArrayPool<byte> Pool => _pool;

    public int WrittenCount { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, WrittenCount);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, WrittenCount);

    public void ResetWrittenCount() => WrittenCount = 0;

    public void Advance(int count) => WrittenCount += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(WrittenCount);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(WrittenCount);
    }

    private void Ensure(int sizeHint)
    {
        int needed = WrittenCount + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length) return;
        var bigger = _pool.Rent((int)Math.Min(Array.MaxLength, Math.Max(needed, 2L * _buffer.Length)));
        WrittenSpan.CopyTo(bigger);
        _pool.Return(_buffer);
        _buffer = bigger;
    }

    public void Dispose()
    {
        if (_buffer.Length == 0) return;
        _pool.Return(_buffer);
        _buffer = [];
        WrittenCount = 0;
    }
}
