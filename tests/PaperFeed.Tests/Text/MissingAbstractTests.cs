namespace PaperFeed.Tests.Text;

/// <summary>An entry cut off after its title is still a paper, with a null abstract and a warning at the title's line.</summary>
public class MissingAbstractTests
{
    [Fact]
    public void Cut_off_entries_are_papers_without_abstract()
    {
        var result = ParseResult.OfFixture("missing-abstracts.txt");

        result.Papers.Select(p => (p.Title, p.Abstract)).Should().Equal(
            ("Title Then Metadata", null),
            ("Next Title", "Next abstract."),
            ("Title Before Header", null),
            ("Title At End", null));
        result.Papers[0].AuthorCount.Should().Be(4, "the metadata block where the abstract should be still belongs to the entry");
        result.Papers[0].Published.Should().Be(new PaperDate(2023, 2, 13));
        result.Feeds.Should().HaveCount(2);
        result.WithCode(DiagnosticCodes.MissingAbstract).Select(d => d.Line).Should().Equal(3, 13, 19);
        result.Diagnostics.Should().OnlyContain(d => d.Code == DiagnosticCodes.MissingAbstract);
    }

    [Fact]
    public void Missing_abstract_warning_says_why()
    {
        var result = ParseResult.Of("T\n");

        result.Papers.Should().ContainSingle().Which.Abstract.Should().BeNull();
        var warning = result.Diagnostics.Should().ContainSingle().Subject;
        warning.Severity.Should().Be(DiagnosticSeverity.Warning);
        warning.Line.Should().Be(1);
        warning.Message.Should().Contain("input ends");
        warning.ToString().Should().Be("<input>:1: warning PF201: the entry has no abstract: the input ends");
    }
}
