using System.Text.Json;
using FluentAssertions.Execution;
using PaperFeed.Tests.Cli;

namespace PaperFeed.Tests.Real;

/// <summary>
/// Each kind of page the site serves, in the forms other people's tools saved it (Fixtures/Real/trending, paper,
/// bot-json): every card read field by field against the <c>cards</c> of the folder's <c>expected.json</c>, which a
/// Python script (in the folder's PROVENANCE.md) took from the source text with regular expressions, not from PaperFeed.
/// </summary>
public sealed class PageKindTests
{
    private static string Folder(string kind) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", kind);

    private static JsonElement Expected(string kind, string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(kind), "expected.json")));
        return document.RootElement.GetProperty("files").GetProperty(file).Clone();
    }

    private static async Task<(List<Feed> Feeds, List<FeedDiagnostic> Diagnostics)> ReadAsync(string kind, string file)
    {
        var diagnostics = new List<FeedDiagnostic>();
        var options = new FeedParserOptions { OnDiagnostic = diagnostics.Add };
        await using var stream = File.OpenRead(Path.Combine(Folder(kind), file));
        var feeds = await TestReaders.ReadFeedsAsync(stream, options: options).ToListAsync();
        return (feeds, diagnostics);
    }

    private static string? Str(JsonElement card, string name) =>
        card.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement card, string name) =>
        card.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    [Theory]
    [InlineData("markdown-unlinked-headings-trending.md")]
    [InlineData("markdown-linked-headings-trending.md")]
    public async Task A_trending_capture_gives_each_card_once_with_its_fields_and_the_trending_period(string file)
    {
        var expected = Expected("trending", file);
        var (feeds, _) = await ReadAsync("trending", file);

        feeds.Should().ContainSingle();
        var feed = feeds[0];
        feed.Period.Should().Be(FeedPeriod.Trending, "the page is the trending list");
        feed.Date.Should().BeNull("a trending list has no day");
        var cards = expected.GetProperty("cards").EnumerateArray().ToList();
        feed.Papers.Should().HaveCount(cards.Count, "every card is rendered twice and counts once");
        using var scope = new AssertionScope();
        for (int i = 0; i < cards.Count; i++)
        {
            var card = cards[i];
            var paper = feed.Papers[i];
            paper.Title.Should().Be(Str(card, "title"));
            paper.Abstract.Should().Be(Str(card, "abstract"), paper.Title);
            paper.AuthorCount.Should().Be(Int(card, "authorCount"), paper.Title);
            paper.ArxivId.Should().Be(Str(card, "arxivId"), paper.Title);
            paper.Upvotes.Should().Be(Int(card, "upvotes"), paper.Title);
            paper.Featured.Should().BeNull("no featured day is invented for a trending list");
            paper.Details?.GithubRepo.Should().Be(Str(card, "githubRepo"), paper.Title);
            paper.Details?.GithubStars.Should().Be(Int(card, "githubStars"), paper.Title);
            paper.Details?.Submitter.Should().Be(Str(card, "submitter"), paper.Title);
            paper.Details?.Organization?.FullName.Should().Be(Str(card, "organization"), paper.Title);
            paper.Details?.Organization?.Name.Should().Be(Str(card, "organizationName"), paper.Title);
            if (Str(card, "organization") is not null) paper.Details?.Organization.Should().NotBeNull(paper.Title);
            if (Str(card, "published") is string published) paper.Published.Should().Be(PaperDate.Parse(DateTime.Parse(published, System.Globalization.CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), paper.Title);
            paper.Details.Should().NotBeNull(paper.Title);
        }
    }

    [Fact]
    public async Task The_submitter_a_capture_shows_reaches_csv_and_parquet_as_outside_readers_see_them()
    {
        const string file = "markdown-linked-headings-trending.md";
        var cards = Expected("trending", file).GetProperty("cards").EnumerateArray().ToList();
        string path = Path.Combine(Folder("trending"), file);
        using var folder = new TempFolder();
        string csvPath = Path.Combine(folder.Path, "papers.csv"), parquetPath = Path.Combine(folder.Path, "papers.parquet");

        (await CliRun.InvokeAsync(["parse", path, "--format", "csv", "-o", csvPath])).ExitCode.Should().Be(0);
        (await CliRun.InvokeAsync(["parse", path, "--format", "parquet", "-o", parquetPath])).ExitCode.Should().Be(0);

        var fromCsv = new List<string?>();
        using (var csv = Sylvan.Data.Csv.CsvDataReader.Create(csvPath))
        {
            int column = csv.GetOrdinal("submitter");
            while (csv.Read()) fromCsv.Add(csv.IsDBNull(column) || csv.GetString(column).Length == 0 ? null : csv.GetString(column));
        }
        using var duck = new PaperFeed.Tests.Parquet.DuckDbSession();
        var fromParquet = duck.Rows($"SELECT submitter FROM read_parquet('{parquetPath}')").Select(r => (string?)r[0]).ToList();

        var expected = cards.Select(c => Str(c, "submitter")).ToList();
        expected.Should().Contain(s => s != null, "the capture shows 'Submitted by' on its cards");
        fromCsv.Should().Equal(expected);
        fromParquet.Should().Equal(expected);
    }

    [Fact]
    public async Task A_papers_own_page_gives_that_one_paper_with_authors_summary_abstract_votes_and_submitter()
    {
        var card = Expected("paper", "markdown-paper-2512.15603.md").GetProperty("cards")[0];
        var (feeds, diagnostics) = await ReadAsync("paper", "markdown-paper-2512.15603.md");

        var paper = feeds.Should().ContainSingle().Which.Papers.Should().ContainSingle().Which;
        paper.Title.Should().Be(Str(card, "title"));
        paper.ArxivId.Should().Be(Str(card, "arxivId"));
        paper.Upvotes.Should().Be(Int(card, "upvotes"));
        paper.Authors.Select(a => a.Name).Should().Equal(card.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        paper.AuthorCount.Should().Be(card.GetProperty("authors").GetArrayLength());
        paper.Abstract.Should().Be(Str(card, "abstract"), "the paragraph after 'AI-generated summary' is the abstract, its term links reduced to their text");
        paper.Details!.AiSummary.Should().Be(Str(card, "aiSummary"), "the page says the first paragraph is the AI summary");
        paper.Details.Submitter.Should().Be(Str(card, "submitter"));
        paper.Published.Should().Be(PaperDate.Parse("--12-17"), "'Published on Dec 17' has no year");
        paper.Featured.Should().BeNull();
        diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Should().BeEmpty();
    }

    [Theory]
    [InlineData("crawl4ai-2026-03-31.json")]
    [InlineData("crawl4ai-2026-08-14.json")]
    public async Task A_bots_json_is_refused_before_any_output_with_what_it_is(string file)
    {
        var keys = Expected("bot-json", file).GetProperty("keys").EnumerateArray().Select(k => k.GetString()!).ToList();
        string path = Path.Combine(Folder("bot-json"), file);

        var run = await CliRun.InvokeAsync(["parse", "--format", "json", path]);

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().BeEmpty("nothing reaches standard output before the input is recognised");
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle(run.Stderr);
        lines[0].Should().Contain("PF922").And.Contain("paper_url").And.Contain("stars").And.Contain("details");
        foreach (var key in keys) lines[0].Should().Contain(key);
        lines[0][lines[0].IndexOf("error ", StringComparison.Ordinal)..].Should().NotContain("PaperFeed.", "no message names a .NET type");
    }

    [Theory]
    [InlineData("<!doctype html><html><head><title>AI 论文速递</title></head><body><ul><li><a href=\"https://huggingface.co/papers/2508.00001\">A paper</a></li></ul></body></html>", "an HTML page that is not a Hugging Face papers page")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Hugging Face Daily Papers</title><link>https://huggingface.co/papers</link><item><title>A paper</title><link>https://huggingface.co/papers/2508.00001</link></item></channel></rss>", "an RSS feed")]
    [InlineData("<!DOCTYPE html><html><head><script>window.__DATA__={\"papers\":[{\"title\":\"A paper\",\"url\":\"https://huggingface.co/papers/2508.00001\"}]}</script></head><body><div id=\"app\"></div></body></html>", "an HTML page that is not a Hugging Face papers page")]
    public async Task Other_sites_pages_and_feeds_are_refused_with_what_they_are(string content, string said)
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "input");
        await File.WriteAllTextAsync(path, content);

        var run = await CliRun.InvokeAsync(["parse", "--format", "json", path]);
        var strict = await CliRun.InvokeAsync(["parse", "--strict", path]);

        run.ExitCode.Should().Be(1);
        strict.ExitCode.Should().Be(1);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().Contain(said).And.NotContain("PaperFeed.Html").And.NotContain("HtmlFeedFormat");
    }

    [Theory]
    [InlineData("<meta property=\"og:url\" content=\"https://huggingface.co/papers/2512.15603\">")]
    [InlineData("<link rel=\"canonical\" href=\"https://huggingface.co/papers/2512.15603v2\"/>")]
    public async Task A_papers_own_page_saved_as_html_is_refused_not_read_as_an_empty_feed(string address)
    {
        // The page's shape as a browser saves it: its address in the head, the paper in the body, no listing.
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "paper.html");
        await File.WriteAllTextAsync(path, $"<!DOCTYPE html><html><head>{address}<title>Paper page - Qwen-Image-Layered</title></head>" +
            "<body><main><h1>Qwen-Image-Layered: Towards Inherent Editability via Layer Decomposition</h1><p>Recent visual generative models…</p></main></body></html>");

        var run = await CliRun.InvokeAsync(["parse", path]);

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().BeEmpty("nothing reaches standard output: an empty feed would lose the paper without a word");
        run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().Contain("PF923").And.Contain("paper's own page").And.Contain("/api/papers/2512.15603");
    }

    [Fact]
    public async Task A_listing_page_with_no_papers_is_still_an_empty_feed()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "day.html");
        await File.WriteAllTextAsync(path, "<!DOCTYPE html><html><head><link rel=\"canonical\" href=\"https://huggingface.co/papers/date/2025-12-25\"/></head><body><main></main></body></html>");

        var run = await CliRun.InvokeAsync(["parse", "--format", "jsonl", path]);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().BeEmpty("the day lists no papers");
    }

    [Fact]
    public async Task A_markdown_page_without_cards_is_refused_saying_so()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "notes.md");
        await File.WriteAllTextAsync(path, "# Reading list\n\n## Trending Papers\n\n### Things to read\n\nSome prose about papers.\n\n·\n\nSee translation\n");

        var run = await CliRun.InvokeAsync(["parse", path]);

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain("PF925").And.Contain("Markdown with no paper cards");
    }
}
