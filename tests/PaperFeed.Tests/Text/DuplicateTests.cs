using System.Diagnostics;
using System.Text;

namespace PaperFeed.Tests.Text;

/// <summary>Repeated title and abstract lines, and sentences repeated inside an abstract.</summary>
public class DuplicateTests
{
    private static readonly FeedParserOptions Keep = new() { DuplicateSentences = DuplicateSentenceHandling.Keep };

    [Fact]
    public void Repeated_title_and_abstract_lines_are_kept_once()
    {
        var result = ParseResult.OfFixture("duplicate-lines.txt");

        result.Papers.Should().HaveCount(2);
        result.Papers[0].Should().Be(new Paper
        {
            Title = "Repeated Title",
            Abstract = "The abstract line. Repeated as the next block.",
            AuthorCount = 2,
            Published = new PaperDate(2023, 2, 13),
            Featured = new PaperDate(null, 12, 30),
        });
        result.WithCode(DiagnosticCodes.DuplicateTitle).Single().Line.Should().Be(4);
        result.WithCode(DiagnosticCodes.DuplicateAbstract).Single().Line.Should().Be(8);
        result.Diagnostics.Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Info);
    }

    [Theory]
    [InlineData("A one. B two. C three. C three.", "A one. B two. C three.")]
    [InlineData("A one. B two. A one. B two.", "A one. B two.")]
    [InlineData("A one! A one! A one!", "A one!")]
    [InlineData("Why? Why? Because.", "Why? Because.")]
    [InlineData("A one.  B two.\tB two. C three.", "A one.  B two. C three.")]
    [InlineData("Start. A one. B two. A one. B two. End", "Start. A one. B two. End")]
    [InlineData("Tail without end. Tail without end", "Tail without end. Tail without end")]
    [InlineData("Version 1.5 is out. Version 1.5 is out.", "Version 1.5 is out.")]
    [InlineData("See e.g. this. See e.g. this.", "See e.g. this.")]
    [InlineData("A one. a one.", "A one. a one.")]
    [InlineData("No terminator at all", "No terminator at all")]
    public void Repeated_sentence_runs_collapse(string text, string expected)
    {
        var result = ParseResult.Of($"T\n\n{text}\n");

        result.Papers.Single().Abstract.Should().Be(expected);
        result.WithCode(DiagnosticCodes.DuplicateSentences).Should().HaveCount(text == expected ? 0 : 1);
        FeedParser.Parse($"T\n\n{text}\n", Keep).Single().Papers.Single().Abstract.Should().Be(text);
    }

    [Fact]
    public void Whole_abstract_repeated_inside_its_line_collapses()
    {
        var abstractText = string.Join(" ", Enumerable.Range(1, 40).Select(i => $"Sentence number {i} says something."));

        var paper = FeedParser.Parse($"T\n\n{abstractText} {abstractText}\n").Single().Papers.Single();

        paper.Abstract.Should().Be(abstractText);
    }

    [Fact]
    public void Hostile_repetition_finishes_quickly()
    {
        // 200k sentences in runs that nearly repeat: the collapser looks back at most MaxRunLength sentences.
        var builder = new StringBuilder();
        var random = new Random(7);
        for (int i = 0; i < 200_000; i++) builder.Append("abc"[random.Next(3)]).Append(". ");
        for (int i = 0; i < 200_000; i++) builder.Append("Same. ");
        var text = "T\n\n" + builder.ToString().TrimEnd() + "\n";

        var watch = Stopwatch.StartNew();
        var paper = FeedParser.Parse(text, new FeedParserOptions { MaxLineLength = 4 << 20 }).Single().Papers.Single();
        watch.Stop();

        paper.Abstract.Should().EndWith("Same.").And.NotContain("Same. Same.");
        paper.Abstract.Should().NotContain("a. a.").And.NotContain("b. b.").And.NotContain("c. c.");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "a hang guard, not a benchmark");
    }
}
