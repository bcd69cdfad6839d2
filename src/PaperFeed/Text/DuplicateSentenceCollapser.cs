using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PaperFeed.Text;

/// <summary>
/// Collapses runs of sentences repeated immediately inside an abstract: <c>A B C C</c> → <c>A B C</c>,
/// <c>A B A B</c> → <c>A B</c>. A sentence ends at <c>.</c>, <c>!</c> or <c>?</c> followed by whitespace or the
/// end of the text (the text after the last such end counts as one more sentence); sentences compare as exact
/// text, without the whitespace between them; everything that is kept stays byte for byte.
/// </summary>
internal static class DuplicateSentenceCollapser<T, TUnits> where T : unmanaged, IEquatable<T> where TUnits : ITextUnits<T>
{
    /// <summary>The longest repeated run looked for, in sentences: a whole repeated abstract fits; hostile input stays linear.</summary>
    internal const int MaxRunLength = 128;

    // Sentences compared by the pre-check, held on the stack (an abstract has about 8); a longer list is rented and searched.
    private const int MaxChecked = 32;

    /// <summary>A sentence: from its first unit to just after its terminator.</summary>
    private readonly record struct Sentence(int Start, int End);

    /// <summary>
    /// Returns true when runs were collapsed and the collapsed text was written to <paramref name="collapsed"/>.
    /// <paramref name="droppedRuns"/> (cleared first) receives, for each collapsed run, the offset in
    /// <paramref name="text"/> (in units) of the copy that was dropped. With <paramref name="rebuild"/> false
    /// (counting), only the runs are found and false is returned.
    /// </summary>
    public static bool Collapse(ReadOnlySpan<T> text, List<int> droppedRuns, ref TextBuffer<T> collapsed, bool rebuild = true)
    {
        droppedRuns.Clear();
        // The sentences, found in one pass that also runs a cheap, exact pre-check: two sentences can only be equal
        // when their lengths, first, middle and last units all are. Almost every abstract has no two sentences alike
        // and stops here, before any sentence is hashed (hashing every sentence was a quarter of the whole parse). A
        // long list is searched: the hashed search stays near-linear on hostile input.
        Span<Sentence> sentences = stackalloc Sentence[MaxChecked];
        Span<long> signatures = stackalloc long[MaxChecked];
        Sentence[]? rented = null;
        int count = 0;
        bool mayRepeat = false;
        ulong seen = 0;
        var reader = new Sentences<T, TUnits>(text);
        while (reader.MoveNext())
        {
            int start = reader.Start, end = reader.End;
            if (!mayRepeat)
            {
                if (count == MaxChecked)
                {
                    mayRepeat = true;
                }
                else
                {
                    // A 64-bit filter of the signatures seen: the list is only compared when the bit is already set.
                    long signature = Signature(text, start, end);
                    ulong bit = 1UL << (int)((ulong)signature * 0x9E3779B97F4A7C15UL >> 58);
                    if ((seen & bit) != 0) mayRepeat = signatures[..count].Contains(signature);
                    seen |= bit;
                    signatures[count] = signature;
                }
            }
            if (count == sentences.Length)
            {
                var bigger = ArrayPool<Sentence>.Shared.Rent(sentences.Length * 2);
                sentences.CopyTo(bigger);
                if (rented is not null) ArrayPool<Sentence>.Shared.Return(rented);
                rented = bigger;
                sentences = bigger;
            }
            sentences[count++] = new Sentence(start, end);
        }
        if (!mayRepeat)
        {
            if (rented is not null) ArrayPool<Sentence>.Shared.Return(rented);
            return false;
        }

        bool result = false;
        if (count >= 2)
        {
            // Append sentences one by one to the kept list; whenever its tail is a run repeated twice, drop the
            // second copy. Each kept sentence carries a hash, and a key hashing it with the three before: a run
            // of length k >= 4 can only repeat where the key k places back equals the last key, found by a
            // vectorised search, so hostile input costs about count × MaxRunLength / 8 int compares.
            int[]? keptRented = count > 64 ? ArrayPool<int>.Shared.Rent(3 * count) : null;
            Span<int> keptBuffer = keptRented is not null ? keptRented : stackalloc int[3 * count];
            var kept = keptBuffer[..count];
            var hashes = keptBuffer.Slice(count, count);
            var keys = keptBuffer.Slice(2 * count, count);
            int length = 0;
            for (int i = 0; i < count; i++)
            {
                kept[length] = i;
                hashes[length] = Hash(Of(text, sentences[i]));
                keys[length] = HashCode.Combine(At(hashes, length - 3), At(hashes, length - 2), At(hashes, length - 1), hashes[length]);
                length++;
                int k;
                while ((k = FindRepeatedRun(text, sentences, kept[..length], hashes[..length], keys[..length])) > 0)
                {
                    length -= k;
                    droppedRuns.Add(sentences[kept[length]].Start);
                }
            }
            if (droppedRuns.Count > 0 && rebuild)
            {
                Rebuild(text, sentences[..count], kept[..length], ref collapsed);
                result = true;
            }
            if (keptRented is not null) ArrayPool<int>.Shared.Return(keptRented);
        }
        if (rented is not null) ArrayPool<Sentence>.Shared.Return(rented);
        return result;
    }

