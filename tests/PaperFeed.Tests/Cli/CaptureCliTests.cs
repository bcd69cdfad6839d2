using System.Text.Json;
using System.Text.RegularExpressions;
using PaperFeed.Cli;
using PaperFeed.Tests.Faults;
using PaperFeed.Tests.Text.Captures;

namespace PaperFeed.Tests.Cli;

/// <summary>
/// The <c>paperfeed</c> program on text captures and on text that is no listing, run as a separate process; its
/// JSON Lines are read with System.Text.Json's document reader, not PaperFeed's.
/// </summary>
public sealed class CaptureCliTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static string Real(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", "captures", name);

    [Theory]
    [InlineData("inline-links-search-source-citations.txt")]
    [InlineData("clipper-export-search-intercode-bash.txt")]
    public async Task Parse_reads_a_capture_into_the_papers_its_source_lists(string name)
    {
        var expected = SourceCards(name);
        expected.Should().HaveCountGreaterThan(5);

        var run = await PaperfeedProcess.RunAsync("parse", "--format", "jsonl", Real(name));

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        run.Stderr.Should().BeEmpty();
        var papers = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        papers.Select(p => (p.GetProperty("title").GetString()!, p.GetProperty("arxivId").GetString()!, p.TryGetProperty("upvotes", out var u) ? u.GetInt32() : (int?)null))
            .Should().Equal(expected);
        papers.Should().OnlyContain(p => p.GetProperty("url").GetString() == "https://huggingface.co/papers/" + p.GetProperty("arxivId").GetString());
    }

    /// <summary>
    /// Each card of a capture as its source shows it, read with regular expressions here (not PaperFeed): the title, the
    /// arXiv id of its link, and the upvote count (<c>-</c> when the card shows none). Markdown's hard line break inside a
    /// title (<c>\</c> then spaces) is one space.
    /// </summary>
    private static List<(string Title, string Id, int? Upvotes)> SourceCards(string name)
    {
        string text = File.ReadAllText(Real(name)).ReplaceLineEndings("\n");
        // Inline links: "[101](…login?next=%2Fpapers%2FID)", a blank line, "### [TITLE](https://huggingface.co/papers/ID)".
        // Clipper export: " [-] 101", the login link, the title line, its papers link, each after a blank line.
        var pattern = name.StartsWith("inline", StringComparison.Ordinal)
            ? new Regex(@"^\[(?<up>\d+|-)\]\(https://huggingface\.co/login\?next=%2Fpapers%2F(?<id>[^)]+)\)\n\n### \[(?<title>.+)\]\(https://huggingface\.co/papers/\k<id>\)$", RegexOptions.Multiline)
            : new Regex(@"^ \[-\] (?<up>\d+|-)\n\nhttps://huggingface\.co/login\?next=%2Fpapers%2F(?<id>\S+)\n\n(?<title>.+)\n\nhttps://huggingface\.co/papers/\k<id>$", RegexOptions.Multiline);
        return pattern.Matches(text).Select(m => (
            Regex.Replace(m.Groups["title"].Value, @"\\\s+", " "),
            m.Groups["id"].Value,
            m.Groups["up"].Value == "-" ? (int?)null : int.Parse(m.Groups["up"].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    [Fact]
    public async Task Stats_and_parse_agree_on_a_capture_and_warn_with_file_and_line()
    {
        var stats = await PaperfeedProcess.RunAsync("stats", Real("reference-links-search-long-context-asr.txt"));
        var parse = await PaperfeedProcess.RunAsync("parse", "--format", "jsonl", Real("reference-links-search-long-context-asr.txt"));

        stats.ExitCode.Should().Be(ExitCodes.Success, stats.Stderr);
        JsonDocument.Parse(stats.Stdout).RootElement.GetProperty("papers").GetInt32().Should().Be(34);
        parse.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(34);
        parse.StderrLines.Should().ContainSingle().Which.Should().Contain("reference-links-search-long-context-asr.txt:939").And.Contain("PF201");
    }

    [Theory]
    [MemberData(nameof(NotAListingTests.NotListings), MemberType = typeof(NotAListingTests))]
    public async Task Text_that_is_no_listing_exits_1_with_one_line_and_no_output(string kind)
    {
        var path = _folder.File("input." + kind);
        await File.WriteAllBytesAsync(path, NotAListingTests.Input(kind));

        var run = await PaperfeedProcess.RunAsync("parse", path);
        var stats = await PaperfeedProcess.RunAsync("stats", path);

        foreach (var result in new[] { run, stats })
        {
            result.ExitCode.Should().Be(ExitCodes.InputError);
            result.Stdout.Should().BeEmpty();
            result.StderrLines.Should().ContainSingle().Which.Should().Contain("not a Daily Papers listing").And.Contain(DiagnosticCodes.NotAListing)
                .And.Contain(path + ":1");
        }
    }

    [Fact]
    public async Task Input_format_text_reads_it_leniently()
    {
        var path = _folder.File("README.md");
        await File.WriteAllBytesAsync(path, NotAListingTests.Input("readme"));

        var run = await PaperfeedProcess.RunAsync("parse", "--quiet", "--input-format", "text", "--format", "jsonl", path);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Stderr);
        // Leniently: the file's text becomes titles and abstracts, in file order (compared with whitespace folded); nothing
        // invented. Markup (a heading, a bullet, a link line, a tag) is never a title: skipped, with a warning each.
        string folded = Regex.Replace(File.ReadAllText(path), @"\s+", " ").Trim();
        var papers = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        papers.Should().NotBeEmpty();
        var markup = new Regex(@"^(#{1,6} |[-*+] |!\[|\[\[|\[.*\]\(|<.*>$|\|.*\|$)");
        papers[0].GetProperty("title").GetString().Should().Be(File.ReadAllLines(path).Select(l => l.Trim()).First(l => l.Length > 0 && !markup.IsMatch(l)));
        papers.Should().NotContain(p => markup.IsMatch(p.GetProperty("title").GetString()!));
        int at = 0;
        foreach (var paper in papers)
        {
            string title = Regex.Replace(paper.GetProperty("title").GetString()!, @"\s+", " ");
            int found = folded.IndexOf(title, at, StringComparison.Ordinal);
            found.Should().BeGreaterThanOrEqualTo(0, $"'{title}' is text of the file, after the previous paper's");
            at = found + title.Length;
        }
    }

    [Fact]
    public async Task Input_format_names_the_capture_kinds()
    {
        var markdown = await CliRun.InvokeAsync("stats", "--input-format", "markdown", Real("inline-links-search-source-citations.txt"));
        var clipper = await CliRun.InvokeAsync("stats", "--input-format", "clipper", Real("clipper-export-search-intercode-bash.txt"));

        markdown.ExitCode.Should().Be(ExitCodes.Success, markdown.Stderr);
        JsonDocument.Parse(markdown.Stdout).RootElement.GetProperty("papers").GetInt32().Should().Be(8);
        JsonDocument.Parse(clipper.Stdout).RootElement.GetProperty("papers").GetInt32().Should().Be(9);
    }

    public void Dispose() => _folder.Dispose();
}
