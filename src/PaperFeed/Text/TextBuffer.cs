using System.Buffers;

namespace PaperFeed.Text;

/// <summary>A reusable, pooled copy of a field's characters, held until the entry is complete.</summary>
internal struct TextBuffer
{
    private char[]? _chars;
    private int _length;

    public readonly ReadOnlySpan<char> Span => _chars is null ? default : new ReadOnlySpan<char>(_chars, 0, _length);

    public readonly int Length => _length;

    public void Set(ReadOnlySpan<char> value)
    {
        _length = 0;
        Append(value);
    }

    public void Append(ReadOnlySpan<char> value)
    {
        if (_chars is null || _length + value.Length > _chars.Length)
        {
            // Doubling in long: a line near a billion characters must not overflow into a smaller buffer.
            long needed = (long)_length + value.Length;
            var bigger = ArrayPool<char>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(256, needed * 2)));
            Span.CopyTo(bigger);
            if (_chars is not null) ArrayPool<char>.Shared.Return(_chars);
            _chars = bigger;
        }
        value.CopyTo(_chars.AsSpan(_length));
        _length += value.Length;
    }

    public void Clear() => _length = 0;

    public void Release()
    {
        if (_chars is not null) ArrayPool<char>.Shared.Return(_chars);
        _chars = null;
        _length = 0;
    }
}
