using System.Buffers;

namespace PaperFeed.Text;

/// <summary>A reusable, pooled copy of a field's code units, held until the entry is complete.</summary>
internal struct TextBuffer<T> where T : unmanaged
{
    private T[]? _units;
    private int _length;

    public readonly ReadOnlySpan<T> Span => _units is null ? default : new ReadOnlySpan<T>(_units, 0, _length);

    public readonly int Length => _length;

    public void Set(ReadOnlySpan<T> value)
    {
        _length = 0;
        Append(value);
    }

    public void Append(ReadOnlySpan<T> value)
    {
        if (_units is null || _length + value.Length > _units.Length)
        {
            // Doubling in long: a line near a billion characters must not overflow into a smaller buffer.
            long needed = (long)_length + value.Length;
            var bigger = ArrayPool<T>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(256, needed * 2)));
            Span.CopyTo(bigger);
            if (_units is not null) ArrayPool<T>.Shared.Return(_units);
            _units = bigger;
        }
        value.CopyTo(_units.AsSpan(_length));
        _length += value.Length;
    }

    public void Clear() => _length = 0;

    public void Release()
    {
        if (_units is not null) ArrayPool<T>.Shared.Return(_units);
        _units = null;
        _length = 0;
    }
}
