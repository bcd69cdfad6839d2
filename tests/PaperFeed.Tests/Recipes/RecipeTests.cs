using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using PaperFeed.Tests.Cli;
using PaperFeed.Tests.Generators;

namespace PaperFeed.Tests.Recipes;

/// <summary>Runs every recipe of docs/recipes.md with exactly its arguments, on small saves written here.</summary>
public sealed class RecipeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Weekly_top_10_rss_from_a_folder_of_daily_saves()
    {
        string saves = Directory.CreateDirectory(_temp.File("saves")).FullName;
        var papers = Enumerable.Range(1, 14).Select(i => new SavedPaper($"Paper {i:00}", $"Abstract of paper {i}. More.", Upvotes: i)).ToArray();
        TextSave.Write(Path.Combine(saves, "2025-09-15.txt"), "Sep 15", papers[..6]);
        // Paper 01 shows again on Tuesday with many more votes: merged once, latest count wins.
        TextSave.Write(Path.Combine(saves, "2025-09-16.txt"), "Sep 16", [.. papers[6..11], papers[0] with { Upvotes = 99 }]);
        TextSave.Write(Path.Combine(saves, "2025-09-17.txt"), "Sep 17", papers[11..]);
        TextSave.Write(Path.Combine(saves, "2025-09-20.txt"), "Sep 20");
        string weekly = _temp.File("weekly.xml");

        // paperfeed merge saves/*.txt --reference-date 2025-09-21 --sort upvotes --top 10 --format rss --output weekly.xml
        string[] args = [
            "merge", .. Directory.GetFiles(saves, "*.txt").Order(StringComparer.Ordinal),
            "--reference-date", "2025-09-21", "--sort", "upvotes", "--top", "10", "--format", "rss", "--output", weekly];
        var run = await PaperfeedRun.InvokeAsync(args);

        run.ExitCode.Should().Be(0, run.Stderr);
        byte[] first = File.ReadAllBytes(weekly);
        var feed = SyndicationFeed.Load(XmlReader.Create(weekly));
        feed.Items.Select(i => i.Title.Text).Should().Equal("Paper 01", "Paper 14", "Paper 13", "Paper 12", "Paper 11", "Paper 10", "Paper 09", "Paper 08", "Paper 07", "Paper 06");
        feed.Items.First().PublishDate.Should().Be(new DateTimeOffset(2025, 9, 16, 0, 0, 0, TimeSpan.Zero), "its last featured day");
        feed.LastUpdatedTime.Should().Be(new DateTimeOffset(2025, 9, 17, 0, 0, 0, TimeSpan.Zero));

        (await PaperfeedRun.InvokeAsync(args)).ExitCode.Should().Be(0);
        File.ReadAllBytes(weekly).Should().Equal(first, "the same saves give the same bytes");
    }

    [Fact]
    public async Task What_changed_since_yesterday()
    {
        var sparse = new SavedPaper("Sparse Agents at Scale", "Agents.", Upvotes: 12);
        var old = new SavedPaper("An Old Paper", "Old.", Upvotes: 5);
        var tokens = new SavedPaper("Tokens Are All You Need", "Tokens.", Upvotes: 1);
        string yesterday = _temp.File("yesterday.txt"), today = _temp.File("today.txt");
        TextSave.Write(yesterday, "Sep 15", sparse, old);
        TextSave.Write(today, "Sep 15", sparse with { Upvotes = 30 }, tokens);

        var table = await PaperfeedRun.InvokeAsync("diff", yesterday, today, "--format", "table");
        var lines = await PaperfeedRun.InvokeAsync("diff", yesterday, today);

        table.ExitCode.Should().Be(0, table.Stderr);
        table.Stdout.Should().Be(
            "changed  Sparse Agents at Scale\n" +
            "           upvotes: 12 -> 30\n" +
            "added    Tokens Are All You Need\n" +
            "removed  An Old Paper\n" +
            "1 added, 1 changed, 1 removed\n");
        lines.ExitCode.Should().Be(0);
        lines.Stdout.Should().Be(
            """{"change":"changed","title":"Sparse Agents at Scale","changes":{"upvotes":{"old":12,"new":30}}}""" + "\n" +
            """{"change":"added","title":"Tokens Are All You Need"}""" + "\n" +
            """{"change":"removed","title":"An Old Paper"}""" + "\n");
    }

    [Fact]
    public async Task Merging_html_saves_with_api_json()
    {
        Directory.CreateDirectory(_temp.File("saves"));
        Directory.CreateDirectory(_temp.File("api"));
        // A page saved after its scripts ran: rendered cards only (4 papers, featured 2025-08-28).
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Html", "cards-only.html"), _temp.File("saves/2025-08-28.html"));
        File.WriteAllText(_temp.File("api/2025-08-29.json"), """
            [{"paper": {"id": "2508.20751", "title": "\"Attention\" & <Masking>: Über-Scaling\n  of 大规模 Models 🚀",
              "summary": "We study what happens when \"attention\" meets <masking> & scaling. The résumé of results: it works. Code is released.",
              "authors": [{"name": "A"}, {"name": "B"}, {"name": "C"}, {"name": "D"}], "publishedAt": "2025-08-27T17:59:58.000Z",
              "submittedOnDailyAt": "2025-08-29T06:00:00.000Z", "upvotes": 57, "githubRepo": "https://github.com/x/attention",
              "githubStars": 120, "ai_keywords": ["attention", "masking"]},
              "title": "\"Attention\" & <Masking>: Über-Scaling of 大规模 Models 🚀", "numComments": 4},
             {"paper": {"id": "2508.30000", "title": "A New Paper", "summary": "New.", "upvotes": 1,
              "submittedOnDailyAt": "2025-08-29T06:00:00.000Z"}, "title": "A New Paper"}]
            """);

        // paperfeed merge saves/2025-08-28.html api/2025-08-29.json --format jsonl
        var run = await PaperfeedRun.InvokeAsync("merge", _temp.File("saves/2025-08-28.html"), _temp.File("api/2025-08-29.json"), "--format", "jsonl");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().NotContain("PF301", "the copies agree on everything but counts");
        var merged = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize(l, PaperFeedJsonContext.Default.Paper)!).ToList();
        merged.Select(p => p.ArxivId).Should().Equal("2508.20751", "2508.19999", "2508.18888", "2508.17777", "2508.30000");
        var attention = merged[0];
        attention.Upvotes.Should().Be(57);
        attention.Featured.Should().Be(new PaperDate(2025, 8, 29));
        attention.Authors.Should().HaveCount(4);
        attention.Details!.GithubStars.Should().Be(120);
        attention.Details.AiKeywords.Should().Equal("attention", "masking");
        attention.Details.CommentCount.Should().Be(4);
    }

    [Fact]
    public async Task Merging_text_saves_with_json_from_another_tool()
    {
        string text = _temp.File("monday.txt"), json = _temp.File("monday.jsonl");
        TextSave.Write(text, "Sep 15", new SavedPaper("Sparse Agents: at Scale", "The text abstract.", Upvotes: 12));
        var api = new Paper
        {
            Title = "Sparse agents at scale", ArxivId = "2509.01234", Upvotes = 30, Featured = new PaperDate(2025, 9, 16),
            Details = new PaperDetails { GithubRepo = "https://github.com/a/sparse", GithubStars = 120 },
        };
        File.WriteAllText(json, JsonSerializer.Serialize(api, PaperFeedJsonContext.Default.Paper) + "\n");

        // paperfeed merge monday.txt monday.jsonl --format jsonl
        var run = await PaperfeedRun.InvokeAsync("merge", text, json, "--format", "jsonl");

        run.ExitCode.Should().Be(0, run.Stderr);
        var merged = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize(l, PaperFeedJsonContext.Default.Paper)!).ToList();
        var paper = merged.Should().ContainSingle().Subject;
        paper.Abstract.Should().Be("The text abstract.");
        paper.ArxivId.Should().Be("2509.01234");
        paper.Upvotes.Should().Be(30, "the later copy's count (input order: the text save's day has no year)");
        paper.Details!.GithubStars.Should().Be(120);
        paper.AuthorCount.Should().Be(3);
    }
}
