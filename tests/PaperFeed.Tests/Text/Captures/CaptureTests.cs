using System.Text;
using CsCheck;
using PaperFeed.Tests.Formats;

namespace PaperFeed.Tests.Text.Captures;

/// <summary>
/// Text captures made by common tools: the three real ones (values read off the raw files by eye; counts in their
/// folder's expected.json), generated listings rendered in each tool's layout, and the edge cases of each.
/// </summary>
public class CaptureTests
{
    private static string Real(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", "captures", name);

    private const string ReferenceCapture = "reference-links-search-long-context-asr.txt";
    private const string InlineCapture = "inline-links-search-source-citations.txt";
    private const string ClipperCapture = "clipper-export-search-intercode-bash.txt";

    private static async Task<(List<Feed> Feeds, List<FeedDiagnostic> Diagnostics)> ReadAsync(byte[] bytes, string? format = null)
    {
        var diagnostics = new List<FeedDiagnostic>();
        var options = new FeedParserOptions { OnDiagnostic = diagnostics.Add };
        var feeds = await TestReaders.ReadFeedsAsync(new MemoryStream(bytes), format, options).ToListAsync();
        return (feeds, diagnostics);
    }

    private static Task<(List<Feed> Feeds, List<FeedDiagnostic> Diagnostics)> ReadAsync(string text, string? format = null) =>
        ReadAsync(Encoding.UTF8.GetBytes(text), format);

    [Theory]
    [InlineData(ReferenceCapture, "markdown")]
    [InlineData(InlineCapture, "markdown")]
    [InlineData(ClipperCapture, "clipper")]
    public void Real_captures_are_detected_from_their_first_bytes(string name, string expected)
    {
        var bytes = File.ReadAllBytes(Real(name));

        TestReaders.DetectFormat(bytes, isEntireInput: true).Should().Be(expected);
        TestReaders.DetectFormat(bytes.AsSpan(0, Math.Min(bytes.Length, 16 * 1024))).Should().Be(expected);
    }

    [Fact]
    public async Task Reference_link_capture_takes_each_vote_box_for_the_title_after_it()
    {
        var (feeds, diagnostics) = await ReadAsync(File.ReadAllBytes(Real(ReferenceCapture)));
        var papers = feeds.Single().Papers;

        // Jun 29, then "[ - ][31]" before MURMUR, "[ 65 ][35]" after MURMUR's date and before Gemini's title.
        feeds[0].Date.Should().Be(PaperDate.Parse("--06-29"));
        papers[0].Should().BeEquivalentTo(new
        {
            Title = "MURMUR: An Efficient Inference System for Long-Form ASR",
            AuthorCount = (int?)3,
            Published = (PaperDate?)PaperDate.Parse("--05-30"),
            Upvotes = (int?)null,
            ArxivId = (string?)null,
            Featured = (PaperDate?)null,
        });
        papers[0].Abstract.Should().StartWith("Long-form automatic speech recognition (ASR) requires both high accuracy and low latency, but existing systems force a trade-off")
            .And.EndWith("The code of Murmur is available at https://github.com/uw-syfi/Murmur.");
        papers[1].Title.Should().StartWith("Gemini 1.5: Unlocking multimodal");
        papers[1].Upvotes.Should().Be(65);
        papers[1].AuthorCount.Should().Be(671);
        papers[1].Published.Should().Be(new PaperDate(2024, 3, 8), "the comment link \"[ 6][39]\" after the date is not part of it");
        papers[2].Upvotes.Should().Be(1);
        // An organisation stands where the author count would: no count, no warning.
        var vibeVoice = papers.Single(p => p.Title == "VIBEVOICE-ASR Technical Report");
        vibeVoice.Should().BeEquivalentTo(new { Upvotes = (int?)24, AuthorCount = (int?)null, Published = (PaperDate?)PaperDate.Parse("--03-13") });
        papers.Should().Contain(p => p.Title == "KV Cache Compression, But What Must We Give in Return? A Comprehensive Benchmark of Long Context Capable Approaches");
        papers.Single(p => p.Title.StartsWith("A Comprehensive Survey", StringComparison.Ordinal)).Abstract.Should().EndWith("{LCLM-Ho rizon}}.");
        // The capture was cut off inside the last abstract: the paper stays, without it, and says so.
        papers[^1].Title.Should().Be("Reducing Distraction in Long-Context Language Models by Focused Learning");
        papers[^1].Abstract.Should().BeNull();
        papers[^1].Upvotes.Should().Be(1);
        diagnostics.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = DiagnosticCodes.MissingAbstract, Line = 939 });
    }

    [Fact]
    public async Task Inline_link_capture_gives_arxiv_ids_urls_and_unescaped_text()
    {
        var (feeds, diagnostics) = await ReadAsync(File.ReadAllBytes(Real(InlineCapture)));
        var papers = feeds.Single().Papers;

        diagnostics.Should().BeEmpty();
        papers[0].Should().BeEquivalentTo(new
        {
            Title = "OCC-RAG: Optimal Cognitive Core for Faithful Question Answering",
            Upvotes = (int?)101,
            ArxivId = "2606.00683",
            Url = "https://huggingface.co/papers/2606.00683",
            AuthorCount = (int?)null,
            Published = (PaperDate?)PaperDate.Parse("--05-29"),
        });
        var noisy = papers[2];
        noisy.Title.Should().Be("The Noisy Path from Source to Citation: Measuring How Scholars Engage with Past Research");
        noisy.Upvotes.Should().BeNull();
        noisy.AuthorCount.Should().Be(3, "two avatar images come before the count inside the byline link");
        noisy.Abstract.Should().StartWith("Academic citations are widely used for evaluating research and tracing knowledge flows. Such uses")
            .And.NotContain("\\");
        papers[3].Upvotes.Should().Be(1);
        papers.Select(p => p.ArxivId).Should().Equal("2606.00683", "2609.11115", "2502.20581", "2605.08583", "2609.00319", "2403.01774", "2410.22349", "2509.04499");
    }

    [Fact]
    public async Task Clipper_export_pairs_each_link_text_with_the_url_below_it()
    {
        var (feeds, diagnostics) = await ReadAsync(File.ReadAllBytes(Real(ClipperCapture)));
        var papers = feeds.Single().Papers;

        diagnostics.Should().BeEmpty();
        feeds[0].Date.Should().Be(PaperDate.Parse("--03-25"));
        papers[0].Should().BeEquivalentTo(new
        {
            Title = "Better than Your Teacher: LLM Agents that learn from Privileged AI Feedback",
            Upvotes = (int?)1,
            AuthorCount = (int?)2,
            Published = (PaperDate?)new PaperDate(2024, 10, 7),
            ArxivId = "2410.05434",
        });
        papers[0].Abstract.Should().EndWith("Our code is available at https://leap-llm.github.io");
        // "[-] 19" follows code2seq's date and belongs to Arctic-SnowCoder; Arctic's comment count (2) is no vote.
        papers.Select(p => p.Upvotes).Should().Equal(1, null, null, null, null, 2, 19, null, 5);
        papers[^1].Should().BeEquivalentTo(new { Title = "Soft Instruction De-escalation Defense", AuthorCount = (int?)null, ArxivId = "2510.21057" });
    }

    [Theory]
    [InlineData(ReferenceCapture)]
    [InlineData(InlineCapture)]
    [InlineData(ClipperCapture)]
    public async Task Menus_header_and_log_in_links_never_become_papers(string name)
    {
        var (feeds, _) = await ReadAsync(File.ReadAllBytes(Real(name)));

        var titles = feeds.SelectMany(f => f.Papers).Select(p => p.Title).ToList();
        titles.Should().NotContain(t => t.Length < 12 || t.StartsWith('[') || t.Contains("huggingface.co", StringComparison.Ordinal));
        titles.Should().NotIntersectWith(["Models", "Daily", "Weekly", "Monthly", "Log In", "Sign Up", "Subscribe", "Daily Papers", "Trending Papers"]);
    }

    private static readonly string[] Words =
        ["Learning", "graph", "neural", "models", "via", "Diffusion", "3D", "agents", "LLM", "é", "中文", "x²", "α-β", "“quoted”", "sim0.01%", "over", "Mixture-of-Experts", "(RL)"];

    private static readonly Gen<string> TitleGen = Gen.OneOf(Words).Array[2, 30].Select(w => string.Join(' ', w));

    // Numbered sentences never repeat, so no sentence is collapsed.
    private static readonly Gen<string> AbstractGen = Gen.OneOf(Words).Array[3, 12].Array[1, 12]
        .Select(sentences => string.Join(' ', sentences.Select((w, i) => string.Join(' ', w) + " n" + i + ".")));

    private static readonly Gen<PaperDate> DateGen = Gen.Select(Gen.Int[1, 12], Gen.Int[1, 28], Gen.Bool, (m, d, year) => new PaperDate(year ? 2000 + d : null, m, d));

    private static readonly Gen<CardSpec> CardGen = Gen.Select(Gen.Int[1000, 9999], TitleGen, AbstractGen, Gen.Int[1, 700], Gen.OneOf("Microsoft", "ByteDance Seed", "Google").Null(0.8),
        Gen.Select(DateGen, Gen.Int[0, 300].Nullable(0.5), Gen.Int[1, 40].Nullable(0.6)), (n, t, a, authors, org, rest) =>
            new CardSpec("2501." + n, t, a, authors, org, rest.Item1, rest.Item2, rest.Item3));

    [Fact]
    public void Every_tool_layout_gives_the_cards_back_with_votes_on_the_right_paper()
    {
        Gen.Select(DateGen.Select(d => new PaperDate(null, d.Month, d.Day)), CardGen.Array[1, 6], Gen.Bool).Sample((pageDate, generated, search) =>
        {
            // One page lists a paper once: the ids are made distinct.
            var cards = generated.Select((card, i) => card with { Id = card.Id + i.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray();
            string url = search ? "https://huggingface.co/papers?q=graph" : "https://huggingface.co/papers";
            foreach (var (text, withIds, organizations) in new[]
            {
                (CaptureRenderer.ReferenceLinks(pageDate, cards, url), false),
                (CaptureRenderer.InlineLinks(pageDate, cards, url), true),
                (CaptureRenderer.Clipper(pageDate, cards, url), true),
            }.Select((c, i) => (c.Item1, c.Item2, Organizations: i == 1)))
            {
                var (feeds, diagnostics) = ReadAsync(text).GetAwaiter().GetResult();
                feeds.Should().ContainSingle(text);
                feeds[0].Date.Should().Be(pageDate, text);
                feeds[0].Papers.Should().BeEquivalentTo(CaptureRenderer.Expected(pageDate, cards, withIds, search, organizations),
                    o => o.WithStrictOrdering().Excluding(p => p.SourceLine), text);
                diagnostics.Should().BeEmpty(text);
            }
        }, iter: 60, threads: 1);
    }

    [Fact]
    public async Task Reference_links_resolve_from_definitions_after_the_page()
    {
        var cards = new[]
        {
            new CardSpec("2410.05434", "A first title", "A first abstract.", 2, null, new PaperDate(2024, 10, 7), 1, null),
            new CardSpec("2306.14898", "A second title", "A second abstract.", 4, null, new PaperDate(2023, 6, 26), null, 3),
        };
        // The tool lists its link targets after the page: the titles' references are 32 and 36 (see CaptureRenderer).
        string text = CaptureRenderer.ReferenceLinks(new PaperDate(null, 3, 25), cards, "https://huggingface.co/papers") +
            "\n[1]: https://huggingface.co/\n[32]: https://huggingface.co/papers/2410.05434\n[36]: <https://huggingface.co/papers/2306.14898> \"Paper page\"\n";

        var (feeds, diagnostics) = await ReadAsync(text);
        var papers = await TestReaders.ReadPapersAsync(new MemoryStream(Encoding.UTF8.GetBytes(text))).ToListAsync();

        diagnostics.Should().BeEmpty();
        feeds.Single().Papers.Should().Equal(CaptureRenderer.Expected(new PaperDate(null, 3, 25), cards, withIds: true, searchPage: false));
        papers.Should().Equal(feeds[0].Papers);
        papers.Select(p => p.Url).Should().Equal("https://huggingface.co/papers/2410.05434", "https://huggingface.co/papers/2306.14898");
    }

    [Fact]
    public async Task Two_captures_in_one_file_are_two_listings()
    {
        var first = new CardSpec("2501.00001", "First paper of day one", "One sentence here.", 2, null, new PaperDate(2025, 1, 2), 7, null);
        var second = new CardSpec("2501.00002", "First paper of day two", "Another sentence here.", 3, null, new PaperDate(2025, 1, 3), null, 1);
        string text = CaptureRenderer.InlineLinks(new PaperDate(null, 1, 4), [first], "https://huggingface.co/papers") +
            CaptureRenderer.InlineLinks(new PaperDate(null, 1, 5), [second], "https://huggingface.co/papers");

        var (feeds, _) = await ReadAsync(text);

        feeds.Select(f => f.Date).Should().Equal(new PaperDate(null, 1, 4), new PaperDate(null, 1, 5));
        feeds.Select(f => f.Papers.Single().Title).Should().Equal(first.Title, second.Title);
    }

    [Fact]
    public async Task Missing_card_parts_give_the_text_listings_warnings()
    {
        string text = """
            # Daily Papers
            Aug 28
            [-](https://huggingface.co/login?next=%2Fpapers%2F2508.00001)
            ### [No abstract, no byline](https://huggingface.co/papers/2508.00001)
            ·
            Aug 27, 2025
            [3](https://huggingface.co/login?next=%2Fpapers%2F2508.00002)
            ### [Byline without date](https://huggingface.co/papers/2508.00002)
            [An abstract.](https://huggingface.co/papers/2508.00002)
            [- 4 authors](https://huggingface.co/papers/2508.00002)
            """;

        var (feeds, diagnostics) = await ReadAsync(text, "markdown");

        feeds.Single().Papers.Select(p => (p.Title, p.Upvotes, p.AuthorCount)).Should().Equal(("No abstract, no byline", null, null), ("Byline without date", 3, 4));
        diagnostics.Select(d => (d.Code, d.Line)).Should().Equal(
            (DiagnosticCodes.IncompleteMetadata, 6), (DiagnosticCodes.MissingAbstract, 4), (DiagnosticCodes.IncompleteMetadata, 10));
    }

    [Fact]
    public async Task Arrow_vote_boxes_count_for_the_next_title_in_both_dialects()
    {
        string markdown = "# Daily Papers\nAug 28\n[-] 12\n### [First](https://huggingface.co/papers/2508.00001)\n[An abstract.](https://huggingface.co/papers/2508.00001)\n" +
            "[-]\n### [Second](https://huggingface.co/papers/2508.00002)\n[Another abstract.](https://huggingface.co/papers/2508.00002)\n";
        string clipper = "Aug 28\n\n [-] 12\n\nFirst\n\nhttps://huggingface.co/papers/2508.00001\n\nAn abstract.\n\nhttps://huggingface.co/papers/2508.00001\n\n" +
            " [-]\n\nSecond\n\nhttps://huggingface.co/papers/2508.00002\n\nAnother abstract.\n\nhttps://huggingface.co/papers/2508.00002\n";

        foreach (var (text, format) in new[] { (markdown, "markdown"), (clipper, "clipper") })
        {
            var (feeds, diagnostics) = await ReadAsync(text, format);

            feeds.Single().Papers.Select(p => (p.Title, p.Upvotes, p.Abstract)).Should().Equal(("First", 12, "An abstract."), ("Second", (int?)null, "Another abstract."));
            diagnostics.Should().BeEmpty();
        }
    }

    [Fact]
    public async Task A_link_that_never_closes_is_bounded_by_the_line_limit()
    {
        string text = "Get trending papers in your email inbox!\n### [A title](https://huggingface.co/papers/2508.00001)\n[\n" +
            string.Concat(Enumerable.Repeat("an abstract line that goes on and on\n", 200)) +
            "### [Next title](https://huggingface.co/papers/2508.00002)\n[Its abstract.](https://huggingface.co/papers/2508.00002)\n";
        var diagnostics = new List<FeedDiagnostic>();
        var options = new FeedParserOptions { OnDiagnostic = diagnostics.Add, MaxLineLength = 1000 };

        var papers = await TestReaders.ReadPapersAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "markdown", options).ToListAsync();

        papers.Select(p => (p.Title, p.Abstract)).Should().Equal(("A title", null), ("Next title", "Its abstract."));
        diagnostics.Select(d => d.Code).Should().Equal(DiagnosticCodes.LineTooLong, DiagnosticCodes.MissingAbstract);
    }

    [Fact]
    public async Task Strict_mode_stops_a_capture_at_its_first_warning()
    {
        var bytes = File.ReadAllBytes(Real(ReferenceCapture));

        var act = () => TestReaders.ReadPapersAsync(new MemoryStream(bytes), options: new FeedParserOptions { Strict = true }).ToListAsync();

        (await act.Should().ThrowAsync<FeedFormatException>()).Which.Diagnostic.Should().BeEquivalentTo(new { Code = DiagnosticCodes.MissingAbstract, Line = 939 });
    }

    [Fact]
    public async Task Stats_and_parse_count_the_same_papers()
    {
        foreach (var name in new[] { ReferenceCapture, InlineCapture, ClipperCapture })
        {
            var bytes = File.ReadAllBytes(Real(name));
            var stats = await TestReaders.CountAsync(new MemoryStream(bytes));
            var papers = await TestReaders.ReadPapersAsync(new MemoryStream(bytes)).ToListAsync();

            stats.Papers.Should().Be(papers.Count, name);
            stats.Feeds.Should().Be(1, name);
        }
    }

    private static readonly string[] Fragments =
        ["\n", "\r\n", "\r", " ", "\n\n", "[", "]", "][3]", "](https://huggingface.co/papers/2508.00001)", "(https://huggingface.co/papers/2508.00002)",
         "https://huggingface.co/papers/2508.00001", "https://huggingface.co/login?next=%2Fpapers", "#community", "### [", "###", "![](a.png)", "\\", "\\\\",
         "* 3 authors", "- 12 authors", "1 author", "[-]", " [-] 7", "-", "65", "·", "Aug 25", ", 2023", "May 29[6]", " [ 6][39]", "Feb 30",
         "Get trending papers in your email inbox!", "new", "url: https://huggingface.co/papers?q=x", "Title", "An abstract. An abstract.", "é", "\uFFFD", "99999999999"];

    private static readonly Gen<string> Garbage = Gen.Frequency(
        (8, (IGen<string>)Gen.OneOf(Fragments)),
        (1, Gen.String[0, 12])).Array[0, 80].Select(parts => string.Concat(parts));

    [Fact]
    public void Any_text_reads_as_a_capture_or_throws_FeedFormatException()
    {
        Gen.Select(Garbage, Gen.Int[1, 60], Gen.Bool, Gen.Bool).Sample((text, maxLine, strict, clipper) =>
        {
            var options = new FeedParserOptions { MaxLineLength = maxLine, Strict = strict, ReferenceDate = new DateOnly(2026, 1, 2) };
            var format = clipper ? "clipper" : "markdown";
            try
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                var papers = TestReaders.ReadPapersAsync(new MemoryStream(bytes), format, options).ToListAsync().GetAwaiter().GetResult();
                var stats = TestReaders.CountAsync(new MemoryStream(bytes), format, options).GetAwaiter().GetResult();
                stats.Papers.Should().Be(papers.Count, text);
                papers.Where(p => string.IsNullOrWhiteSpace(p.Title)).Should().BeEmpty(text);
                TestReaders.DetectFormat(bytes, isEntireInput: true);
            }
            catch (FeedFormatException)
            {
            }
        }, iter: 400, threads: 1);
    }
}
