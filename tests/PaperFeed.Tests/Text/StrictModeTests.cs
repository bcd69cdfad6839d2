namespace PaperFeed.Tests.Text;

/// <summary>Strict mode: the first warning throws; infos never do.</summary>
public class StrictModeTests
{
    private static readonly FeedParserOptions Strict = new() { Strict = true, SourceName = "snap.txt" };

    [Fact]
    public void Clean_corpus_parses_in_strict_mode_despite_infos()
    {
        FeedParser.Parse(File.ReadAllText(TestData.Corpus000), Strict).Single().Papers.Should().HaveCount(78);
        FeedParser.Parse(File.ReadAllText(TestData.Corpus001), Strict).Single().Papers.Should().HaveCount(53);
    }

    [Fact]
    public void First_warning_throws_with_its_code_and_line()
    {
        var diagnostics = new List<FeedDiagnostic>();
        Action parse = () => FeedParser.Parse("T\n\nA.\n\n  • 2 authors\n·\nFeb 30, 2023\n\nU\n", Strict with { OnDiagnostic = diagnostics.Add });

        var error = parse.Should().Throw<FeedFormatException>().Which;
        (error.Code, error.Line, error.Column, error.SourceName).Should().Be((DiagnosticCodes.InvalidMetadata, 7, null, "snap.txt"));
        error.Message.Should().StartWith("snap.txt:7: warning PF203:");
        diagnostics.Should().ContainSingle("the callback sees the warning before the throw");
    }

    [Fact]
    public void Papers_before_the_warning_are_already_streamed()
    {
        using var reader = new StringReader("T1\n\nA1.\n\nT2\n\nA2.\n\nT3\n");
        var seen = new List<string>();

        Action read = () => { foreach (var paper in FeedParser.ReadPapers(reader, Strict)) seen.Add(paper.Title); };

        read.Should().Throw<FeedFormatException>().Which.Code.Should().Be(DiagnosticCodes.MissingAbstract);
        seen.Should().Equal("T1", "T2");
    }

    [Fact]
    public void Counting_is_strict_too()
    {
        Action count = () => FeedParser.Count(new StringReader("T\n\n" + new string('a', 20) + "\n"), Strict with { MaxLineLength = 10 });

        count.Should().Throw<FeedFormatException>().Which.Code.Should().Be(DiagnosticCodes.LineTooLong);
    }
}
