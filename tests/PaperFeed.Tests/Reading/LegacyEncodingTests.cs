using System.Text;
using System.Text.RegularExpressions;
using PaperFeed.Tests.Cli;
using PaperFeed.Tests.Faults;

namespace PaperFeed.Tests.Reading;

/// <summary>
/// Legacy 8-bit text: a file with no byte order mark whose bytes are not UTF-8 is read as Windows-1252 with one
/// warning (PF209); binary bytes are not taken for 8-bit text. The fixture is the real snapshot 001 saved by iconv as
/// Windows-1252 (Fixtures/Text/legacy/README.md): it must give exactly the papers of the UTF-8 original.
/// </summary>
public sealed partial class LegacyEncodingTests
{
    private static string Legacy => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Text", "legacy", "001_945d3c89aa4599f6.windows-1252.txt");

    /// <summary>The author counts of the original, in order, read with a regular expression over its text (not PaperFeed).</summary>
    private static List<int> SourceAuthorCounts() =>
        [.. AuthorLine().Matches(File.ReadAllText(TestData.Corpus001)).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public void The_fixture_is_not_utf8_and_holds_the_bullet_as_one_byte()
    {
        var bytes = File.ReadAllBytes(Legacy);
        System.Text.Unicode.Utf8.IsValid(bytes).Should().BeFalse();
        bytes.Should().Contain(0x95, "the • of '• 4 authors' is 0x95 in Windows-1252");
        bytes.Length.Should().Be(File.ReadAllBytes(TestData.Corpus001).Length - 150, "its 50 bullets (3 bytes in UTF-8) and 50 middle dots (2 bytes) are one byte each");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public async Task A_windows_1252_file_reads_as_the_utf8_original_with_one_warning(int parallelism)
    {
        var diagnostics = new List<FeedDiagnostic>();
        var reader = new FeedReader(FeedReaderOptions.Default with { MaxDegreeOfParallelism = parallelism, Diagnostics = new() { OnDiagnostic = diagnostics.Add } });
        var expected = FeedReader.Default.ReadPapers(FeedInput.FromFile(TestData.Corpus001)).ToList();

        var papers = await reader.ReadPapersAsync(FeedInput.FromFile(Legacy)).ToListAsync();

        papers.Should().HaveCount(53, "the corpus notes count 53 papers");
        papers.Should().Equal(expected);
        papers.Where(p => p.AuthorCount is not null).Select(p => p.AuthorCount!.Value).Should().Equal(SourceAuthorCounts());
        papers.Count(p => p.Published is not null).Should().Be(50);
        papers.Should().NotContain(p => p.Title.Contains('\uFFFD') || p.Title.Contains("authors", StringComparison.Ordinal));
        var warning = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Should().ContainSingle().Subject;
        warning.Code.Should().Be(DiagnosticCodes.LegacyEncoding);
        // The first byte that is not UTF-8 is the bullet of the first metadata block: line 17, after two spaces.
        (warning.Line, warning.Column).Should().Be((17, 3));
        File.ReadLines(TestData.Corpus001).ElementAt(16).Should().StartWith("  • ");
    }

    [Fact]
    public async Task Every_input_shape_and_the_given_text_format_decode_it_alike()
    {
        var expected = FeedReader.Default.ReadFeeds(FeedInput.FromFile(TestData.Corpus001)).ToList();
        byte[] bytes = File.ReadAllBytes(Legacy);
        var given = new FeedReader(FeedReaderOptions.Default with { Format = FeedFormat.TextListing });

        (await FeedReader.Default.ReadFeedsAsync(FeedInput.FromStream(new NonSeekableStream(bytes), "pipe")).ToListAsync()).Should().Equal(expected);
        FeedReader.Default.ReadFeeds(FeedInput.FromBytes(bytes)).Should().Equal(expected);
        given.ReadFeeds(FeedInput.FromFile(Legacy)).Should().Equal(expected);
        var counted = FeedReader.Default.Count(FeedInput.FromFile(Legacy));
        (counted.Papers, counted.Warnings).Should().Be((53, 1), "the count includes the one PF209 warning");
    }

    [Fact]
    public void Windows_1252_bytes_decode_as_the_code_page_says()
    {
        // Every byte 0x80-0xFF against .NET's own Latin-1 for 0xA0-0xFF and the published 1252 table for 0x80-0x9F.
        byte[] all = [.. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)];
        string text = ReadAll(new PaperFeed.IO.Windows1252Stream(new MemoryStream(all)), chunk: 1);
        text[..32].Should().Be("€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009Džÿ".Replace('ÿ', 'Ÿ'));
        text[32..].Should().Be(Encoding.Latin1.GetString(all, 32, 96));
        ReadAll(new PaperFeed.IO.Windows1252Stream(new MemoryStream(all)), chunk: 4096).Should().Be(text, "any read size gives the same text");
    }

    [Fact]
    public void A_utf8_character_cut_by_the_end_of_the_detection_head_is_still_utf8()
    {
        // The 16 KiB head ends inside the three bytes of '•': the input is UTF-8 all the same.
        string start = "Daily Papers\n\nDec 30\n\nTitle\n\n" + new string('a', 16 * 1024 - 33) + "\n";
        byte[] bytes = Encoding.UTF8.GetBytes(start + "  • 2 authors\n·\nFeb 13, 2023\n");
        Encoding.UTF8.GetByteCount(start + "  ").Should().Be(16 * 1024 - 1);
        var diagnostics = new List<FeedDiagnostic>();
        var reader = new FeedReader(FeedReaderOptions.Default with { Diagnostics = new() { OnDiagnostic = diagnostics.Add } });

        var paper = reader.ReadPapers(FeedInput.FromStream(new NonSeekableStream(bytes))).Single();

        paper.AuthorCount.Should().Be(2);
        diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Invalid_bytes_beside_control_bytes_are_not_8_bit_text_and_are_refused_as_before()
    {
        // A gzip member's start after a listing: control bytes beside invalid ones are no Windows-1252 text. The bytes
        // go to the text reader as they are, which refuses the NUL (PF901), as it always has.
        byte[] bytes = [.. "Daily Papers\n\nDec 30\n"u8, 0x1F, 0x8B, 0x08, 0x00, 0xFF];
        var diagnostics = new List<FeedDiagnostic>();
        var reader = new FeedReader(FeedReaderOptions.Default with { Diagnostics = new() { OnDiagnostic = diagnostics.Add } });

        var act = () => reader.ReadPapers(FeedInput.FromBytes(bytes, "archive")).ToList();

        var error = act.Should().Throw<FeedFormatException>().Which.Diagnostic;
        (error.Code, error.Line, error.Column).Should().Be((DiagnosticCodes.NotText, 4, 4));
        diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.LegacyEncoding);
    }

    [Fact]
    public async Task The_cli_reads_the_file_with_one_warning_and_its_output_is_the_originals()
    {
        var original = await PaperfeedProcess.RunAsync("parse", "--format", "jsonl", TestData.Corpus001);
        var legacy = await PaperfeedProcess.RunAsync("parse", "--format", "jsonl", Legacy);

        legacy.ExitCode.Should().Be(0, legacy.Stderr);
        legacy.Stdout.Should().Be(original.Stdout);
        legacy.StderrLines.Where(line => line.Contains("warning", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Be($"{Legacy}:17:3: warning PF209: the input is not UTF-8 (byte 0x95) and has no byte order mark: read as Windows-1252; save it as UTF-8 to silence this");
        var stats = await CliRun.InvokeAsync("stats", Legacy);
        stats.Stdout.Should().Contain("\"papers\": 53").And.Contain("\"warnings\": 1");
    }

    private static string ReadAll(Stream stream, int chunk)
    {
        var bytes = new List<byte>();
        var buffer = new byte[chunk];
        int read;
        while ((read = stream.Read(buffer)) > 0) bytes.AddRange(buffer.AsSpan(0, read));
        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>A pipe's view of bytes: read forward only, in small reads.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 4096));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [GeneratedRegex(@"^\s*• (\d+) authors?$", RegexOptions.Multiline)]
    private static partial Regex AuthorLine();
}