    // Two sentences can only be equal when their signatures are: length, first, middle and last units.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Signature(ReadOnlySpan<T> text, int start, int end)
    {
        int length = end - start;
        return (long)length << 48 | (long)TUnits.Value(text[start]) << 32 | (long)TUnits.Value(text[start + length / 2]) << 16 | (long)TUnits.Value(text[end - 1]);
    }

    /// <summary>A hash of the sentence's units (the same for equal sentences; collisions are checked by comparing text).</summary>
    private static int Hash(ReadOnlySpan<T> sentence)
    {
        var hash = new HashCode();
        hash.AddBytes(MemoryMarshal.AsBytes(sentence));
        return hash.ToHashCode();
    }

    private static ReadOnlySpan<T> Of(ReadOnlySpan<T> text, Sentence sentence) => text[sentence.Start..sentence.End];

    private static int At(ReadOnlySpan<int> values, int index) => index >= 0 ? values[index] : 0;

    /// <summary>The shortest k (up to <see cref="MaxRunLength"/>) such that the kept list ends with a run of k sentences twice; 0 when none.</summary>
    private static int FindRepeatedRun(ReadOnlySpan<T> text, ReadOnlySpan<Sentence> sentences, ReadOnlySpan<int> kept, ReadOnlySpan<int> hashes, ReadOnlySpan<int> keys)
    {
        int length = kept.Length;
        int window = Math.Min(MaxRunLength, length / 2);
        int last = hashes[length - 1];
        for (int k = 1; k <= Math.Min(3, window); k++)
        {
            if (hashes[length - 1 - k] == last && RunsEqual(text, sentences, kept, hashes, length - 2 * k, length - k, k)) return k;
        }
        if (window < 4) return 0;
        // Candidates k = 4..window sit at positions length-1-k, that is from length-1-window up to length-5.
        int regionStart = length - 1 - window;
        var region = keys.Slice(regionStart, window - 3);
        int lastKey = keys[length - 1];
        int index;
        while ((index = region.LastIndexOf(lastKey)) >= 0)
        {
            int k = length - 1 - (regionStart + index);
            if (RunsEqual(text, sentences, kept, hashes, length - 2 * k, length - k, k)) return k;
            region = region[..index];
        }
        return 0;
    }

    /// <summary>Compares two runs of kept sentences from their ends: hashes first, then the exact text.</summary>
    private static bool RunsEqual(ReadOnlySpan<T> text, ReadOnlySpan<Sentence> sentences, ReadOnlySpan<int> kept, ReadOnlySpan<int> hashes, int first, int second, int length)
    {
        if (!hashes.Slice(first, length).SequenceEqual(hashes.Slice(second, length))) return false;
        for (int j = length - 1; j >= 0; j--)
        {
            if (!Of(text, sentences[kept[first + j]]).SequenceEqual(Of(text, sentences[kept[second + j]]))) return false;
        }
        return true;
    }

    /// <summary>Keeps each kept sentence with the whitespace before it (the first keeps the text's leading part), then the tail.</summary>
    private static void Rebuild(ReadOnlySpan<T> text, ReadOnlySpan<Sentence> sentences, ReadOnlySpan<int> kept, ref TextBuffer<T> collapsed)
    {
        collapsed.Clear();
        for (int j = 0; j < kept.Length; j++)
        {
            int i = kept[j];
            int from = i == 0 ? 0 : sentences[i - 1].End;
            collapsed.Append(text[from..sentences[i].End]);
        }
        collapsed.Append(text[sentences[^1].End..]);
    }
}

/// <summary>The collapser over a string's characters, for readers that hold whole strings.</summary>
internal static class DuplicateSentenceCollapser
{
    /// <summary>Returns the collapsed text, or null when nothing repeats (see <see cref="DuplicateSentenceCollapser{T, TUnits}.Collapse"/>).</summary>
    public static string? Collapse(ReadOnlySpan<char> text, List<int> droppedRuns)
    {
        var collapsed = new TextBuffer<char>();
        try
        {
            return DuplicateSentenceCollapser<char, Utf16Units>.Collapse(text, droppedRuns, ref collapsed) ? new string(collapsed.Span) : null;
        }
        finally
        {
            collapsed.Release();
        }
    }
}
