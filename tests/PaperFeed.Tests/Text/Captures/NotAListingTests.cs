using System.Text;
using PaperFeed.Tests.Formats;

namespace PaperFeed.Tests.Text.Captures;

/// <summary>
/// Text that is not a Daily Papers listing is refused by detection (PF925) from its first bytes, before any paper;
/// every real listing and capture still passes; forcing the text format reads anything; UTF-16 and UTF-32 with a
/// byte order mark are decoded.
/// </summary>
public class NotAListingTests
{
    /// <summary>Inputs of each kind the rule must refuse: this repository's own README and C# source, a CSV, a log, random bytes.</summary>
    public static TheoryData<string> NotListings => new()
    {
        "readme", "csharp", "csv", "log", "random",
    };

    public static byte[] Input(string kind) => kind switch
    {
        "readme" => File.ReadAllBytes(Path.Combine(SourceTree.Root, "README.md")),
        "csharp" => File.ReadAllBytes(Path.Combine(SourceTree.Root, "src", "PaperFeed", "FeedParser.cs")),
        "csv" => Encoding.UTF8.GetBytes("arxiv_id,title,upvotes,published\n2508.20751,\"Some Title, With Comma\",12,2025-08-28\n2508.20752,Other,3,2025-08-27\n"),
        "log" => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 300).Select(i =>
            $"Aug 28 10:{i % 60:00}:01 host paperfeed[{1000 + i}]: fetched https://huggingface.co/api/daily_papers in {i} ms\n"))),
        "random" => RandomTextlessBytes(1 << 20, seed: 12),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Random bytes with no NUL among them (NUL would be refused as "not text" instead).</summary>
    public static byte[] RandomTextlessBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        for (int i = 0; i < bytes.Length; i++) bytes[i] = bytes[i] == 0 ? (byte)1 : bytes[i];
        return bytes;
    }

    [Theory]
    [MemberData(nameof(NotListings))]
    public async Task Text_that_is_no_listing_is_refused_before_any_paper(string kind)
    {
        var papers = new List<Paper>();

        var act = async () =>
        {
            await foreach (var paper in TestReaders.ReadPapersAsync(new MemoryStream(Input(kind)))) papers.Add(paper);
        };

        var error = (await act.Should().ThrowAsync<FeedFormatException>()).Which;
        error.Code.Should().Be(DiagnosticCodes.NotAListing);
        error.Diagnostic.Line.Should().Be(1);
        error.Message.Should().Contain("not a Daily Papers listing").And.NotContain("\n").And.NotContain("PaperFeed.");
        papers.Should().BeEmpty();
        TestReaders.DetectFormat(Input(kind).AsSpan(0, Math.Min(Input(kind).Length, 16 * 1024))).Should().BeNull();
    }

    [Fact]
    public async Task Refusal_is_decided_on_the_first_16_KiB_of_an_endless_input()
    {
        using var endless = new EndlessRandomStream();

        var act = () => TestReaders.CountAsync(endless);

        (await act.Should().ThrowAsync<FeedFormatException>()).Which.Code.Should().Be(DiagnosticCodes.NotAListing);
        endless.BytesRead.Should().Be(16 * 1024, "detection reads one head and no further");
    }

    [Theory]
    [MemberData(nameof(NotListings))]
    public async Task Forcing_the_text_format_reads_it_anyway(string kind)
    {
        var act = () => TestReaders.CountAsync(new MemoryStream(Input(kind)), "text");

        await act.Should().NotThrowAsync();
    }

    /// <summary>Every listing and capture in the repository, real and hand-made.</summary>
    public static TheoryData<string> Listings()
    {
        var data = new TheoryData<string>();
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        foreach (var path in Directory.EnumerateFiles(Path.Combine(fixtures, "Real"), "*.txt", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(fixtures, "Text"), "*.txt")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(fixtures, path));
        }
        data.Add("samples/daily-papers.txt");
        return data;
    }

    [Theory]
    [MemberData(nameof(Listings))]
    public void Every_listing_and_capture_passes_the_rule(string relativePath)
    {
        var bytes = File.ReadAllBytes(relativePath.StartsWith("samples/", StringComparison.Ordinal)
            ? Path.Combine(SourceTree.Root, relativePath)
            : Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));

        TestReaders.DetectFormat(bytes.AsSpan(0, Math.Min(bytes.Length, 16 * 1024)), isEntireInput: bytes.Length <= 16 * 1024)
            .Should().BeOneOf("text", "markdown", "clipper");
    }

    public static TheoryData<string> WideEncodings => new() { "utf-16le", "utf-16be", "utf-32le", "utf-32be" };

    private static Encoding Wide(string name) => name switch
    {
        "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        "utf-32le" => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
        _ => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
    };

    [Theory]
    [MemberData(nameof(WideEncodings))]
    public async Task Utf16_and_utf32_with_a_bom_read_like_utf8(string encoding)
    {
        foreach (var path in new[] { TestData.Corpus001, Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", "captures", "clipper-export-search-intercode-bash.txt") })
        {
            string text = await File.ReadAllTextAsync(path);
            byte[] wide = [.. Wide(encoding).GetPreamble(), .. Wide(encoding).GetBytes(text)];

            var fromWide = await TestReaders.ReadFeedsAsync(new MemoryStream(wide)).ToListAsync();
            var forced = await TestReaders.ReadFeedsAsync(new MemoryStream(wide), "text").ToListAsync();
            var fromUtf8 = await TestReaders.ReadFeedsAsync(new MemoryStream(Encoding.UTF8.GetBytes(text))).ToListAsync();

            fromWide.Should().Equal(fromUtf8, path);
            fromWide.SelectMany(f => f.Papers).Should().NotBeEmpty();
            forced.Should().NotBeEmpty("a forced format is decoded too");
        }
    }

    [Fact]
    public async Task Utf16_without_a_bom_is_still_not_text()
    {
        byte[] wide = Encoding.Unicode.GetBytes("Daily Papers\n\nAug 28\n\nTitle\nAbstract.\n");

        var act = () => TestReaders.ReadPapersAsync(new MemoryStream(wide)).ToListAsync();

        (await act.Should().ThrowAsync<FeedFormatException>()).Which.Code.Should().Be(DiagnosticCodes.NotText);
    }

    /// <summary>A stream of random non-NUL bytes that never ends; counts what was read.</summary>
    private sealed class EndlessRandomStream : PaperFeed.IO.ReadOnlyForwardStream
    {
        private readonly Random _random = new(7);

        public long BytesRead { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            _random.NextBytes(buffer);
            for (int i = 0; i < buffer.Length; i++) buffer[i] = buffer[i] == 0 ? (byte)1 : buffer[i];
            BytesRead += buffer.Length;
            return buffer.Length;
        }
    }
}
