using System.Text;
using PaperFeed.Cli;

namespace PaperFeed.Tests.Cli;

public class ParseCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("paperfeed-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<string> ExpectedDocumentAsync(params string[] files)
    {
        using var output = new MemoryStream();
        var feeds = files.SelectMany(f => FeedParser.Parse(File.ReadAllText(f)));
        FeedJson.WriteFeeds(output, feeds, indented: true);
        return await Task.FromResult(Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task Parses_files_in_argument_order_into_one_document()
    {
        var run = await CliRun.InvokeAsync("parse", TestData.Corpus001, TestData.Corpus000);

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Stdout.Should().Be(await ExpectedDocumentAsync(TestData.Corpus001, TestData.Corpus000));
    }

    [Fact]
    public async Task Many_inputs_parsed_concurrently_still_come_out_in_argument_order()
    {
        string[] files = [.. Enumerable.Range(0, 12).Select(i => i % 3 == 0 ? TestData.Corpus000 : TestData.Corpus001)];

        var run = await CliRun.InvokeAsync(["parse", "--format", "jsonl", "--quiet", .. files]);

        run.ExitCode.Should().Be(0);
        var expected = files.SelectMany(f => FeedParser.Parse(File.ReadAllText(f))).SelectMany(f => f.Papers).ToList();
        var actual = await FeedJson.ReadPapersAsync(new MemoryStream(Encoding.UTF8.GetBytes(run.Stdout))).ToListAsync();
        actual.Should().Equal(expected);
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Json_lines_hold_one_paper_per_line()
    {
        var run = await CliRun.InvokeAsync("parse", "--format", "jsonl", TestData.Corpus001);

        run.ExitCode.Should().Be(0);
        run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(53);
    }

    [Theory]
    [InlineData]
    [InlineData("-")]
    public async Task Reads_standard_input_when_no_file_or_dash(params string[] files)
    {
        var run = await CliRun.WithStdinAsync(File.ReadAllBytes(TestData.Corpus001), ["parse", "-v", .. files]);

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Be(await ExpectedDocumentAsync(TestData.Corpus001));
        run.StderrLines.Should().NotBeEmpty().And.OnlyContain(line => line.StartsWith("<stdin>:"));
    }

    [Fact]
    public async Task Own_json_and_json_lines_are_detected_and_read_back()
    {
        var jsonl = await CliRun.InvokeAsync("parse", "--format", "jsonl", TestData.Corpus001);
        var document = await CliRun.InvokeAsync("parse", TestData.Corpus001);

        var fromJsonl = await CliRun.WithStdinAsync(jsonl.Stdout, "parse", "-");
        var fromDocument = await CliRun.WithStdinAsync(document.Stdout, "parse", "--format", "jsonl");

        fromJsonl.Stdout.Should().Be(document.Stdout, "JSON Lines regroup into the snapshot's feed by featured day");
        fromDocument.Stdout.Should().Be(jsonl.Stdout);
    }

    [Fact]
    public async Task Diagnostics_go_to_stderr_like_a_compiler_infos_only_with_verbose_and_quiet_hides_them()
    {
        var run = await CliRun.InvokeAsync("parse", TestData.Corpus001);
        var verbose = await CliRun.InvokeAsync("parse", "--verbose", TestData.Corpus001);
        var quiet = await CliRun.InvokeAsync("parse", "--quiet", TestData.Corpus001);

        verbose.StderrLines.Should().NotBeEmpty().And.OnlyContain(line =>
            System.Text.RegularExpressions.Regex.IsMatch(line, @"^.+001_945d3c89aa4599f6\.txt:\d+(:\d+)?: info PF\d{3}: .+$"));
        run.Stderr.Should().BeEmpty("the Dec 30 copy has info diagnostics only, and infos are counted, not shown, without -v");
        quiet.Stderr.Should().BeEmpty();
        quiet.Stdout.Should().Be(run.Stdout);
        verbose.Stdout.Should().Be(run.Stdout);
    }

    [Fact]
    public async Task Keep_duplicate_sentences_keeps_the_abstract_as_written()
    {
        var collapsed = await CliRun.InvokeAsync("parse", "--quiet", TestData.Corpus001);
        var kept = await CliRun.InvokeAsync("parse", "-v", "--keep-duplicate-sentences", TestData.Corpus001);

        kept.Stdout.Length.Should().BeGreaterThan(collapsed.Stdout.Length);
        kept.Stderr.Should().NotContain(" PF101: ");
    }

    [Fact]
    public async Task Reference_date_gives_year_less_dates_a_year()
    {
        var run = await CliRun.InvokeAsync("parse", "--quiet", "--reference-date", "2025-12-31", TestData.Corpus001);

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("\"date\": \"2025-12-30\"").And.NotContain("\"--");
    }

    [Fact]
    public async Task Dedupe_keeps_the_first_of_each_paper_across_inputs()
    {
        // In both copies: a bare card on Aug 28 (title and abstract only), a card with metadata on Dec 30 ("• 4 authors", "Feb 13, 2023").
        const string Shared = "Task-Specific Skill Localization in Fine-tuned Language Models";
        var augLines = File.ReadAllLines(TestData.Corpus000);
        var decLines = File.ReadAllLines(TestData.Corpus001);
        augLines.Should().Contain(Shared);
        decLines.Should().Contain(Shared);

        var augFirst = Papers(await CliRun.InvokeAsync("parse", "--dedupe", "--quiet", "--format", "jsonl", TestData.Corpus000, TestData.Corpus001));
        var decFirst = Papers(await CliRun.InvokeAsync("parse", "--dedupe", "--quiet", "--format", "jsonl", TestData.Corpus001, TestData.Corpus000));

        // The survivor is the first input's copy, field for field: the bare Aug 28 card, or the Dec 30 card.
        var bare = augFirst.Single(p => p.GetProperty("title").GetString() == Shared);
        bare.EnumerateObject().Select(p => p.Name).Should().Equal("title", "abstract", "featured");
        bare.GetProperty("featured").GetString().Should().Be("--08-28");
        var full = decFirst.Single(p => p.GetProperty("title").GetString() == Shared);
        full.GetProperty("featured").GetString().Should().Be("--12-30");
        full.GetProperty("authorCount").GetInt32().Should().Be(4);
        full.GetProperty("published").GetString().Should().Be("2023-02-13");

        // Every Aug 28 card (78, each a title line of that copy) comes first and whole; then the Dec 30 cards that copy lacks.
        augFirst.Select(p => p.GetProperty("title").GetString()).Should().OnlyHaveUniqueItems();
        augFirst.Take(78).Should().OnlyContain(p => augLines.Contains(p.GetProperty("title").GetString()) && p.GetProperty("featured").GetString() == "--08-28");
        augFirst.Skip(78).Should().NotBeEmpty().And.OnlyContain(p =>
            !augLines.Contains(p.GetProperty("title").GetString()) && decLines.Contains(p.GetProperty("title").GetString()) && p.GetProperty("featured").GetString() == "--12-30");
        decFirst.Should().HaveCount(augFirst.Count, "the same papers, whichever copy comes first");

        static List<System.Text.Json.JsonElement> Papers(CliRun run) =>
            run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
    }

    [Fact]
    public async Task Max_line_length_skips_long_lines_with_a_warning()
    {
        var run = await CliRun.InvokeAsync("parse", "--max-line-length", "200", TestData.Corpus001);

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().Contain(": warning PF206: ");
    }

    [Fact]
    public async Task Output_file_is_written_only_on_success()
    {
        string target = Path.Combine(_dir, "out.json");
        var ok = await CliRun.InvokeAsync("parse", "--output", target, TestData.Corpus001);

        ok.ExitCode.Should().Be(0);
        ok.Stdout.Should().BeEmpty();
        File.ReadAllText(target).Should().Be(await ExpectedDocumentAsync(TestData.Corpus001));

        string bad = Path.Combine(_dir, "bad.txt");
        File.WriteAllBytes(bad, [(byte)'a', 0, (byte)'b']);
        var failed = await CliRun.InvokeAsync("parse", "--output", target, TestData.Corpus000, bad);

        failed.ExitCode.Should().Be(ExitCodes.InputError);
        File.ReadAllText(target).Should().Be(await ExpectedDocumentAsync(TestData.Corpus001), "a failed run leaves the previous file alone");
        Directory.GetFiles(_dir).Should().BeEquivalentTo([target, bad], "no temporary file is left behind");
    }

    [Fact]
    public async Task After_an_input_error_stdout_holds_the_papers_before_it_as_valid_lines()
    {
        string bad = Path.Combine(_dir, "binary.bin");
        File.WriteAllBytes(bad, [0, 1, 2, 3]);

        var run = await CliRun.InvokeAsync("parse", "--format", "jsonl", "--quiet", TestData.Corpus001, bad);

        run.ExitCode.Should().Be(ExitCodes.InputError);
        var papers = await FeedJson.ReadPapersAsync(new MemoryStream(Encoding.UTF8.GetBytes(run.Stdout))).ToListAsync();
        papers.Should().HaveCount(53);
        run.StderrLines.Should().ContainSingle().Which.Should().Be($"{bad}:1:1: error PF901: the input is not text: it contains a NUL character");
    }

    [Fact]
    public async Task Strict_mode_fails_on_the_first_warning()
    {
        const string listing = "Daily Papers\n\nAug 28\n\nA title\n\nAn abstract.\n\nA title with no abstract\n";

        var lenient = await CliRun.WithStdinAsync(listing, "parse");
        var strict = await CliRun.WithStdinAsync(listing, "parse", "--strict");

        lenient.ExitCode.Should().Be(0);
        lenient.Stderr.Should().Contain("<stdin>:9: warning PF201: ");
        strict.ExitCode.Should().Be(ExitCodes.InputError);
        strict.StderrLines.Should().ContainSingle().Which.Should().StartWith("<stdin>:9: error PF201: ");
    }

    [Fact]
    public async Task Input_format_auto_detects_as_if_no_format_were_given()
    {
        var auto = await CliRun.InvokeAsync("parse", "--format", "jsonl", "--input-format", "auto", TestData.Corpus001);
        var detected = await CliRun.InvokeAsync("parse", "--format", "jsonl", TestData.Corpus001);

        auto.ExitCode.Should().Be(0, auto.Stderr);
        auto.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(53);
        auto.Stdout.Should().Be(detected.Stdout);
    }

    [Fact]
    public async Task Broken_json_input_is_an_input_error_with_its_line()
    {
        var run = await CliRun.WithStdinAsync("{\"title\":\"A\"}\n{\"title\":\"B\",\"upvotes\":\"x\"}\n", "parse", "--format", "jsonl");

        run.ExitCode.Should().Be(ExitCodes.InputError);
        run.Stdout.Should().Be("{\"title\":\"A\"}\n");
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith("<stdin>:2:27: error PF902: ");
    }

    [Fact]
    public async Task Loose_papers_stream_into_the_document_one_by_one()
    {
        // Grouping JSON Lines into a feed must not hold the feed: the first paper is out before the broken line.
        var run = await CliRun.WithStdinAsync("{\"title\":\"First\",\"featured\":\"--08-28\"}\n{\"title\":\"Second\",\"featured\":\"--08-28\"}\n{broken\n", "parse");

        run.ExitCode.Should().Be(ExitCodes.InputError);
        run.Stdout.Should().Contain("\"title\": \"First\"").And.Contain("\"title\": \"Second\"").And.Contain("\"date\": \"--08-28\"");
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith("<stdin>:3:2: error PF902: ");
    }

    [Fact]
    public async Task Missing_file_is_an_input_error_before_any_output()
    {
        var run = await CliRun.InvokeAsync("parse", TestData.Corpus001, Path.Combine(_dir, "missing.txt"));

        run.ExitCode.Should().Be(ExitCodes.InputError);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().ContainSingle().Which.Should().Be($"paperfeed: error: {Path.Combine(_dir, "missing.txt")}: no such file");
    }

    [Fact]
    public async Task A_directory_is_an_input_error()
    {
        var run = await CliRun.InvokeAsync("parse", _dir);

        run.ExitCode.Should().Be(ExitCodes.InputError);
        run.StderrLines.Should().ContainSingle().Which.Should().Be($"paperfeed: error: {_dir}: is a directory");
    }

    [Fact]
    public async Task A_cancelled_run_exits_130_and_leaves_no_output_file()
    {
        string target = Path.Combine(_dir, "out.json");
        using var input = new MemoryStream();
        using var output = new MemoryStream();
        using var error = new StringWriter();

        int exitCode = await PaperFeed.Cli.Cli.InvokeAsync(["parse", "--output", target, TestData.Corpus001], input, output, error,
            cancellationToken: new CancellationToken(canceled: true));

        exitCode.Should().Be(ExitCodes.Interrupted);
        error.ToString().Should().Be("paperfeed: error: interrupted; output not written\n".ReplaceLineEndings());
        Directory.GetFiles(_dir).Should().BeEmpty();
    }

    [Theory]
    [InlineData("parse", "--format", "xml")]
    [InlineData("parse", "--max-line-length", "0")]
    [InlineData("parse", "--max-line-length", "many")]
    [InlineData("parse", "--reference-date", "28/08/2025")]
    [InlineData("parse", "--no-such-option")]
    [InlineData("frobnicate")]
    [InlineData]
    public async Task Usage_errors_exit_2_with_a_message_and_no_output(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        run.ExitCode.Should().Be(ExitCodes.UsageError);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().NotBeEmpty();
        run.StderrLines[0].Should().StartWith("paperfeed: error: ");
        run.Stderr.Should().NotContain("   at ", "never a stack trace");
    }

    [Fact]
    public async Task Help_is_printed_on_stdout_with_exit_0()
    {
        var run = await CliRun.InvokeAsync("parse", "--help");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("--format").And.Contain("--dedupe").And.Contain("--reference-date");
    }
}
