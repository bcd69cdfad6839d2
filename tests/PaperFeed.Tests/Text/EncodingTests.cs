using System.Text;

namespace PaperFeed.Tests.Text;

/// <summary>BOMs, invalid UTF-8 (U+FFFD and a warning with line and column), and NUL (not text, in every mode).</summary>
public class EncodingTests
{
    private const string Listing = "Daily Papers\n\nDec 30\n\nTitle — with “quotes”\n\nAbstract in 中文 and emoji 😀.\n\n  • 2 authors\n·\nFeb 13, 2023\n";

    [Fact]
    public void Bom_is_skipped_in_strings_and_streams()
    {
        var expected = FeedParser.Parse(Listing);

        FeedParser.Parse("\uFEFF" + Listing).Should().Equal(expected);
        ParseResult.OfBytes([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Listing)]).Feeds.Should().Equal(expected);
        ParseResult.OfBytes(Encoding.UTF8.GetBytes(Listing)).Feeds.Should().Equal(expected);
        expected.Single().Papers.Single().Abstract.Should().Be("Abstract in 中文 and emoji 😀.");
    }

    [Fact]
    public void Bom_of_a_file_concatenated_into_a_dump_is_skipped()
    {
        var bytes = Encoding.UTF8.GetBytes("\uFEFF" + Listing + "\uFEFF" + Listing.Replace("Dec 30", "Dec 31", StringComparison.Ordinal));

        var result = ParseResult.OfBytes(bytes);

        result.Feeds.Select(f => f.Date).Should().Equal(new PaperDate(null, 12, 30), new PaperDate(null, 12, 31));
        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Invalid_utf8_becomes_replacement_characters_with_a_warning_naming_line_and_column()
    {
        var bytes = Encoding.UTF8.GetBytes("T\n\nAbc\u00E9").Concat(new byte[] { 0xFF, 0xC3 }).Concat(Encoding.UTF8.GetBytes("x. Rest.\n")).ToArray();

        var result = ParseResult.OfBytes(bytes);

        result.Papers.Single().Abstract.Should().Be("Abc\u00E9\uFFFD\uFFFDx. Rest.");
        var warning = result.Diagnostics.Should().ContainSingle().Subject;
        (warning.Code, warning.Severity, warning.Line, warning.Column).Should().Be((DiagnosticCodes.InvalidUtf8, DiagnosticSeverity.Warning, 3, 5));
    }

    [Fact]
    public async Task ReadPapersAsync_reports_invalid_utf8_with_its_line()
    {
        var bytes = Encoding.UTF8.GetBytes("Daily Papers\n\nT\n\nBad ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(" byte.\n")).ToArray();
        var diagnostics = new List<FeedDiagnostic>();

        var papers = new List<Paper>();
        await foreach (var paper in FeedParser.ReadPapersAsync(new MemoryStream(bytes), new FeedParserOptions { OnDiagnostic = diagnostics.Add })) papers.Add(paper);

        papers.Single().Abstract.Should().Be("Bad \uFFFD( byte.");
        diagnostics.Should().ContainSingle().Which.Should().Be(new FeedDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidUtf8, DiagnosticLocation.AtLine(5, 5),
            "bytes that are not valid UTF-8 were replaced by U+FFFD"));
    }

    [Fact]
    public void Truncated_sequence_at_the_end_is_dropped_with_a_warning()
    {
        // A file cut inside its last character: the character's first bytes are dropped, not made a U+FFFD.
        var bytes = Encoding.UTF8.GetBytes("T\n\nEnds in a cut ").Concat(new byte[] { 0xE2, 0x82 }).ToArray();

        var result = ParseResult.OfBytes(bytes);

        result.Papers.Single().Abstract.Should().Be("Ends in a cut");
        var warning = result.Diagnostics.Single();
        (warning.Code, warning.Line).Should().Be((DiagnosticCodes.InvalidUtf8, 3));
        warning.Message.Should().Be("the input ends inside a UTF-8 character (a file cut short?); its 2 byte(s) were dropped");
    }

    [Fact]
    public void Invalid_utf8_inside_a_skipped_line_is_reported_once()
    {
        var bytes = Encoding.UTF8.GetBytes("T\n\n" + new string('a', 100)).Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("\n\nNext\n\nB.\n")).ToArray();

        var result = ParseResult.OfBytes(bytes, new FeedParserOptions { MaxLineLength = 50 });

        result.Papers.Select(p => p.Title).Should().Equal("T", "Next");
        result.Diagnostics.Select(d => (d.Code, d.Line)).Should().BeEquivalentTo(new[] { (DiagnosticCodes.InvalidUtf8, 3), (DiagnosticCodes.LineTooLong, 3) });
    }

    [Fact]
    public void Surrogate_pair_arriving_when_the_line_buffer_has_one_char_left_is_kept()
    {
        // 65535 ASCII chars then a four-byte character: the line buffer has exactly one free char when it arrives.
        var title = new string('a', 65535) + "😀 end";
        var bytes = Encoding.UTF8.GetBytes(title + "\n\nAbstract.\n");

        var result = ParseResult.OfBytes(bytes);

        result.Papers.Single().Title.Should().Be(title);
        result.Papers.Single().Abstract.Should().Be("Abstract.");
    }

    public static TheoryData<string, bool> Modes => new() { { "reader", false }, { "reader", true }, { "stream", false }, { "stream", true } };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Nul_means_not_text_in_every_mode(string source, bool strict)
    {
        var text = "Daily Papers\n\nAug 28\n\nT\n\nAb\0c.\n";
        var options = new FeedParserOptions { Strict = strict, SourceName = "dump.txt" };

        Action parse = source == "reader"
            ? () => FeedParser.ReadPapers(new StringReader(text), options).ToList()
            : () => FeedParser.ReadPapersAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), options).ToBlockingEnumerable().ToList();

        var error = parse.Should().Throw<FeedFormatException>().Which;
        (error.Code, error.Line, error.Column, error.SourceName).Should().Be((DiagnosticCodes.NotText, 7, 3, "dump.txt"));
        error.Diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);
        error.Message.Should().Be("dump.txt:7:3: error PF901: the input is not text: it contains a NUL character");
    }

    [Fact]
    public void Nul_inside_a_skipped_line_still_means_not_text()
    {
        var text = "T\n\n" + new string('a', 300) + "\0" + "\n";

        Action parse = () => FeedParser.Parse(text, new FeedParserOptions { MaxLineLength = 100 });

        parse.Should().Throw<FeedFormatException>().Which.Column.Should().Be(301);
    }

    [Fact]
    public void Nul_in_counting_mode_means_not_text()
    {
        // Text after it: not padding at the end of a file cut by a crash (which reads, with a warning), but not text.
        Action count = () => FeedParser.Count(new StringReader("T\n\0x"));

        count.Should().Throw<FeedFormatException>().Which.Line.Should().Be(2);
    }
}
