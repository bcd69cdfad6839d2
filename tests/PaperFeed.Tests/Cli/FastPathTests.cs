using PaperFeed.Testing;

namespace PaperFeed.Tests.Cli;

/// <summary>
/// <c>stats FILE</c>, <c>parse FILE</c> (every format) and <c>merge FILE</c> on one text listing file run on every core
/// (the CLI's fast paths); standard input goes through the general pipeline. Both must print the same bytes and the same diagnostics,
/// in the same order.
/// </summary>
public sealed class FastPathTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"paperfeed-fast-{Guid.NewGuid():N}.txt");

    public void Dispose() => File.Delete(_path);

    public static TheoryData<string, string> Commands() => new()
    {
        { "parse", "--format jsonl" },
        { "stats", "" },
        { "parse", "--format jsonl --reference-date 2026-12-31 --keep-duplicate-sentences --max-line-length 300" },
        { "stats", "--reference-date 2026-12-31 --max-line-length 300" },
        { "parse", "--format csv" },
        { "parse", "--format jsonl --dedupe --min-upvotes 3" },
        { "parse", "--format markdown --sort upvotes --top 20" },
        { "parse", "--format json" },
        { "parse", "--format json --sort upvotes --top 5" },
        { "merge", "--format jsonl" },
        { "merge", "--format json --min-upvotes 3" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_generated_dump_gives_the_output_and_diagnostics_of_the_general_pipeline(string command, string options)
    {
        DumpGenerator.WriteFile(_path, new DumpOptions { Seed = 11, TargetBytes = 1_200_000, LineEndings = DumpLineEndings.Mixed, ByteOrderMark = true });
        byte[] bytes = await File.ReadAllBytesAsync(_path);
        // A stray metadata line and invalid UTF-8 near the end: warnings from a late piece.
        bytes = [.. bytes, .. "\n\n·\nTitle \xFF\n\nAbstract.\n"u8];
        await File.WriteAllBytesAsync(_path, bytes);
        string[] args = [command, .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

        var fast = await CliRun.InvokeAsync([.. args, _path]);
        var general = await CliRun.WithStdinAsync(bytes, [.. args, "-"]);

        fast.ExitCode.Should().Be(0);
        general.ExitCode.Should().Be(0);
        if (command == "stats") fast.Stdout.Should().Be(general.Stdout);
        else fast.Stdout.Should().Be(general.Stdout).And.NotBeEmpty();
        fast.StderrLines.Should().NotBeEmpty().And.Equal(general.StderrLines.Select(line => line.Replace("<stdin>", _path, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_corpus_gives_the_output_of_the_general_pipeline()
    {
        string corpus = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", "browser-copy", "001_945d3c89aa4599f6.txt");
        byte[] bytes = await File.ReadAllBytesAsync(corpus);

        var fast = await CliRun.InvokeAsync("parse", "--format", "jsonl", "--reference-date", "2025-12-31", corpus);
        var general = await CliRun.WithStdinAsync(bytes, "parse", "--format", "jsonl", "--reference-date", "2025-12-31", "-");

        fast.Stdout.Should().Be(general.Stdout).And.NotBeEmpty();
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("parse", "--format", "jsonl")]
    [InlineData("parse", "--format", "jsonl", "--input-format", "text")]
    [InlineData("parse", "--format", "csv")]
    [InlineData("parse", "--format", "json")]
    [InlineData("merge", "--format", "jsonl")]
    public async Task A_utf16_file_is_decoded_as_standard_input_is_not_read_as_utf8_on_every_core(params string[] args)
    {
        // The real corpus saved as an editor's "Unicode" (UTF-16 with a byte order mark): the parallel calls read
        // UTF-8 bytes, so the fast path must leave this file to the pipeline that decodes it.
        string corpus = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", "browser-copy", "001_945d3c89aa4599f6.txt");
        byte[] bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(File.ReadAllText(corpus))).ToArray();
        await File.WriteAllBytesAsync(_path, bytes);

        var fromFile = await CliRun.InvokeAsync([.. args, _path]);
        var fromStdin = await CliRun.WithStdinAsync(bytes, [.. args, "-"]);

        fromFile.ExitCode.Should().Be(0, string.Join("\n", fromFile.StderrLines));
        fromFile.Stdout.Should().Be(fromStdin.Stdout).And.NotBeEmpty();
        if (args.Contains("jsonl")) fromFile.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(53, "the snapshot holds 53 papers");
    }
}
