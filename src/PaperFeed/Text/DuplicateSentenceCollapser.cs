using System.Buffers;

namespace PaperFeed.Text;

/// <summary>
/// Collapses runs of sentences repeated immediately inside an abstract: <c>A B C C</c> → <c>A B C</c>,
/// <c>A B A B</c> → <c>A B</c>. A sentence ends at <c>.</c>, <c>!</c> or <c>?</c> followed by whitespace or the
/// end of the text (the text after the last such end counts as one more sentence); sentences compare as exact
/// text, without the whitespace between them; everything that is kept stays byte for byte.
/// </summary>
internal static class DuplicateSentenceCollapser
{
    private static readonly SearchValues<char> Terminators = SearchValues.Create(".!?");

    /// <summary>The longest repeated run looked for, in sentences: a whole repeated abstract fits; hostile input stays linear.</summary>
    internal const int MaxRunLength = 128;

    /// <summary>Returns the collapsed text, or null when nothing repeats. <paramref name="runs"/> counts the collapsed runs.</summary>
    public static string? Collapse(ReadOnlySpan<char> text, out int runs)
    {
        runs = 0;
        // Sentences as (start, end) pairs: start after the separating whitespace, end after the terminator.
        Span<Range> stackRanges = stackalloc Range[64];
        Range[]? rented = null;
        var sentences = stackRanges;
        int count = 0;
        int start = 0;
        while (start < text.Length)
        {
            int end = FindSentenceEnd(text, start);
            if (count == sentences.Length)
            {
                var bigger = ArrayPool<Range>.Shared.Rent(sentences.Length * 2);
                sentences.CopyTo(bigger);
                if (rented is not null) ArrayPool<Range>.Shared.Return(rented);
                rented = bigger;
                sentences = bigger;
            }
            sentences[count++] = new Range(start, end);
            start = end;
            while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        }

        string? result = null;
        if (count >= 2)
        {
            // Append sentences one by one to the kept list; whenever its tail is a run repeated twice, drop the
            // second copy. Each sentence is appended once, so the work is bounded by count × MaxRunLength.
            int[]? keptRented = count > 256 ? ArrayPool<int>.Shared.Rent(count) : null;
            Span<int> kept = keptRented is not null ? keptRented : stackalloc int[count];
            int length = 0;
            for (int i = 0; i < count; i++)
            {
                kept[length++] = i;
                bool removed;
                do
                {
                    removed = false;
                    for (int k = 1; k <= MaxRunLength && 2 * k <= length; k++)
                    {
                        if (RunsEqual(text, sentences, kept, length - 2 * k, length - k, k))
                        {
                            length -= k;
                            runs++;
                            removed = true;
                            break;
                        }
                    }
                } while (removed);
            }
            if (runs > 0) result = Rebuild(text, sentences[..count], kept[..length]);
            if (keptRented is not null) ArrayPool<int>.Shared.Return(keptRented);
        }
        if (rented is not null) ArrayPool<Range>.Shared.Return(rented);
        return result;
    }

    private static int FindSentenceEnd(ReadOnlySpan<char> text, int start)
    {
        int pos = start;
        while (true)
        {
            int index = text[pos..].IndexOfAny(Terminators);
            if (index < 0) return text.Length;
            pos += index + 1;
            if (pos >= text.Length || char.IsWhiteSpace(text[pos])) return pos;
        }
    }

    private static bool RunsEqual(ReadOnlySpan<char> text, ReadOnlySpan<Range> sentences, ReadOnlySpan<int> order, int first, int second, int length)
    {
        for (int j = 0; j < length; j++)
        {
            var a = text[sentences[order[first + j]]];
            var b = text[sentences[order[second + j]]];
            if (!a.SequenceEqual(b)) return false;
        }
        return true;
    }

    /// <summary>Keeps each kept sentence with the whitespace before it (the first keeps the text's leading part), then the tail.</summary>
    private static string Rebuild(ReadOnlySpan<char> text, ReadOnlySpan<Range> sentences, ReadOnlySpan<int> kept)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (int j = 0; j < kept.Length; j++)
        {
            int i = kept[j];
            int from = i == 0 ? 0 : sentences[i - 1].End.Value;
            builder.Append(text[from..sentences[i].End.Value]);
        }
        builder.Append(text[sentences[^1].End.Value..]);
        return builder.ToString();
    }
}
