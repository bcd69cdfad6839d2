using System.Diagnostics;
using System.Text;
using CsCheck;
using PaperFeed.Text;

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
    [InlineData("A one. B two. C three. C three.", "A one. B two. C three.", 1)]
    [InlineData("A one. B two. A one. B two.", "A one. B two.", 1)]
    [InlineData("A one! A one! A one!", "A one!", 2)]
    [InlineData("Why? Why? Because.", "Why? Because.", 1)]
    [InlineData("A one.  B two.\tB two. C three.", "A one.  B two. C three.", 1)]
    [InlineData("Start. A one. B two. A one. B two. End", "Start. A one. B two. End", 1)]
    [InlineData("A. B. A. B. C. C.", "A. B. C.", 2)]
    [InlineData("Tail without end. Tail without end", "Tail without end. Tail without end", 0)]
    [InlineData("Version 1.5 is out. Version 1.5 is out.", "Version 1.5 is out.", 1)]
    [InlineData("See e.g. this. See e.g. this.", "See e.g. this.", 1)]
    [InlineData("A one. a one.", "A one. a one.", 0)]
    [InlineData("No terminator at all", "No terminator at all", 0)]
    public void Repeated_sentence_runs_collapse(string text, string expected, int runs)
    {
        var result = ParseResult.Of($"T\n\n{text}\n");

        result.Papers.Single().Abstract.Should().Be(expected);
        result.Diagnostics.Should().HaveCount(runs, "each collapsed run is one info");
        result.Diagnostics.Count(d => d.Code == DiagnosticCodes.DuplicateSentences && d.Severity == DiagnosticSeverity.Info && d.Line == 3).Should().Be(runs);
        FeedParser.Parse($"T\n\n{text}\n", Keep).Single().Papers.Single().Abstract.Should().Be(text);
    }

    [Fact]
    public void Collapse_info_points_at_the_dropped_copy()
    {
        var result = ParseResult.Of("T\n\n   A one. B two. B two.\n");

        var info = result.WithCode(DiagnosticCodes.DuplicateSentences).Should().ContainSingle().Subject;
        (info.Line, info.Column).Should().Be((3, 18), "the second 'B two.' starts at column 18 of the untrimmed line");
    }

    [Fact]
    public void Whole_abstract_repeated_inside_its_line_collapses()
    {
        var abstractText = string.Join(" ", Enumerable.Range(1, 40).Select(i => $"Sentence number {i} says something."));

        var paper = FeedParser.Parse($"T\n\n{abstractText} {abstractText}\n").Single().Papers.Single();

        paper.Abstract.Should().Be(abstractText);
    }

    [Fact]
    public void Collapsed_text_has_no_repeated_run_left_and_collapses_no_further()
    {
        // Sentences from a small alphabet repeat often, in runs of every length.
        Gen.OneOf("A.", "B!", "C?", "Dd.").Array[0, 40].Sample(sentences =>
        {
            var text = string.Join(' ', sentences);
            var dropped = new List<int>();
            var collapsed = DuplicateSentenceCollapser.Collapse(text, dropped) ?? text;

            var kept = collapsed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int k = 1; 2 * k <= kept.Length; k++)
            {
                for (int i = 0; i + 2 * k <= kept.Length; i++)
                {
                    kept.AsSpan(i, k).SequenceEqual(kept.AsSpan(i + k, k)).Should().BeFalse($"'{collapsed}' still repeats a run of {k} at {i}");
                }
            }
            DuplicateSentenceCollapser.Collapse(collapsed, dropped).Should().BeNull();
            (dropped.Count == 0).Should().BeTrue();
        }, iter: 2000, threads: 1);
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
