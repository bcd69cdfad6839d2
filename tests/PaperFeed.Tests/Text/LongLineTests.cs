namespace PaperFeed.Tests.Text;

/// <summary>Lines longer than MaxLineLength are skipped as they stream past: a warning, bounded memory, neighbours intact.</summary>
public class LongLineTests
{
    private const string Before = "Daily Papers\n\nAug 28\n\nBefore\n\nAbstract before.\n\nHuge Abstract Entry\n\n";
    private const string After = "\n\n  • 3 authors\n·\nAug 25 2\n\nAfter\n\nAbstract after.\n";

    [Fact]
    public void Twenty_megabyte_abstract_line_is_skipped_and_its_neighbours_survive()
    {
        var diagnostics = new List<FeedDiagnostic>();
        var options = new FeedParserOptions { OnDiagnostic = diagnostics.Add };
        using var reader = new GeneratedReader(Before, 'x', 20L << 20, After);

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var papers = FeedParser.ReadPapers(reader, options).ToList();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        papers.Select(p => p.Title).Should().Equal("Before", "Huge Abstract Entry", "After");
        papers[1].Abstract.Should().BeNull("the over-long abstract keeps its place but not its text");
        papers[1].AuthorCount.Should().Be(3);
        papers[1].Upvotes.Should().Be(2);
        papers[2].Abstract.Should().Be("Abstract after.");
        var warning = diagnostics.Should().ContainSingle().Subject;
        warning.Code.Should().Be(DiagnosticCodes.LineTooLong);
        warning.Line.Should().Be(11);
        warning.Message.Should().Contain((20L << 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
        reader.CharactersRead.Should().BeGreaterThan(20L << 20);
        allocated.Should().BeLessThan(16L << 20, "the 40 MB line is never held whole; the buffer stops at the 1 MB limit");
    }

    [Fact]
    public async Task Over_long_line_from_a_stream_is_skipped_too()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Before + new string('é', 5000) + After);

        var result = ParseResult.OfStream(new ChunkedStream(bytes, [7, 4096, 1]), new FeedParserOptions { MaxLineLength = 4000 });

        result.Papers.Select(p => p.Title).Should().Equal("Before", "Huge Abstract Entry", "After");
        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("5000");
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(11, true)]
    public void Limit_counts_characters_without_the_terminator(int length, bool skipped)
    {
        var result = ParseResult.Of($"T\n\n{new string('a', length)}\r\n", new FeedParserOptions { MaxLineLength = 10 });

        result.Papers.Single().Abstract.Should().Be(skipped ? null : new string('a', length));
        result.WithCode(DiagnosticCodes.LineTooLong).Should().HaveCount(skipped ? 1 : 0);
    }

    [Fact]
    public void Over_long_title_drops_its_entry_and_says_so_for_each_line()
    {
        var text = $"Aug 28\n\nBefore\n\nA.\n\n{new string('t', 200)}\n\nIts abstract.\n\n  • 2 authors\n·\nAug 25\n\nAfter\n\nB.\n";

        var result = ParseResult.Of(text, new FeedParserOptions { MaxLineLength = 100 });

        result.Papers.Select(p => p.Title).Should().Equal("Before", "After");
        result.WithCode(DiagnosticCodes.LineTooLong).Single().Line.Should().Be(7);
        result.WithCode(DiagnosticCodes.SkippedEntry).Select(d => d.Line).Should().Equal(9, 11, 12, 13);
        FeedParser.Count(new StringReader(text), new FeedParserOptions { MaxLineLength = 100 }).Papers.Should().Be(2);
    }

    [Fact]
    public void Over_long_last_line_without_newline_is_skipped()
    {
        var result = ParseResult.Of("T\n\nA.\n\n" + new string('z', 50), new FeedParserOptions { MaxLineLength = 20 });

        result.Papers.Should().ContainSingle().Which.Abstract.Should().Be("A.");
        result.WithCode(DiagnosticCodes.LineTooLong).Single().Line.Should().Be(5);
    }
}
