using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PaperFeed.Text;

/// <summary>
/// The sentences of a text, in order, as the duplicate-sentence collapser sees them: a sentence ends after <c>.</c>,
/// <c>!</c> or <c>?</c> followed by whitespace or the end of the text, and the next one starts after that whitespace
/// (the first starts at 0; the text after the last end is one more sentence). A terminator followed by whitespace ends
/// a sentence wherever the previous one ended (skipping whitespace never passes a terminator), so the ends are found
/// 64 units at a time by one vectorised pass (<see cref="SentenceEndSearch"/>) and read off its bit masks; only a
/// terminator followed by a non-ASCII unit is checked by decoding that character.
/// </summary>
internal ref struct Sentences<T, TUnits> where T : unmanaged, IEquatable<T> where TUnits : ITextUnits<T>
{
    private readonly ReadOnlySpan<T> _text;
    // Where the next sentence starts.
    private int _next;
    // The block of units the candidates are in, and the candidates not yet taken (bit i: a terminator at _block + i).
    private int _block = -SentenceEndSearch.BlockLength;
    private ulong _candidates;

    public Sentences(ReadOnlySpan<T> text) => _text = text;

    /// <summary>Where the current sentence starts (after the whitespace that separates it from the previous one).</summary>
    public int Start { get; private set; }

    /// <summary>Where the current sentence ends (after its terminator; the text's length for the last one without).</summary>
    public int End { get; private set; }

    /// <summary>Moves to the next sentence; false at the end of the text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext()
    {
        if (_next >= _text.Length) return false;
        Start = _next;
        End = NextEnd();
        _next = SkipWhiteSpace(_text, End);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NextEnd()
    {
        var text = _text;
        while (true)
        {
            while (_candidates == 0)
            {
                if (_block + SentenceEndSearch.BlockLength >= text.Length) return text.Length;
                _block += SentenceEndSearch.BlockLength;
                _candidates = TUnits.SentenceEndCandidates(text, _block);
            }
            int end = _block + BitOperations.TrailingZeroCount(_candidates) + 1;
            _candidates &= _candidates - 1;
            // The candidate is followed by the end, an ASCII space or control character, or a non-ASCII unit.
            if (end == text.Length) return end;
            int value = TUnits.Value(text[end]);
            if (value < 0x80 ? SentenceEndSearch.IsAsciiWhiteSpace(value) : TUnits.WhiteSpaceAt(text[end..]) > 0) return end;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhiteSpace(ReadOnlySpan<T> text, int start)
    {
        // Nearly always one space and then a visible ASCII character.
        if ((uint)(start + 1) < (uint)text.Length && TUnits.Value(text[start]) == ' ' && TextUnits.IsVisibleAscii(TUnits.Value(text[start + 1]))) return start + 1;
        return SkipAnyWhiteSpace(text, start);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SkipAnyWhiteSpace(ReadOnlySpan<T> text, int start)
    {
        while (start < text.Length)
        {
            int value = TUnits.Value(text[start]);
            if (value < 0x80)
            {
                if (!SentenceEndSearch.IsAsciiWhiteSpace(value)) break;
                start++;
                continue;
            }
            int length = TUnits.WhiteSpaceAt(text[start..]);
            if (length == 0) break;
            start += length;
        }
        return start;
    }
}

/// <summary>
/// Finds the units that may end a sentence, 64 at a time: a <c>.</c>, <c>!</c> or <c>?</c> followed by a unit that
/// is not printable ASCII (a space or control character, which the caller checks, or a non-ASCII unit, which it
/// decodes). Over UTF-8 bytes or UTF-16
/// characters (as <see cref="ushort"/>), with the widest vectors the hardware has.
/// </summary>
internal static class SentenceEndSearch
{
    /// <summary>The units one mask covers.</summary>
    public const int BlockLength = 64;

    /// <summary>The ASCII characters <see cref="char.IsWhiteSpace(char)"/> accepts: tab, line feed, vertical tab, form feed, carriage return, space.</summary>
    public static bool IsAsciiWhiteSpace(int value) => value == ' ' || (uint)(value - '\t') <= '\r' - '\t';

    /// <summary>
    /// Bit i is set when the unit at <paramref name="block"/> + i is a terminator followed by a unit below <c>!</c>,
    /// or a unit of 0x80 or more; units past the end set no bit, and the text's last unit may or may not (a terminator
    /// there ends the last sentence either way).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Candidates<TNum>(ReadOnlySpan<TNum> text, int block) where TNum : unmanaged, IBinaryInteger<TNum>
    {
        ref TNum units = ref MemoryMarshal.GetReference(text);
        int left = text.Length - block;
        if (left > BlockLength) return CandidatesAt(ref Unsafe.Add(ref units, block));
        // The last block. A terminator last in the text needs no bit: it ends the last sentence either way. Read the
        // block that ends where the text does and shift away the units before this one; a text shorter than a block
        // is copied, padded with spaces (no terminator, so no bit past the end).
        if (left <= 1) return 0;
        if (text.Length > BlockLength) return CandidatesAt(ref Unsafe.Add(ref units, text.Length - BlockLength - 1)) >> (BlockLength + 1 - left);
        return CandidatesInShortText(text[block..]);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong CandidatesInShortText<TNum>(ReadOnlySpan<TNum> text) where TNum : unmanaged, IBinaryInteger<TNum>
    {
        Span<TNum> padded = stackalloc TNum[BlockLength + 1];
        padded.Fill(TNum.CreateTruncating(' '));
        text.CopyTo(padded);
        return CandidatesAt(ref MemoryMarshal.GetReference(padded));
    }

    // Reads BlockLength + 1 units from units.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong CandidatesAt<TNum>(ref TNum units) where TNum : unmanaged, IBinaryInteger<TNum>
    {
        ulong mask = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (int i = 0; i < BlockLength; i += Vector512<TNum>.Count)
            {
                mask |= Ends(Vector512.LoadUnsafe(ref units, (nuint)i), Vector512.LoadUnsafe(ref units, (nuint)i + 1)).ExtractMostSignificantBits() << i;
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (int i = 0; i < BlockLength; i += Vector256<TNum>.Count)
            {
                mask |= (ulong)Ends(Vector256.LoadUnsafe(ref units, (nuint)i), Vector256.LoadUnsafe(ref units, (nuint)i + 1)).ExtractMostSignificantBits() << i;
            }
        }
        else
        {
            for (int i = 0; i < BlockLength; i += Vector128<TNum>.Count)
            {
                mask |= (ulong)Ends(Vector128.LoadUnsafe(ref units, (nuint)i), Vector128.LoadUnsafe(ref units, (nuint)i + 1)).ExtractMostSignificantBits() << i;
            }
        }
        return mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TNum Unit<TNum>(char value) where TNum : IBinaryInteger<TNum> => TNum.CreateTruncating(value);

    // The lanes whose unit is a terminator and whose next unit is not printable ASCII (! to DEL): over bytes, a signed
    // compare with the space. Each width the same.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<TNum> Ends<TNum>(Vector512<TNum> unit, Vector512<TNum> next) where TNum : unmanaged, IBinaryInteger<TNum>
    {
        var terminator = Vector512.Equals(unit, Vector512.Create(Unit<TNum>('.'))) | Vector512.Equals(unit, Vector512.Create(Unit<TNum>('!'))) | Vector512.Equals(unit, Vector512.Create(Unit<TNum>('?')));
        var printableAscii = typeof(TNum) == typeof(byte)
            ? Vector512.GreaterThan(next.AsSByte(), Vector512.Create((sbyte)' ')).As<sbyte, TNum>()
            : Vector512.LessThanOrEqual(next - Vector512.Create(Unit<TNum>('!')), Vector512.Create(Unit<TNum>((char)(0x7F - '!'))));
        return Vector512.AndNot(terminator, printableAscii);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<TNum> Ends<TNum>(Vector256<TNum> unit, Vector256<TNum> next) where TNum : unmanaged, IBinaryInteger<TNum>
    {
        var terminator = Vector256.Equals(unit, Vector256.Create(Unit<TNum>('.'))) | Vector256.Equals(unit, Vector256.Create(Unit<TNum>('!'))) | Vector256.Equals(unit, Vector256.Create(Unit<TNum>('?')));
        var printableAscii = typeof(TNum) == typeof(byte)
            ? Vector256.GreaterThan(next.AsSByte(), Vector256.Create((sbyte)' ')).As<sbyte, TNum>()
            : Vector256.LessThanOrEqual(next - Vector256.Create(Unit<TNum>('!')), Vector256.Create(Unit<TNum>((char)(0x7F - '!'))));
        return Vector256.AndNot(terminator, printableAscii);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<TNum> Ends<TNum>(Vector128<TNum> unit, Vector128<TNum> next) where TNum : unmanaged, IBinaryInteger<TNum>
    {
        var terminator = Vector128.Equals(unit, Vector128.Create(Unit<TNum>('.'))) | Vector128.Equals(unit, Vector128.Create(Unit<TNum>('!'))) | Vector128.Equals(unit, Vector128.Create(Unit<TNum>('?')));
        var printableAscii = typeof(TNum) == typeof(byte)
            ? Vector128.GreaterThan(next.AsSByte(), Vector128.Create((sbyte)' ')).As<sbyte, TNum>()
            : Vector128.LessThanOrEqual(next - Vector128.Create(Unit<TNum>('!')), Vector128.Create(Unit<TNum>((char)(0x7F - '!'))));
        return Vector128.AndNot(terminator, printableAscii);
    }
}
