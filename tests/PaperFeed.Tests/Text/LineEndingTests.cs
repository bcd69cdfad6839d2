namespace PaperFeed.Tests.Text;

/// <summary>LF, CRLF, lone CR, no final newline, extra blank lines and whitespace-only lines give the same records.</summary>
public class LineEndingTests
{
    private const string Lf = "Daily Papers\n\nAug 28\n\nFirst Title\n\nFirst abstract.\n\n  • 2 authors\n·\nFeb 13, 2023 5\n\nSecond Title\n\nSecond abstract.";

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Every_line_ending_gives_the_same_records(string newline)
    {
        var expected = FeedParser.Parse(Lf);

        FeedParser.Parse(Lf.Replace("\n", newline, StringComparison.Ordinal)).Should().Equal(expected);
        FeedParser.Parse(Lf.Replace("\n", newline, StringComparison.Ordinal) + newline).Should().Equal(expected);
    }

    [Fact]
    public void Mixed_line_endings_count_lines_like_an_editor()
    {
        var papers = FeedParser.Parse("T1\r\n\rA1.\n\r\nT2\r\rA2.").SelectMany(f => f.Papers).ToList();

        papers.Select(p => (p.Title, p.Abstract, p.SourceLine)).Should().Equal(("T1", "A1.", 1), ("T2", "A2.", 5));
    }

    [Fact]
    public void Cr_split_from_its_lf_across_reads_is_one_line_ending()
    {
        // A reader that hands out one character per read puts every CR at the end of a buffer fill.
        var text = Lf.Replace("\n", "\r\n", StringComparison.Ordinal);
        using var reader = new ChunkedReader(text, [1]);

        var papers = FeedParser.ReadPapers(reader).ToList();

        papers.Should().Equal(FeedParser.Parse(Lf).SelectMany(f => f.Papers));
        papers.Select(p => p.SourceLine).Should().Equal(5, 13);
    }

    [Fact]
    public void Blank_lines_and_whitespace_only_lines_separate_nothing_extra()
    {
        var spaced = "\n\n \t \nDaily Papers\n\n\n\nAug 28\n \nFirst Title  \n\t\n\t  First abstract.   \n\n\n  • 2 authors \n ·\t\n Feb 13, 2023 5  \n\n\n\nSecond Title\n\n\nSecond abstract.\t\n\n \n";

        FeedParser.Parse(spaced).Should().Equal(FeedParser.Parse(Lf));
    }

    [Fact]
    public void Trailing_whitespace_is_trimmed_from_fields_but_inner_spacing_kept()
    {
        var paper = FeedParser.Parse("Title  with  two spaces \t\n\nAbstract  with\ttab. \n").Single().Papers.Single();

        paper.Title.Should().Be("Title  with  two spaces");
        paper.Abstract.Should().Be("Abstract  with\ttab.");
    }
}
