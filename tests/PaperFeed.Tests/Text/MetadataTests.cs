namespace PaperFeed.Tests.Text;

/// <summary>The metadata block: author count, separator, date with optional year and upvotes; and blocks with parts missing.</summary>
public class MetadataTests
{
    [Theory]
    [InlineData("  • 4 authors", 4)]
    [InlineData("• 1 author", 1)]
    [InlineData("  • 1 authors", 1)]
    [InlineData("12 authors", 12)]
    [InlineData("•   16 authors", 16)]
    public void Author_line_shapes(string line, int count)
    {
        var paper = FeedParser.Parse($"T\n\nA.\n\n{line}\n·\nFeb 13, 2023\n").Single().Papers.Single();

        paper.AuthorCount.Should().Be(count);
        paper.Authors.Should().BeEmpty("the text listing never names authors");
    }

    [Theory]
    [InlineData("Feb 13, 2023", 2023, 2, 13, null)]
    [InlineData("Aug 25", null, 8, 25, null)]
    [InlineData("Aug 25 2", null, 8, 25, 2)]
    [InlineData("Aug 15, 2024 2", 2024, 8, 15, 2)]
    [InlineData("Sep 1, 2023 123", 2023, 9, 1, 123)]
    [InlineData("September 5", null, 9, 5, null)]
    [InlineData("September 30, 2024 999999999", 2024, 9, 30, 999999999)]
    public void Date_line_shapes(string line, int? year, int month, int day, int? upvotes)
    {
        var paper = FeedParser.Parse($"T\n\nA.\n\n  • 2 authors\n·\n{line}\n").Single().Papers.Single();

        paper.Published.Should().Be(new PaperDate(year, month, day));
        paper.Upvotes.Should().Be(upvotes);
    }

    [Fact]
    public void Blocks_with_missing_parts_keep_what_they_have()
    {
        var result = ParseResult.OfFixture("metadata-missing-parts.txt");

        result.Papers.Select(p => (p.Title, p.Abstract, p.AuthorCount, p.Published, p.Upvotes)).Should().Equal(
            ("No Author Line", "Abstract one.", null, new PaperDate(2023, 2, 13), null),
            ("No Date", "Abstract two.", 3, null, null),
            ("No Separator", "Abstract three.", 2, new PaperDate(2024, 3, 1), 7),
            ("Only A Separator", "Abstract four.", null, null, null),
            ("Last Title", "Abstract five.", 1, new PaperDate(null, 1, 5), null));
        // The separator carries nothing: a block without one loses nothing and is not reported.
        result.WithCode(DiagnosticCodes.IncompleteMetadata).Select(d => d.Line).Should().Equal(7, 14, 28, 28);
        result.Diagnostics.Should().OnlyContain(d => d.Code == DiagnosticCodes.IncompleteMetadata);
    }

    [Fact]
    public void Count_tallies_papers_with_an_author_count_or_a_date()
    {
        string text = ParseResult.Fixture("metadata-missing-parts.txt");
        var stats = FeedParser.Count(new StringReader(text));

        stats.Papers.Should().Be(5);
        // The one rule of every format: an author count or a published date ("Only A Separator" has neither).
        stats.PapersWithMetadata.Should().Be(4);
        stats.PapersWithMetadata.Should().Be(ParseResult.Of(text).Papers.Count(p => p.AuthorCount is not null || p.Published is not null));
        stats.Warnings.Should().Be(4);
    }

    [Theory]
    [InlineData("Feb 30, 2023")]
    [InlineData("Feb 13, 0000")]
    [InlineData("Aug 25,")]
    [InlineData("Aug 25 99999999999")]
    public void Invalid_date_is_reported_and_ends_the_entry(string line)
    {
        var result = ParseResult.Of($"T\n\nA.\n\n  • 2 authors\n·\n{line}\n\nNext\n\nB.\n");

        result.Papers.Select(p => p.Title).Should().Equal("T", "Next");
        result.Papers[0].AuthorCount.Should().Be(2);
        result.Papers[0].Published.Should().BeNull();
        result.WithCode(DiagnosticCodes.InvalidMetadata).Should().ContainSingle().Which.Line.Should().Be(7);
    }

    [Fact]
    public void Author_count_past_int_range_is_reported()
    {
        var result = ParseResult.Of("T\n\nA.\n\n  • 99999999999 authors\n·\nAug 25\n");

        result.Papers.Single().AuthorCount.Should().BeNull();
        result.Papers.Single().Published.Should().Be(new PaperDate(null, 8, 25));
        result.WithCode(DiagnosticCodes.InvalidMetadata).Should().ContainSingle().Which.Line.Should().Be(5);
    }

    [Fact]
    public void Metadata_lines_are_recognised_only_by_exact_shape()
    {
        // Lines that merely start like metadata are titles and abstracts.
        var result = ParseResult.Of("3D Gaussians for 4 authors\n\nMay the best model win.\n\n4 authorship styles\n\nAugmented data.\n\nMay 2 Be Better\n\nA.\n");
        var papers = result.Papers;

        papers.Select(p => p.Title).Should().Equal("3D Gaussians for 4 authors", "4 authorship styles", "May 2 Be Better");
        result.Diagnostics.Should().BeEmpty();
        papers.Should().OnlyContain(p => p.AuthorCount == null && p.Published == null);
    }
}
