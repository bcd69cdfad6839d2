using System.Text;
using CsCheck;

namespace PaperFeed.Tests.Text;

/// <summary>
/// An abstract that is not made into a string (counting, the span reader, JSON Lines, the UTF-8 papers) is read where
/// the line reader holds it, and copied only when the reader is about to refill its buffer. Whatever the reads, the
/// duplicate-abstract check, the collapsed runs' columns and the fields must be those of one whole read.
/// </summary>
public sealed class AbstractInLineTests
{
    private static readonly string[] Fragments =
        ["Title", "An abstract. An abstract.", "A b. C d! A b. C d!", "An abstract. An abstract.", "é", "😀", " ", "\t", "\n", "\n", "\n\n", "\r\n",
         "• 3 authors", "·", "Aug 25", "Aug 25, 2024 7", "Daily Papers", "Title"];

    private static readonly Gen<string> Text = Gen.OneOf(Fragments).Array[1, 40].Select(string.Concat);

    private static readonly Gen<int[]> Sizes = Gen.Int[1, 9].Array[1, 4];

    [Fact]
    public void Counting_in_small_reads_counts_what_one_read_counts()
    {
        Gen.Select(Text, Sizes).Sample((text, sizes) =>
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            var whole = FeedParser.CountAsync(new MemoryStream(bytes), Listening(out var wholeDiagnostics)).GetAwaiter().GetResult();

            var chunked = FeedParser.CountAsync(new ChunkedStream(bytes, sizes), Listening(out var chunkedDiagnostics)).GetAwaiter().GetResult();
            var characters = FeedParser.Count(new ChunkedReader(text, sizes), Listening(out var characterDiagnostics));

            chunked.Should().Be(whole, text);
            chunkedDiagnostics.Should().Equal(wholeDiagnostics, text);
            characters.Should().Be(whole, text);
            characterDiagnostics.Should().Equal(wholeDiagnostics, text);
        }, iter: 1500, threads: 1);
    }

    [Fact]
    public void Entries_read_in_small_reads_are_the_papers_of_one_read()
    {
        Gen.Select(Text, Sizes).Sample((text, sizes) =>
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            var expected = FeedParser.ReadPapers(new StringReader(text)).ToList();

            using var reader = new Utf8ListingReader(new ChunkedStream(bytes, sizes));
            var entries = new List<Paper>();
            while (reader.Read()) entries.Add(reader.ToPaper());
            entries.Should().Equal(expected, text);
            FeedParser.ReadPapersAsync(new ChunkedStream(bytes, sizes)).ToBlockingEnumerable().Should().Equal(expected, text);
        }, iter: 1500, threads: 1);
    }

    private static FeedParserOptions Listening(out List<FeedDiagnostic> diagnostics)
    {
        var list = new List<FeedDiagnostic>();
        diagnostics = list;
        return new FeedParserOptions { OnDiagnostic = list.Add, ReferenceDate = new DateOnly(2026, 1, 2) };
    }
}
