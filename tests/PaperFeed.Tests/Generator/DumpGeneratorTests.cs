using System.Security.Cryptography;
using System.Text;
using PaperFeed.Testing;

namespace PaperFeed.Tests.Generator;

public class DumpGeneratorTests
{
    private static readonly DumpOptions Large = new()
    {
        Seed = 42,
        TargetBytes = 6 << 20,
        LineEndings = DumpLineEndings.Mixed,
        ByteOrderMark = true,
        FinalNewline = false,
    };

    private static (byte[] Bytes, DumpSummary Summary, List<Paper> Papers) Generate(DumpOptions options)
    {
        var papers = new List<Paper>();
        using var stream = new MemoryStream();
        var summary = DumpGenerator.Write(stream, options, papers.Add);
        return (stream.ToArray(), summary, papers);
    }

    [Fact]
    public void Same_options_give_byte_identical_dumps()
    {
        var options = new DumpOptions { Seed = 7, TargetBytes = 1 << 20, LineEndings = DumpLineEndings.Mixed };

        var first = Generate(options);
        var second = Generate(options);

        SHA256.HashData(first.Bytes).Should().Equal(SHA256.HashData(second.Bytes));
        first.Summary.Should().Be(second.Summary);
        first.Papers.Should().Equal(second.Papers);
    }

    [Fact]
    public void Another_seed_gives_another_dump()
    {
        var first = Generate(new DumpOptions { Seed = 1, TargetBytes = 64 << 10 });
        var second = Generate(new DumpOptions { Seed = 2, TargetBytes = 64 << 10 });

        first.Bytes.Should().NotEqual(second.Bytes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100_000)]
    [InlineData(3 << 20)]
    public void Size_is_the_target_plus_at_most_one_entry_and_bytes_are_counted_exactly(long target)
    {
        var (bytes, summary, _) = Generate(new DumpOptions { TargetBytes = target, LineEndings = DumpLineEndings.CrLf, ByteOrderMark = true });

        summary.Bytes.Should().Be(bytes.LongLength);
        summary.Bytes.Should().BeGreaterThanOrEqualTo(target).And.BeLessThan(target + (64 << 10));
        bytes.AsSpan().StartsWith("\uFEFF"u8).Should().BeTrue();
        summary.Expected.Lines.Should().Be(bytes.AsSpan().Count((byte)'\n'));
        summary.Expected.Feeds.Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData(DumpLineEndings.Lf, false, true)]
    [InlineData(DumpLineEndings.CrLf, true, false)]
    [InlineData(DumpLineEndings.Mixed, true, false)]
    public void Line_endings_bom_and_final_newline_are_as_asked(DumpLineEndings endings, bool bom, bool finalNewline)
    {
        var (bytes, summary, _) = Generate(new DumpOptions { Seed = 3, TargetBytes = 512 << 10, LineEndings = endings, ByteOrderMark = bom, FinalNewline = finalNewline });

        int lf = bytes.AsSpan().Count((byte)'\n');
        int crlf = bytes.AsSpan().Count("\r\n"u8);
        (endings switch { DumpLineEndings.Lf => crlf == 0, DumpLineEndings.CrLf => crlf == lf, _ => crlf > 0 && crlf < lf }).Should().BeTrue();
        bytes.AsSpan().StartsWith("\uFEFF"u8).Should().Be(bom);
        (bytes[^1] == (byte)'\n').Should().Be(finalNewline);
        summary.Expected.Lines.Should().Be(finalNewline ? lf : lf + 1);
    }

    [Fact]
    public void Parsing_a_generated_dump_finds_exactly_the_true_counts()
    {
        var (bytes, summary, _) = Generate(Large);

        using var reader = new StreamReader(new MemoryStream(bytes));
        var statistics = FeedParser.Count(reader);

        statistics.Should().Be(summary.Expected);
        summary.Expected.Feeds.Should().BeGreaterThan(50);
        summary.Expected.Papers.Should().BeGreaterThan(summary.Expected.PapersWithMetadata).And.BeGreaterThan(2000);
        summary.Expected.PapersWithMetadata.Should().BeGreaterThan(0);
        summary.Expected.Infos.Should().BeGreaterThan(0);
        summary.Expected.Warnings.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Papers_parsed_from_bytes_equal_the_generated_records_line_numbers_included()
    {
        var (bytes, summary, expected) = Generate(Large);

        var actual = new List<Paper>();
        await foreach (var paper in FeedParser.ReadPapersAsync(new MemoryStream(bytes))) actual.Add(paper);

        actual.Should().HaveCount((int)summary.Expected.Papers);
        actual.Should().Equal(expected);
        actual.Select(p => p.SourceLine).Should().Equal(expected.Select(p => p.SourceLine));
        actual.Count(p => p.AuthorCount is not null).Should().Be((int)summary.Expected.PapersWithMetadata);
        expected.Sum(p => (long)p.Title.Length + p.Abstract!.Length).Should().Be(summary.PaperTextChars);
    }

    [Fact]
    public void Feeds_parsed_from_text_hold_the_generated_papers_in_order()
    {
        var (bytes, summary, expected) = Generate(Large with { Seed = 5, LineEndings = DumpLineEndings.CrLf });

        var feeds = FeedParser.Parse(Encoding.UTF8.GetString(bytes));

        feeds.Should().HaveCount((int)summary.Expected.Feeds);
        feeds.SelectMany(f => f.Papers).Should().Equal(expected);
        feeds.SelectMany(f => f.Papers.Select(p => p.Featured)).Should().Equal(expected.Select(p => p.Featured));
    }

    [Fact]
    public void Dumps_carry_the_variety_of_real_listings()
    {
        var (bytes, _, papers) = Generate(Large);
        var text = Encoding.UTF8.GetString(bytes);

        papers.Should().Contain(p => p.AuthorCount == 1).And.Contain(p => p.AuthorCount > 1).And.Contain(p => p.AuthorCount == null);
        papers.Should().Contain(p => p.Published != null && p.Published.Value.HasYear).And.Contain(p => p.Published != null && !p.Published.Value.HasYear);
        papers.Should().Contain(p => p.Upvotes != null).And.Contain(p => p.Featured == null).And.Contain(p => p.Featured != null && p.Featured.Value.HasYear);
        text.Should().Contain("  • 1 author\n").And.Contain("Get trending papers in your email inbox!").And.Contain("\nDaily Papers");
        text.Should().Contain("语").And.Contain("🤗").And.Contain("\r\n");
    }
}
