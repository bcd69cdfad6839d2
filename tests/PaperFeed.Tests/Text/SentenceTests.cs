using System.Text;
using CsCheck;
using PaperFeed.Text;

namespace PaperFeed.Tests.Text;

/// <summary>
/// The sentences the duplicate-sentence collapser finds, and what it makes of them, against a plain reference written
/// here: a sentence ends at <c>.</c>, <c>!</c> or <c>?</c> followed by whitespace (any Unicode whitespace) or the end
/// of the text; the next starts after that whitespace; the shortest run repeated at the tail of the kept sentences is
/// dropped, sentence by sentence. Over UTF-16 characters and UTF-8 bytes, for texts around the 64-unit blocks.
/// </summary>
public sealed class SentenceTests
{
    private static readonly string[] Fragments =
        [".", "!", "?", ". ", "! ", "? ", "...", "?!", "e.g.", "3.5", "O(n log n)", "A one.", "B two!", "C?", "x", "ab", "Dd", " ", "  ", "\t", "\r", "\n", "\r\n",
         "\v", "\f", "\u001F", "\u0085", "\u00A0", "\u1680", "\u2000", "\u2009", "\u200A", "\u200B", "\u2028", "\u2029", "\u202F", "\u205F", "\u3000", "\u180E",
         "\uFEFF", "é", "中文", "😀", ".😀", ".\u00A0", "?\u3000", "!\u2009", ".é", "\uFFFD"];

    private static readonly Gen<string> Fragment = Gen.Frequency(
        (8, Gen.OneOf(Fragments)),
        (2, Gen.Char[(char)0, (char)0x7F].Select(c => c.ToString())),
        (1, Gen.Char[(char)0x80, (char)0x3000].Where(c => !char.IsSurrogate(c)).Select(c => c.ToString())));

    private static readonly Gen<string> Separator = Gen.OneOf(" ", " ", " ", "  ", "\t", "\n", "\u00A0", "\u2009", "\u3000", "\u0085", "", ".");

    // Sentences from a small set, so that sentences and runs of them repeat, joined by whitespace (or not).
    private static readonly Gen<string> Repetitive = Gen.Select(Gen.OneOf("A one.", "B two!", "C?", "😀 four.", "e.g. five.", "x", "Six\u00A0six.").Array[0, 30], Separator.Array[30],
        (sentences, separators) => string.Concat(sentences.Select((s, i) => s + separators[i])));

    private static readonly Gen<string> Text = Gen.Frequency(
        (3, Fragment.Array[0, 60].Select(string.Concat)),
        (3, Repetitive),
        (1, Gen.Select(Repetitive, Fragment.Array[0, 8], (r, f) => string.Concat(f) + r + string.Concat(f.Reverse()))));

    [Fact]
    public void Sentences_and_collapsed_runs_are_those_of_the_reference()
    {
        Text.Sample(text =>
        {
            CheckUtf16(text);
            CheckUtf8(text);
        }, iter: 20_000, threads: 1);
    }

    [Fact]
    public void Lengths_around_the_blocks_find_every_end()
    {
        // A terminator followed by whitespace (or not) at the edges of the 64-unit blocks (32 UTF-16 characters
        // are one 512-bit vector), in texts of every length up to three blocks, ending in a terminator.
        foreach (string terminator in new[] { ".", "?" })
        {
            foreach (string space in new[] { " ", "\u3000", "é" })
            {
                for (int length = 0; length <= 200; length++)
                {
                    foreach (int at in new[] { 0, 31, 62, 63, 64, 127, 128, length - 2, length - 1 }.Where(a => a >= 0 && a < length).Distinct())
                    {
                        string text = new string('a', at) + terminator + space + new string('b', Math.Max(0, length - at - 3)) + terminator;
                        CheckUtf16(text);
                        CheckUtf8(text);
                    }
                }
            }
        }
    }

    [Fact]
    public void The_ascii_whitespace_rule_is_that_of_char()
    {
        for (int c = 0; c < 0x80; c++)
        {
            SentenceEndSearch.IsAsciiWhiteSpace(c).Should().Be(char.IsWhiteSpace((char)c), $"U+{c:X4}");
            CheckUtf16($"A one.{(char)c}A one.{(char)c}B.");
            CheckUtf8($"A one.{(char)c}A one.{(char)c}B.");
        }
    }

