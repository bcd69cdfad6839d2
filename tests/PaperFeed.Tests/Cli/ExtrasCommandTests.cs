using System.Text.RegularExpressions;
using System.ServiceModel.Syndication;
using System.Xml;
using PaperFeed.Export;
using PaperFeed.Tests.Generators;

namespace PaperFeed.Tests.Cli;

/// <summary>The CLI bindings of issue 9: filters and exports on parse, merge, diff.</summary>
public sealed class ExtrasCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Parse_filters_sorts_and_exports_rss()
    {
        var run = await PaperfeedRun.InvokeAsync("parse", TestData.Corpus001, "--reference-date", "2025-12-31",
            "--min-upvotes", "1", "--sort", "upvotes", "--top", "3", "--format", "rss");

        run.ExitCode.Should().Be(0, run.Stderr);
        var feed = SyndicationFeed.Load(XmlReader.Create(new StringReader(run.Stdout)));
        var expected = new PaperFilter { MinUpvotes = 1, SortBy = PaperSortKey.Upvotes, Top = 3 }
            .Apply(FeedParser.Parse(File.ReadAllText(TestData.Corpus001), new FeedParserOptions { ReferenceDate = new DateOnly(2025, 12, 31) }).Single().Papers)
            .Select(p => p.Title).ToList();
        expected.Should().HaveCount(3);
        feed.Items.Select(i => i.Title.Text).Should().Equal(expected);
        feed.Items.Should().OnlyContain(i => i.PublishDate == new DateTimeOffset(2025, 12, 30, 0, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("rss", "2025-09-01", "2025-09-01T00:00:00Z")]
    [InlineData("atom", "2025-09-01T06:30:00+02:00", "2025-09-01T04:30:00Z")]
    public async Task Updated_sets_the_feeds_own_date_from_standard_input_too(string format, string updated, string expected)
    {
        // Standard input is read once: without --updated the papers are parked in a temporary file to learn the date.
        var run = await CliRun.WithStdinAsync(await File.ReadAllBytesAsync(TestData.Corpus001), "parse", "-", "--reference-date", "2025-12-31",
            "--format", format, "--updated", updated);

        run.ExitCode.Should().Be(0, run.Stderr);
        var feed = SyndicationFeed.Load(XmlReader.Create(new StringReader(run.Stdout)));
        feed.LastUpdatedTime.Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        feed.Items.Should().HaveCount(53);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025-13-01")]
    [InlineData("25-09-01")]
    public async Task Updated_refuses_what_is_not_a_date(string updated)
    {
        var run = await PaperfeedRun.InvokeAsync("parse", TestData.Corpus001, "--format", "rss", "--updated", updated);

        run.ExitCode.Should().NotBe(0);
        run.Stderr.Should().Contain("--updated").And.Contain(updated);
    }

    [Fact]
    public async Task Parse_match_keeps_feeds_in_the_json_document()
    {
        var run = await PaperfeedRun.InvokeAsync("parse", TestData.Corpus000, TestData.Corpus001, "--match", "\\bagents?\\b");

        run.ExitCode.Should().Be(0, run.Stderr);
        var feeds = System.Text.Json.JsonSerializer.Deserialize(run.Stdout, PaperFeedJsonContext.Default.ListFeed)!;
        feeds.Should().HaveCount(2);
        feeds.SelectMany(f => f.Papers).Should().NotBeEmpty()
            .And.OnlyContain(p => Regex.IsMatch(p.Title + "\n" + p.Abstract, @"\bagents?\b", RegexOptions.IgnoreCase));
        feeds.SelectMany(f => f.Papers).Count().Should().BeLessThan(95);
    }

    [Theory]
    [InlineData("--match", "(unclosed", "--match")]
    [InlineData("--sort", "votes", "--sort")]
    [InlineData("--top", "-1", "--top")]
    [InlineData("--format", "xml", "--format")]
    public async Task Bad_filter_options_are_usage_errors_naming_the_option(string option, string value, string named)
    {
        var run = await PaperfeedRun.InvokeAsync("parse", TestData.Corpus000, option, value);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain(named);
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Has_code_and_organization_filter_json_lines_input()
    {
        string path = _temp.File("api.jsonl");
        Paper P(string title, string? repo, string? org) => new()
        {
            Title = title,
            Details = new PaperDetails { GithubRepo = repo, Organization = org is null ? null : new Organization(org, org.ToUpperInvariant()) },
        };
        File.WriteAllLines(path, new[] { P("A", "https://github.com/a/a", "google"), P("B", null, "google"), P("C", "https://github.com/c/c", "meta") }
            .Select(p => System.Text.Json.JsonSerializer.Serialize(p, PaperFeedJsonContext.Default.Paper)));

        var run = await PaperfeedRun.InvokeAsync("parse", path, "--has-code", "--organization", "GOOGLE", "--format", "jsonl");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonSerializer.Deserialize(l, PaperFeedJsonContext.Default.Paper)!.Title)
            .Should().Equal("A");
    }

    [Fact]
    public async Task A_pattern_that_backtracks_forever_is_stopped_with_a_usage_error()
    {
        TextSave.Write(_temp.File("a.txt"), "Sep 15", new SavedPaper(new string('a', 40) + "!", "x"));

        var run = await PaperfeedRun.InvokeAsync("parse", _temp.File("a.txt"), "--match", "^(a+)+$", "--format", "jsonl");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--match: '^(a+)+$' took longer than 1 s");
    }

    [Fact]
    public async Task Merge_counts_the_corpus_papers_once()
    {
        var run = await PaperfeedRun.InvokeAsync("merge", TestData.Corpus000, TestData.Corpus001, "--format", "jsonl");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(95);
    }

    [Fact]
    public async Task Diff_exits_0_with_and_without_changes()
    {
        var same = await PaperfeedRun.InvokeAsync("diff", TestData.Corpus001, TestData.Corpus001);
        var changed = await PaperfeedRun.InvokeAsync("diff", TestData.Corpus000, TestData.Corpus001, "--format", "table");

        same.ExitCode.Should().Be(0);
        same.Stdout.Should().BeEmpty();
        changed.ExitCode.Should().Be(0, changed.Stderr);
        // 78 + 53 papers, 36 in both: 17 added, 42 removed; the 36 shared differ in their featured day.
        changed.Stdout.Should().EndWith("17 added, 36 changed, 42 removed\n");
    }

    [Fact]
    public async Task Diff_warns_about_a_half_published_day()
    {
        var papers = Enumerable.Range(1, 10).Select(i => new SavedPaper($"Paper {i}", $"Abstract {i}.")).ToArray();
        TextSave.Write(_temp.File("full.txt"), "Sep 15", papers);
        TextSave.Write(_temp.File("half.txt"), "Sep 15", papers[..3]);

        var run = await PaperfeedRun.InvokeAsync("diff", _temp.File("full.txt"), _temp.File("half.txt"));

        run.ExitCode.Should().Be(0);
        run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(7).And.OnlyContain(l => l.StartsWith("{\"change\":\"removed\""));
        run.Stderr.Should().Contain("half.txt: warning PF302: NEW has 3 papers featured on --09-15, OLD has 10", "a diff diagnostic has no place in an input");
    }

    [Fact]
    public async Task Diff_warns_when_the_new_capture_of_the_day_has_no_papers_yet()
    {
        TextSave.Write(_temp.File("full.txt"), "Sep 15", new SavedPaper("A", "A."), new SavedPaper("B", "B."));
        TextSave.Write(_temp.File("empty.txt"), "Sep 15");

        var run = await PaperfeedRun.InvokeAsync("diff", _temp.File("full.txt"), _temp.File("empty.txt"));

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().Contain("warning PF302: NEW has 0 papers featured on --09-15, OLD has 2");
    }

    [Theory]
    [InlineData("rss")]
    [InlineData("atom")]
    [InlineData("jsonfeed")]
    [InlineData("csv")]
    [InlineData("markdown")]
    public async Task A_listing_with_no_papers_exports_a_valid_empty_document(string format)
    {
        // A header-only text save and an API page with "dailyPapers": [] (a weekend day).
        File.WriteAllText(_temp.File("weekend.txt"), TextSave.Render("Sep 13", []));
        File.WriteAllText(_temp.File("weekend.json"), """{"dateString":"2025-09-13","periodType":"day","dailyPapers":[]}""");

        foreach (string path in new[] { _temp.File("weekend.txt"), _temp.File("weekend.json") })
        {
            var run = await PaperfeedRun.InvokeAsync("parse", path, "--format", format);

            run.ExitCode.Should().Be(0, run.Stderr);
            run.Stdout.Should().Be(FeedExporter.WriteToString([], Enum.Parse<ExportFormat>(format, ignoreCase: true)));
            if (format is "rss" or "atom") SyndicationFeed.Load(XmlReader.Create(new StringReader(run.Stdout))).Items.Should().BeEmpty();
        }
    }
}
