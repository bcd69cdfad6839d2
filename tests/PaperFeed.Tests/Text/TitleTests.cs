namespace PaperFeed.Tests.Text;

/// <summary>Titles: arXiv-style wrapped titles and what is (not) a continuation.</summary>
public class TitleTests
{
    [Fact]
    public void Indented_line_right_after_the_title_continues_it()
    {
        var result = ParseResult.OfFixture("wrapped-title.txt");

        var paper = result.Papers.Should().ContainSingle().Subject;
        paper.Title.Should().Be("A Title Wrapped By arXiv Onto A Second Line");
        paper.Abstract.Should().Be("The abstract.");
        paper.SourceLine.Should().Be(5);
        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Indented_line_after_a_blank_line_is_the_abstract()
    {
        var paper = FeedParser.Parse("A Title\n\n  Indented abstract.\n").Single().Papers.Single();

        paper.Title.Should().Be("A Title");
        paper.Abstract.Should().Be("Indented abstract.");
    }

    [Fact]
    public void Unindented_line_right_after_the_title_is_the_abstract()
    {
        var paper = FeedParser.Parse("A Title\nThe abstract.\n").Single().Papers.Single();

        paper.Title.Should().Be("A Title");
        paper.Abstract.Should().Be("The abstract.");
    }

    [Fact]
    public void Without_any_blank_lines_lines_alternate_title_and_abstract()
    {
        var papers = FeedParser.Parse("Daily Papers\nAug 28\nT1\nA1.\nT2\nA2.\n  • 2 authors\n·\nAug 25\nT3\nA3.").Single().Papers;

        papers.Select(p => (p.Title, p.Abstract, p.AuthorCount)).Should().Equal(("T1", "A1.", null), ("T2", "A2.", 2), ("T3", "A3.", null));
    }

    [Fact]
    public void Long_titles_are_kept_whole()
    {
        var title = string.Join(' ', Enumerable.Repeat("Word", 200));

        FeedParser.Parse($"{title}\n\nAbstract.\n").Single().Papers.Single().Title.Should().Be(title);
    }
}