    [Fact]
    public void A_long_list_of_distinct_sentences_is_searched_and_kept()
    {
        // More sentences than the pre-check compares: the list is searched, nothing repeats, nothing changes.
        string text = string.Join(' ', Enumerable.Range(0, 300).Select(i => $"S{i}."));
        CheckUtf16(text);
        CheckUtf8(text);
        CheckUtf16(text + " " + text);
    }

    private static void CheckUtf16(string text)
    {
        var elements = new List<Element>();
        for (int i = 0; i < text.Length; i++) elements.Add(new Element(i, 1, text[i], char.IsWhiteSpace(text[i])));
        Check<char, Utf16Units>(text.AsSpan(), elements, text);
    }

    private static void CheckUtf8(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        var elements = new List<Element>();
        for (int i = 0; i < bytes.Length;)
        {
            Rune.DecodeFromUtf8(bytes.AsSpan(i), out var rune, out int length);
            elements.Add(new Element(i, length, rune.Value, Rune.IsWhiteSpace(rune)));
            i += length;
        }
        Check<byte, Utf8Units>(bytes, elements, text);
    }

    private readonly record struct Element(int Offset, int Length, int Value, bool WhiteSpace);

    private static void Check<T, TUnits>(ReadOnlySpan<T> text, List<Element> elements, string source)
        where T : unmanaged, IEquatable<T> where TUnits : ITextUnits<T>
    {
        var expected = ReferenceSentences(elements, text.Length);
        var actual = new List<(int, int)>();
        var sentences = new Sentences<T, TUnits>(text);
        while (sentences.MoveNext()) actual.Add((sentences.Start, sentences.End));
        actual.Should().Equal(expected, Escape(source));

        var (expectedKept, expectedDropped) = ReferenceCollapse(text, expected);
        var dropped = new List<int> { -1 };
        var collapsed = new TextBuffer<T>();
        bool changed = DuplicateSentenceCollapser<T, TUnits>.Collapse(text, dropped, ref collapsed);
        dropped.Should().Equal(expectedDropped, Escape(source));
        changed.Should().Be(expectedDropped.Count > 0, Escape(source));
        if (changed) collapsed.Span.ToArray().Should().Equal(expectedKept, Escape(source));
        collapsed.Release();

        // Counting finds the same runs and rebuilds nothing.
        DuplicateSentenceCollapser<T, TUnits>.Collapse(text, dropped, ref collapsed, rebuild: false).Should().BeFalse();
        dropped.Should().Equal(expectedDropped, Escape(source));
        collapsed.Release();
    }

    private static bool IsTerminator(Element element) => element.Value is '.' or '!' or '?';

    private static List<(int Start, int End)> ReferenceSentences(List<Element> elements, int length)
    {
        var result = new List<(int, int)>();
        int i = 0;
        while (i < elements.Count)
        {
            int start = elements[i].Offset;
            int j = i;
            while (j < elements.Count && !(IsTerminator(elements[j]) && (j + 1 == elements.Count || elements[j + 1].WhiteSpace))) j++;
            i = Math.Min(j + 1, elements.Count);
            result.Add((start, i < elements.Count ? elements[i].Offset : length));
            while (i < elements.Count && elements[i].WhiteSpace) i++;
        }
        return result;
    }

    private static (T[] Kept, List<int> Dropped) ReferenceCollapse<T>(ReadOnlySpan<T> text, List<(int Start, int End)> sentences) where T : unmanaged, IEquatable<T>
    {
        var units = text.ToArray();
        bool Same(int a, int b) => units.AsSpan(sentences[a].Start..sentences[a].End).SequenceEqual(units.AsSpan(sentences[b].Start..sentences[b].End));

        var kept = new List<int>();
        var dropped = new List<int>();
        for (int i = 0; i < sentences.Count; i++)
        {
            kept.Add(i);
            while (true)
            {
                int n = kept.Count;
                int run = Enumerable.Range(1, Math.Min(DuplicateSentenceCollapser<char, Utf16Units>.MaxRunLength, n / 2))
                    .FirstOrDefault(k => Enumerable.Range(0, k).All(j => Same(kept[n - 2 * k + j], kept[n - k + j])));
                if (run == 0) break;
                dropped.Add(sentences[kept[n - run]].Start);
                kept.RemoveRange(n - run, run);
            }
        }
        var result = new List<T>();
        foreach (int i in kept) result.AddRange(units[(i == 0 ? 0 : sentences[i - 1].End)..sentences[i].End]);
        if (sentences.Count > 0) result.AddRange(units[sentences[^1].End..]);
        return (result.ToArray(), dropped);
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c is >= ' ' and < '\x7F' ? c.ToString() : $"\\u{(int)c:X4}"));
}
