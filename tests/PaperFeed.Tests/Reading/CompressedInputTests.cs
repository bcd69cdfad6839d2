using System.Diagnostics;
using System.IO.Compression;
using PaperFeed.Tests.Faults;

namespace PaperFeed.Tests.Reading;

/// <summary>
/// gzip and Zstandard inputs, told by their magic bytes: compressed by the system's own gzip and zstd commands (not by
/// PaperFeed's libraries), read through files, streams and standard input, and giving exactly the uncompressed output.
/// </summary>
public sealed class CompressedInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("paperfeed-compressed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Compresses a copy of <paramref name="source"/> with the system's <paramref name="tool"/> (gzip or zstd).</summary>
    private string Compressed(string source, string tool)
    {
        string copy = Path.Combine(_folder, Path.GetFileName(source));
        if (copy != source) File.Copy(source, copy, overwrite: true);
        using var process = Process.Start(new ProcessStartInfo(tool, ["-q", "-f", "-k", copy]) { RedirectStandardError = true })!;
        process.WaitForExit();
        process.ExitCode.Should().Be(0, process.StandardError.ReadToEnd());
        return copy + (tool == "gzip" ? ".gz" : ".zst");
    }

    private static byte[] JsonLines(FeedInput input)
    {
        var output = new MemoryStream();
        FeedReader.Default.WriteJsonLines(input, output);
        return output.ToArray();
    }

    [Theory]
    [InlineData("gzip", "browser-copy/001_945d3c89aa4599f6.txt")]
    [InlineData("zstd", "browser-copy/001_945d3c89aa4599f6.txt")]
    [InlineData("gzip", "api/2025-10-02.json")]
    [InlineData("zstd", "captures/reference-links-search-long-context-asr.txt")]
    public async Task A_compressed_file_or_stream_reads_exactly_as_the_uncompressed_one(string tool, string name)
    {
        string plain = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", name);
        string packed = Compressed(plain, tool);
        var expected = JsonLines(FeedInput.FromFile(plain));

        JsonLines(FeedInput.FromFile(packed)).Should().Equal(expected);
        await using var stream = File.OpenRead(packed);
        (await FeedReader.Default.ReadPapersAsync(FeedInput.FromStream(stream)).ToListAsync())
            .Should().Equal(FeedReader.Default.ReadPapers(FeedInput.FromFile(plain)));
        var allCores = new FeedReader(FeedReaderOptions.Default with { MaxDegreeOfParallelism = -1 });
        allCores.Count(FeedInput.FromFile(packed)).Should().Be(FeedReader.Default.Count(FeedInput.FromFile(plain)));
    }

    [Fact]
    public void Concatenated_gzip_members_read_as_one_input()
    {
        // `cat a.gz b.gz > both.gz` is a valid gzip file of both texts (RFC 1952, 2.2).
        string first = Compressed(TestData.Corpus000, "gzip"), second = Compressed(TestData.Corpus001, "gzip");
        string both = Path.Combine(_folder, "both.txt.gz");
        File.WriteAllBytes(both, [.. File.ReadAllBytes(first), .. File.ReadAllBytes(second)]);

        var feeds = FeedReader.Default.ReadFeeds(FeedInput.FromFile(both)).ToList();

        feeds.Select(feed => feed.Papers.Count).Should().Equal(78, 53);
    }

    [Fact]
    public void Compressed_data_cut_short_is_PF930_after_the_papers_read_before_the_cut()
    {
        byte[] whole = File.ReadAllBytes(Compressed(TestData.Corpus001, "gzip"));
        var papers = new List<Paper>();

        var read = () => { foreach (var paper in FeedReader.Default.ReadPapers(FeedInput.FromBytes(whole.AsMemory(0, whole.Length * 2 / 3)))) papers.Add(paper); };

        read.Should().Throw<FeedFormatException>().Which.Code.Should().Be(DiagnosticCodes.DamagedCompressedInput);
        papers.Should().NotBeEmpty().And.HaveCountLessThan(53);
    }

    [Fact]
    public async Task The_cli_reads_a_gzip_archive_from_a_file_and_from_standard_input()
    {
        // The JSON Lines archive people keep and share as .jsonl.gz: written here by the CLI, compressed by gzip.
        string jsonl = Path.Combine(_folder, "archive.jsonl");
        File.WriteAllBytes(jsonl, JsonLines(FeedInput.FromFile(TestData.Corpus001)));
        string packed = Compressed(jsonl, "gzip");

        var fromFile = await PaperfeedProcess.RunAsync("stats", packed);
        var fromStdin = Shell.Bash($"cat {Shell.Quoted(packed)} | {Shell.Cli} parse --format jsonl");

        fromFile.ExitCode.Should().Be(0, fromFile.Stderr);
        fromFile.Stdout.Should().Contain("\"papers\": 53");
        fromStdin.ExitCode.Should().Be(0, fromStdin.Stderr);
        fromStdin.Stdout.Should().Be(File.ReadAllText(jsonl));
    }
}
