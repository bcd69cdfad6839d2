namespace PaperFeed.Tests.Text;

/// <summary>
/// <see cref="PaperText"/>, the core's text rules for readers of other packages: each member must agree with what the
/// core's own readers make of the same text, since PaperFeed.Html's cards (and third-party formats) rely on it.
/// </summary>
public class PaperTextTests
{
    [Theory]
    [InlineData("4 authors", 4)]
    [InlineData("• 1 author", 1)]
    [InlineData("  •   16 authors ", 16)]
    [InlineData("1 authors", 1)]
    public void An_author_count_line_gives_its_count_as_the_text_listing_reads_it(string line, int count)
    {
        PaperText.TryParseAuthorCount(line, out int parsed).Should().BeTrue();

        parsed.Should().Be(count);
        FeedParser.Parse($"T\n\nA.\n\n{line.Trim()}\n·\nFeb 13, 2023\n").Single().Papers.Single().AuthorCount.Should().Be(count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4")]
    [InlineData("4 authors and more")]
    [InlineData("authors")]
    [InlineData("99999999999 authors")]
    [InlineData("Aug 25, 2023")]
    public void Other_text_is_no_author_count(string line)
    {
        PaperText.TryParseAuthorCount(line, out int count).Should().BeFalse();
        count.Should().Be(0);
    }

    [Theory]
    [InlineData("Feb 13, 2023", 2023, 2, 13, null)]
    [InlineData("Aug 25", null, 8, 25, null)]
    [InlineData(" Aug 25 2 ", null, 8, 25, 2)]
    [InlineData("September 30, 2024 999999999", 2024, 9, 30, 999999999)]
    public void A_date_line_gives_its_date_and_upvote_count(string line, int? year, int month, int day, int? upvotes)
    {
        PaperText.TryParseDateLine(line, out var date, out int? count).Should().BeTrue();

        date.Should().Be(new PaperDate(year, month, day));
        count.Should().Be(upvotes);
    }

    [Theory]
    [InlineData("2023-02-13")]
    [InlineData("Feb 30, 2023")]
    [InlineData("May 2 Be Better")]
    [InlineData("Daily Papers")]
    [InlineData("4 authors")]
    [InlineData("")]
    public void Other_text_is_no_date_line(string line)
    {
        PaperText.TryParseDateLine(line, out var date, out int? upvotes).Should().BeFalse();

        date.Should().Be(default(PaperDate));
        upvotes.Should().BeNull();
    }

    [Theory]
    [InlineData("  A  wrapped\n   title\t here ", "A wrapped title here")]
    [InlineData("Already folded", "Already folded")]
    [InlineData(" \n\t ", null)]
    [InlineData(null, null)]
    public void Whitespace_folds_to_single_spaces_and_blank_text_to_null(string? text, string? folded) =>
        PaperText.FoldWhitespace(text).Should().Be(folded);

    [Fact]
    public void An_abstract_is_folded_and_its_repeated_sentences_collapsed_unless_kept()
    {
        const string text = "First one.\n  Second one. Second one.";

        PaperText.NormalizeAbstract(text, DuplicateSentenceHandling.Collapse, out int collapsed).Should().Be("First one. Second one.");
        collapsed.Should().Be(1);
        PaperText.NormalizeAbstract(text, DuplicateSentenceHandling.Keep, out int kept).Should().Be("First one. Second one. Second one.");
        kept.Should().Be(0);
        PaperText.NormalizeAbstract("  ", DuplicateSentenceHandling.Collapse, out _).Should().BeNull();
    }

    [Fact]
    public void An_abstract_is_made_as_the_api_reader_makes_it()
    {
        const string summary = "Line one.\nLine two. Line two.";
        string json = """[{"paper": {"id": "2401.00001", "title": "T", "summary": "Line one.\nLine two. Line two."}}]""";

        var paper = FeedReader.Default.ReadPapers(FeedInput.FromText(json)).Single();

        paper.Abstract.Should().Be(PaperText.NormalizeAbstract(summary, DuplicateSentenceHandling.Collapse, out _)).And.Be("Line one. Line two.");
    }
}
