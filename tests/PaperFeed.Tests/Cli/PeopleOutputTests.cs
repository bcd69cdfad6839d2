using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PaperFeed.Cli;

namespace PaperFeed.Tests.Cli;

/// <summary>
/// <c>stats</c> and <c>diff</c> talk to people on a terminal and JSON to scripts; info diagnostics are counted, shown
/// only with <c>-v</c>; colour only on terminals, <c>NO_COLOR</c> honoured. Expected numbers come from the source
/// files (sizes, line counts, the metadata lines), not from PaperFeed.
/// </summary>
public sealed partial class PeopleOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static readonly string[] Corpus = [TestData.Corpus000, TestData.Corpus001];

    /// <summary>The browser copies hold 78 and 53 paper cards; only the second has metadata lines ("·", one per card).</summary>
    private const int CorpusPapers = 78 + 53;

    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public async Task Stats_on_a_terminal_prints_an_aligned_summary_whose_numbers_match_the_files()
    {
        var run = await RunAsync(NoEnvironment, terminal: true, ["stats", .. Corpus]);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        run.Stdout.Should().NotContain("{");
        var summary = Summary(run.Stdout);
        summary.Keys.Should().Equal("inputs", "feeds", "papers", "with metadata", "lines", "bytes", "warnings", "infos", "time");
        summary["inputs"].Should().Be("2");
        summary["feeds"].Should().Be("2", "each browser copy is one day's page");
        Number(summary["papers"]).Should().Be(CorpusPapers);
        Number(summary["with metadata"]).Should().Be(Corpus.Sum(MetadataLines));
        Number(summary["lines"]).Should().Be(Corpus.Sum(f => File.ReadAllLines(f).Length));
        Number(summary["bytes"].Split("  ")[0]).Should().Be(Corpus.Sum(f => new FileInfo(f).Length));
        summary["bytes"].Should().EndWith($"({(Corpus.Sum(f => new FileInfo(f).Length) / 1024.0).ToString("0.#", CultureInfo.InvariantCulture)} KiB)");
        summary["warnings"].Should().Be("0");
        summary["time"].Should().MatchRegex(@"^\d+\.\d+ s$");
        // Aligned: every value ends in the same column.
        StripAnsi(run.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Regex.Replace(l, "  \\(.*\\)$", "").Length).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task Stats_piped_or_with_json_prints_todays_json_object_with_the_same_numbers()
    {
        var piped = await RunAsync(NoEnvironment, terminal: false, ["stats", .. Corpus]);
        var json = await RunAsync(NoEnvironment, terminal: true, ["stats", "--json", .. Corpus]);
        var people = Summary((await RunAsync(NoEnvironment, terminal: true, ["stats", .. Corpus])).Stdout);

        json.Stdout.Should().Be(piped.Stdout);
        var root = JsonDocument.Parse(piped.Stdout).RootElement;
        // The shape scripts rely on: these keys, in this order, all numbers.
        root.EnumerateObject().Select(p => p.Name).Should().Equal("files", "feeds", "papers", "withMetadata", "warnings", "infos", "lines", "bytes");
        root.GetProperty("papers").GetInt64().Should().Be(CorpusPapers);
        root.GetProperty("withMetadata").GetInt64().Should().Be(Corpus.Sum(MetadataLines));
        root.GetProperty("lines").GetInt64().Should().Be(Corpus.Sum(f => File.ReadAllLines(f).Length));
        root.GetProperty("bytes").GetInt64().Should().Be(Corpus.Sum(f => new FileInfo(f).Length));
        Number(people["infos"].Split("  ")[0]).Should().Be(root.GetProperty("infos").GetInt64());
        piped.Stdout.Should().EndWith("}\n");
    }

    [Fact]
    public async Task Info_diagnostics_are_counted_not_printed_unless_verbose()
    {
        var quietByDefault = await RunAsync(NoEnvironment, terminal: false, ["stats", TestData.Corpus000]);
        var verbose = await RunAsync(NoEnvironment, terminal: false, ["stats", "-v", TestData.Corpus000]);
        var summary = await RunAsync(NoEnvironment, terminal: true, ["stats", TestData.Corpus000]);

        long infos = JsonDocument.Parse(quietByDefault.Stdout).RootElement.GetProperty("infos").GetInt64();
        infos.Should().BePositive("the Aug 28 copy repeats sentences in an abstract, collapsed with an info");
        quietByDefault.Stderr.Should().BeEmpty();
        verbose.StderrLines.Should().HaveCount((int)infos).And.OnlyContain(l => l.StartsWith(TestData.Corpus000 + ":", StringComparison.Ordinal) && l.Contains(": info PF"));
        Summary(summary.Stdout)["infos"].Should().Be($"{infos}  (-v shows them)");
    }

    [Fact]
    public async Task Quiet_and_verbose_together_are_a_usage_error()
    {
        var run = await RunAsync(NoEnvironment, terminal: false, ["stats", "-q", "-v", TestData.Corpus000]);

        run.ExitCode.Should().Be(ExitCodes.UsageError);
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().ContainSingle().Which.Should().Contain("--quiet and --verbose");
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("1", null, false)]
    [InlineData("", null, true)]
    [InlineData("1", "always", true)]
    [InlineData(null, "never", false)]
    public async Task Colour_only_on_terminals_and_NO_COLOR_honoured(string? noColor, string? color, bool coloured)
    {
        var environment = new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["TERM"] = "xterm-256color" };
        string[] colorArgs = color is null ? [] : ["--color", color];
        var terminal = await RunAsync(environment, terminal: true, ["stats", "-v", .. colorArgs, TestData.Corpus000]);

        terminal.Stdout.Contains("\e[1mpapers\e[0m", StringComparison.Ordinal).Should().Be(coloured);
        terminal.Stderr.Contains(": \e[1;36minfo\e[0m PF", StringComparison.Ordinal).Should().Be(coloured);
        var never = await RunAsync(environment, terminal: true, ["stats", "-v", "--color", "never", TestData.Corpus000]);
        WithoutTime(StripAnsi(terminal.Stdout)).Should().Be(WithoutTime(never.Stdout), "colour changes no word or space");
        StripAnsi(terminal.Stderr).Should().Be(never.Stderr);
        if (color != "always")
        {
            var piped = await RunAsync(environment, terminal: false, ["stats", "-v", .. colorArgs, TestData.Corpus000]);
            (piped.Stdout + piped.Stderr).Should().NotContain("\e[");
        }
    }

    [Fact]
    public async Task A_bad_color_value_is_a_usage_error_naming_the_choices()
    {
        var run = await RunAsync(NoEnvironment, terminal: false, ["stats", "--color", "sometimes", TestData.Corpus000]);

        run.ExitCode.Should().Be(ExitCodes.UsageError);
        run.StderrLines.Should().ContainSingle().Which.Should().Contain("--color: 'sometimes' is not one of auto, always, never");
    }

    [Fact]
    public async Task Diff_on_a_terminal_reports_added_removed_and_changed_papers_with_their_fields()
    {
        var (old, @new) = EditedCopies();

        var people = await RunAsync(NoEnvironment, terminal: true, ["diff", old, @new]);
        var reverse = await RunAsync(NoEnvironment, terminal: true, ["diff", @new, old]);

        people.ExitCode.Should().Be(ExitCodes.Success, people.Stderr);
        people.Stdout.Should().Contain("\e[1;33mChanged (1)\e[0m").And.Contain("\e[1;31mRemoved (1)\e[0m");
        StripAnsi(people.Stdout).Should().Be(
            $"{old} -> {@new}: 0 added, 1 changed, 1 removed\n" +
            "\n" +
            "Changed (1)\n" +
            $"  {DinoTitle}\n" +
            "      authorCount: 8 -> 9\n" +
            "\n" +
            "Removed (1)\n" +
            $"  {AgentNetTitle}\n");
        StripAnsi(reverse.Stdout).Should().Be(
            $"{@new} -> {old}: 1 added, 1 changed, 0 removed\n" +
            "\n" +
            "Added (1)\n" +
            $"  {AgentNetTitle}\n" +
            "\n" +
            "Changed (1)\n" +
            $"  {DinoTitle}\n" +
            "      authorCount: 9 -> 8\n");
        StripAnsi((await RunAsync(NoEnvironment, terminal: true, ["diff", old, old])).Stdout).Should().Be($"{old} -> {old}: no changes (the same papers with the same fields)\n");
    }

    [Fact]
    public async Task Diff_piped_or_with_json_prints_todays_json_lines()
    {
        var (old, @new) = EditedCopies();

        var piped = await RunAsync(NoEnvironment, terminal: false, ["diff", old, @new]);
        var json = await RunAsync(NoEnvironment, terminal: true, ["diff", "--json", old, @new]);
        var table = await RunAsync(NoEnvironment, terminal: true, ["diff", "--format", "table", old, @new]);
        var both = await RunAsync(NoEnvironment, terminal: true, ["diff", "--json", "--format", "table", old, @new]);

        json.Stdout.Should().Be(piped.Stdout);
        piped.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $$$$"""{"change":"changed","title":"{{{{DinoTitle}}}}","changes":{"authorCount":{"old":8,"new":9}}}""",
            $$"""{"change":"removed","title":"{{AgentNetTitle}}"}""");
        table.Stdout.Should().StartWith("changed  " + DinoTitle + "\n");
        both.ExitCode.Should().Be(ExitCodes.UsageError);
    }

    [SkippableFact]
    public async Task Stats_in_a_real_pseudo_terminal_prints_the_summary_and_piped_from_it_json()
    {
        Skip.IfNot(File.Exists("/usr/bin/script"), "util-linux script(1) is needed to run paperfeed in a pseudo-terminal");
        string command = $"'{PaperFeed.Tests.Faults.PaperfeedProcess.Executable}' stats '{Corpus[0]}' '{Corpus[1]}'";

        string terminal = await ScriptAsync(command, noColor: false);
        string piped = await ScriptAsync(command + " | cat", noColor: false);
        string plain = await ScriptAsync(command, noColor: true);

        terminal.Should().Contain("\e[1mpapers\e[0m", "a terminal with NO_COLOR unset gets colour");
        var summary = Summary(terminal);
        Number(summary["papers"]).Should().Be(CorpusPapers);
        Number(summary["with metadata"]).Should().Be(Corpus.Sum(MetadataLines));
        Number(summary["lines"]).Should().Be(Corpus.Sum(f => File.ReadAllLines(f).Length));
        Number(summary["bytes"].Split("  ")[0]).Should().Be(Corpus.Sum(f => new FileInfo(f).Length));
        plain.Should().NotContain("\e[1m");
        Summary(plain)["papers"].Should().Be(summary["papers"]);
        // Standard output a pipe (stderr still the terminal): the JSON scripts read, uncoloured.
        var json = JsonDocument.Parse(piped[piped.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
        json.GetProperty("papers").GetInt64().Should().Be(CorpusPapers);
        piped.Should().NotContain("\e[1m");
    }

    /// <summary>Runs <paramref name="command"/> under util-linux script(1): a real pseudo-terminal on stdin, stdout and stderr.</summary>
    private static async Task<string> ScriptAsync(string command, bool noColor)
    {
        var start = new ProcessStartInfo("/usr/bin/script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (string arg in new[] { "-qec", command, "/dev/null" }) start.ArgumentList.Add(arg);
        start.Environment["TERM"] = "xterm";
        if (noColor) start.Environment["NO_COLOR"] = "1";
        else start.Environment.Remove("NO_COLOR");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(PaperFeed.Tests.Faults.PaperfeedProcess.Timeout);
        // script's own stderr: only its failures (paperfeed's stderr goes to the terminal, into the output).
        string scriptError = await process.StandardError.ReadToEndAsync();
        Skip.If(process.ExitCode != 0 && scriptError.Contains("pseudo", StringComparison.OrdinalIgnoreCase),
            $"no pseudo-terminal can be made here ({scriptError.Trim()}); the in-process tests still check the terminal form");
        process.ExitCode.Should().Be(0, scriptError + await output);
        // The terminal turns \n into \r\n; the runtime may set keypad modes (ESC[?1h ESC=) when it finds a terminal.
        return Regex.Replace((await output).Replace("\r\n", "\n"), @"\e\[\?1[hl]|\e[=>]", "");
    }

    private const string AgentNetTitle = "AgentNet: Decentralized Evolutionary Coordination for LLM-based Multi-Agent Systems";
    private const string DinoTitle = "Dynamic-DINO: Fine-Grained Mixture of Experts Tuning for Real-time Open-Vocabulary Object Detection";

    /// <summary>
    /// OLD: the Dec 30 browser copy. NEW: the same with AgentNet's card cut out and Dynamic-DINO's "8 authors" made
    /// "9 authors": one paper removed, one changed in its author count.
    /// </summary>
    private (string Old, string New) EditedCopies()
    {
        string text = File.ReadAllText(TestData.Corpus001);
        int agentNet = text.IndexOf(AgentNetTitle + "\n", StringComparison.Ordinal);
        int dino = text.IndexOf(DinoTitle + "\n", StringComparison.Ordinal);
        agentNet.Should().BePositive();
        dino.Should().BeGreaterThan(agentNet);
        int authors = text.IndexOf("• 8 authors\n", dino, StringComparison.Ordinal);
        string edited = string.Concat(text.AsSpan(0, agentNet), text.AsSpan(dino, authors - dino), "• 9 authors\n", text.AsSpan(authors + "• 8 authors\n".Length));
        string old = _folder.File("old.txt"), @new = _folder.File("new.txt");
        File.Copy(TestData.Corpus001, old);
        File.WriteAllText(@new, edited, new UTF8Encoding(false));
        return (old, @new);
    }

    private static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> environment, bool terminal, string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var context = new CliContext(new MemoryStream(), output, error, StderrIsTerminal: terminal)
        {
            StdoutIsTerminal = terminal,
            GetEnvironmentVariable = name => environment.GetValueOrDefault(name),
        };
        int exitCode = await PaperFeed.Cli.Cli.InvokeAsync(args, context, CancellationToken.None);
        return new CliRun(exitCode, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    /// <summary>The summary's label/value lines: two or more spaces end the label.</summary>
    private static Dictionary<string, string> Summary(string text) => StripAnsi(text).Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => SummaryLine().Match(line)).Where(m => m.Success)
        .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    private static string WithoutTime(string summary) => Regex.Replace(summary, @"^time .*\n", "", RegexOptions.Multiline);

    private static long Number(string text) => long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    /// <summary>A card with metadata has one line holding only "·" (between its author count and its dates).</summary>
    private static int MetadataLines(string path) => File.ReadAllLines(path).Count(l => l == "·");

    private static string StripAnsi(string text) => AnsiPattern().Replace(text, "");

    [GeneratedRegex(@"^([a-z]+(?: [a-z]+)?)  +(\S.*)$")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"\e\[[0-9;]*m")]
    private static partial Regex AnsiPattern();

    public void Dispose() => _folder.Dispose();
}
