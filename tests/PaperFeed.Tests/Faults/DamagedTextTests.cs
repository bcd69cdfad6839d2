using System.Diagnostics;
using System.Text;

namespace PaperFeed.Tests.Faults;

/// <summary>
/// Damaged text loses no good data: lone surrogate escapes, byte order marks inside joined JSON Lines, NUL padding a
/// crash leaves, a file cut inside a character, one absurdly nested item, fields of the wrong type; and a flood of
/// NUL bytes (/dev/zero, a huge sparse file) is refused in bounded time.
/// </summary>
public sealed class DamagedTextTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private const string GoodApi1 = """{"paper":{"id":"2508.00001","title":"Good one","summary":"S1."}}""";
    private const string GoodApi2 = """{"paper":{"id":"2508.00002","title":"Good two","summary":"S2."}}""";

    public void Dispose() => _folder.Dispose();

    private static (List<Paper> Papers, List<FeedDiagnostic> Diagnostics) Read(FeedInput input)
    {
        var diagnostics = new List<FeedDiagnostic>();
        var reader = new FeedReader(FeedReaderOptions.Default with { Diagnostics = new() { OnDiagnostic = diagnostics.Add } });
        return (reader.ReadPapers(input).ToList(), diagnostics);
    }

    [Fact]
    public void A_lone_surrogate_escape_in_json_lines_becomes_U_FFFD_and_the_run_goes_on()
    {
        string jsonl = """
            {"title":"A","abstract":"x."}
            {"title":"B \ud800 lone \udc00 too","abstract":"y \ud83d\ude00."}
            {"title":"C","abstract":"z."}

            """;

        var (papers, diagnostics) = Read(FeedInput.FromBytes(Encoding.UTF8.GetBytes(jsonl), "joined.jsonl"));

        papers.Select(p => p.Title).Should().Equal("A", "B \uFFFD lone \uFFFD too", "C");
        papers[1].Abstract.Should().Be("y 😀.", "a valid pair is kept");
        diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void A_lone_surrogate_in_an_api_item_becomes_U_FFFD_without_a_false_nesting_warning()
    {
        string jsonl = GoodApi1 + "\n" + """{"paper":{"id":"2508.00004","title":"Sur \ud800 x","summary":"S."}}""" + "\n" + GoodApi2 + "\n";

        var (papers, diagnostics) = Read(FeedInput.FromBytes(Encoding.UTF8.GetBytes(jsonl), "api.jsonl"));

        papers.Select(p => p.Title).Should().Equal("Good one", "Sur \uFFFD x", "Good two");
        diagnostics.Should().BeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Json_lines_files_that_each_start_with_a_bom_joined_with_cat_read_whole(bool api)
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        string first = api ? GoodApi1 + "\n" : "{\"title\":\"A\",\"abstract\":\"x.\"}\n";
        string second = api ? GoodApi2 + "\n" : "{\"title\":\"B\",\"abstract\":\"y.\"}\n";
        string a = _folder.File("a.jsonl"), b = _folder.File("b.jsonl"), joined = _folder.File("joined.jsonl");
        File.WriteAllBytes(a, [.. bom, .. Encoding.UTF8.GetBytes(first)]);
        File.WriteAllBytes(b, [.. bom, .. Encoding.UTF8.GetBytes(second)]);
        Bash($"cat '{a}' '{b}' > '{joined}'");

        var (papers, diagnostics) = Read(FeedInput.FromFile(joined));

        papers.Select(p => p.Title).Should().Equal(api ? ["Good one", "Good two"] : ["A", "B"]);
        diagnostics.Should().BeEmpty();
    }

    [Fact]
    public async Task A_listing_padded_with_nul_bytes_keeps_its_papers_with_one_warning()
    {
        string padded = _folder.File("crashed.txt");
        var original = await File.ReadAllBytesAsync(TestData.Corpus001);
        await File.WriteAllBytesAsync(padded, [.. original, .. new byte[5000]]);
        var expected = FeedReader.Default.ReadPapers(FeedInput.FromFile(TestData.Corpus001)).ToList();

        var (papers, diagnostics) = Read(FeedInput.FromFile(padded));
        var run = await PaperfeedProcess.RunAsync("stats", padded);

        papers.Should().HaveCount(53).And.Equal(expected);
        var warning = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Should().ContainSingle().Subject;
        (warning.Code, warning.Line).Should().Be((DiagnosticCodes.NulPadding, 423));
        warning.Message.Should().Contain("5,000 NUL bytes");
        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("\"papers\": 53");
    }

    [Fact]
    public void Nul_bytes_followed_by_text_are_still_not_text()
    {
        byte[] bytes = [.. "Daily Papers\n\nT\n\nA.\n"u8, 0, 0, 0, .. "x\n"u8];

        var act = () => Read(FeedInput.FromBytes(bytes));

        act.Should().Throw<FeedFormatException>().Which.Diagnostic.Code.Should().Be(DiagnosticCodes.NotText);
    }

    [Fact]
    public void A_listing_cut_inside_a_character_adds_no_paper_titled_U_FFFD()
    {
        var original = File.ReadAllBytes(TestData.Corpus001);
        int bullet = original.AsSpan().IndexOf("•"u8) + 1; // the first byte of the first bullet only
        byte[] cut = original[..bullet];
        var expected = Read(FeedInput.FromBytes(original[..(bullet - 1)])).Papers;

        var (papers, diagnostics) = Read(FeedInput.FromBytes(cut, "cut.txt"));

        papers.Should().Equal(expected);
        papers.Should().NotContain(p => p.Title.Contains('\uFFFD'));
        diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.InvalidUtf8).Which.Message.Should().Contain("ends inside a UTF-8 character");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void One_api_item_nested_20000_deep_loses_only_itself(bool document)
    {
        string deep = """{"paper":{"id":"2508.00003","title":"Deep","x":""" + new string('[', 20_000) + new string(']', 20_000) + "}}";
        string json = document ? $"[{GoodApi1},{deep},{GoodApi2}]" : $"{GoodApi1}\n{deep}\n{GoodApi2}\n";

        var (papers, diagnostics) = Read(FeedInput.FromBytes(Encoding.UTF8.GetBytes(json), "deep.json"));

        papers.Select(p => p.Title).Should().Equal("Good one", "Good two");
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.UnexpectedJsonValue);
    }

    [Fact]
    public void Api_fields_of_the_wrong_type_each_give_a_warning_naming_the_field()
    {
        string typed = """{"paper":{"id":"2508.00005","title":123,"summary":["a","b"],"authors":{"name":"X"}}}""";

        var (papers, diagnostics) = Read(FeedInput.FromBytes(Encoding.UTF8.GetBytes($"{GoodApi1}\n{typed}\n{GoodApi2}\n"), "typed.jsonl"));

        papers.Should().HaveCount(3);
        (papers[1].Title, papers[1].Abstract, papers[1].AuthorCount).Should().Be(("123", null, null));
        diagnostics.Should().OnlyContain(d => d.Code == DiagnosticCodes.MistypedField && d.Line == 2);
        diagnostics.Select(d => d.Message).Should().Equal(
            "the field paper.title of the item at $ is a number, not a string; read as its text",
            "the field paper.summary of the item at $ is an array, not a string; read as missing",
            "the field paper.authors of the item at $ is an object, not an array; read as missing");
    }

    [Fact]
    public async Task Dev_zero_is_refused_at_once()
    {
        var stopwatch = Stopwatch.StartNew();
        var run = await PaperfeedProcess.RunAsync("parse", "/dev/zero");

        run.ExitCode.Should().Be(1);
        run.StderrLines.Should().ContainSingle().Which.Should().Be("/dev/zero:1:1: error PF901: the input is not text: it contains a NUL character");
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_listing_followed_by_a_gigabyte_of_nul_bytes_is_refused_in_bounded_time()
    {
        string flooded = _folder.File("flooded.txt");
        await using (var file = File.Create(flooded))
        {
            await file.WriteAsync(await File.ReadAllBytesAsync(TestData.Corpus001));
            file.SetLength(1L << 30); // sparse: a gigabyte of NUL bytes that costs no disk
        }
        var stopwatch = Stopwatch.StartNew();

        var run = await PaperfeedProcess.RunAsync("parse", "--quiet", flooded);

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().ContainSingle().Which.Should().EndWith("error PF901: the input is not text: more than 16 MiB of NUL bytes from here");
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "16 MiB are read, not the gigabyte");
    }

    private static void Bash(string script)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", script]) { UseShellExecute = false })!;
        process.WaitForExit();
        process.ExitCode.Should().Be(0);
    }
}
