using PaperFeed.Tests.Formats;

namespace PaperFeed.Tests.Api;

public class HuggingFaceJsonTests
{
    internal static readonly Paper FullItem = new()
    {
        Title = "\"Attention\" & <Masking>: Über-Scaling of 大规模 Models 🚀",
        Abstract = "We study what happens when \"attention\" meets <masking> & scaling. The résumé of results: it works. Code is released.",
        Authors = [new("Ada Lovelace"), new("José Müller-Łukasz"), new("李雷"), new("Zoë O'Brien")],
        AuthorCount = 4,
        Published = new PaperDate(2025, 8, 27),
        // submittedOnDailyAt is 2025-08-28T00:21:14+02:00: the 27th in UTC.
        Featured = new PaperDate(2025, 8, 27),
        Upvotes = 42,
        ArxivId = "2508.20751",
        Url = "https://huggingface.co/papers/2508.20751",
        Details = new PaperDetails
        {
            AiSummary = "A model that scales.",
            AiKeywords = ["attention masking", "scaling laws", "MoE"],
            GithubRepo = "https://github.com/example/uber-scaling",
            GithubStars = 1234,
            ProjectPage = "https://example.org/uber-scaling",
            Organization = new Organization("google", "Google"),
            CommentCount = 3,
        },
    };

    internal static readonly Paper MinimalItem = new()
    {
        Title = "Small Models, Big Claims",
        Abstract = "A short abstract.",
        Authors = [new("Grace Hopper"), new("Alan Turing")],
        AuthorCount = 2,
        Published = new PaperDate(2025, 8, 26),
        Featured = new PaperDate(2025, 8, 28), // no submittedOnDailyAt: the item's publishedAt
        Upvotes = 7,
        ArxivId = "2508.19999",
        Url = "https://huggingface.co/papers/2508.19999",
    };

    internal static readonly Paper NullsItem = new()
    {
        Title = "Nulls Everywhere",
        Abstract = "Every optional field is null here.",
        Authors = [new("Barbara Liskov")],
        AuthorCount = 1,
        Published = new PaperDate(2025, 8, 25),
        Featured = new PaperDate(2025, 8, 28),
        Upvotes = 0,
        ArxivId = "2508.18888",
        Url = "https://huggingface.co/papers/2508.18888",
    };

    internal static readonly Paper WithdrawnItem = new()
    {
        Title = "Withdrawn Work",
        Abstract = "Spaces and tabs and newlines.",
        Authors = [new("Edsger Dijkstra")], // a null and a blank name are not authors
        AuthorCount = 1,
        Published = new PaperDate(2025, 8, 25), // 2025-08-24T23:30-02:00 is the 25th in UTC
        Featured = new PaperDate(2025, 8, 28),
        Upvotes = 13, // given as the string "13"
        ArxivId = "2508.17777",
        Url = "https://huggingface.co/papers/2508.17777",
        Details = new PaperDetails
        {
            CommentCount = 5, // given as the string "5"; githubStars was an object and is dropped
            WithdrawnAt = new DateTimeOffset(2025, 9, 1, 10, 0, 0, TimeSpan.Zero),
        },
    };

    internal static readonly Paper[] DailyPapers = [FullItem, MinimalItem, NullsItem, WithdrawnItem];

    [Fact]
    public async Task Daily_papers_array_maps_every_field_from_its_own_level()
    {
        var diagnostics = new List<FeedDiagnostic>();
        var papers = await Fixtures.ReadApiAsync(Fixtures.DailyPapersJson, new FeedParserOptions { OnDiagnostic = diagnostics.Add });

        papers.Should().Equal(DailyPapers);
        papers[0].Authors.Select(a => a.Name).Should().ContainInOrder("Ada Lovelace", "José Müller-Łukasz", "李雷", "Zoë O'Brien");
        papers[0].Details!.Should().Be(FullItem.Details);
        diagnostics.Should().BeEmpty();
    }

    [Fact]
    public async Task Json_lines_archive_reads_like_the_array()
    {
        var papers = await Fixtures.ReadApiAsync(Fixtures.ArchiveJsonLines);

        papers.Should().Equal(DailyPapers);
    }

    [Fact]
    public async Task Single_paper_object_takes_organization_from_the_paper_and_has_no_comment_count()
    {
        var papers = await Fixtures.ReadApiAsync(Fixtures.PaperJson);

        papers.Should().ContainSingle();
        // A bare paper has no item: its featured day is submittedOnDailyAt only, and its title is its own.
        papers[0].Should().Be(FullItem with { Details = FullItem.Details! with { CommentCount = null } });
    }

    [Fact]
    public async Task Search_results_mix_items_and_bare_papers()
    {
        var papers = await Fixtures.ReadApiAsync(Fixtures.SearchJson);

        papers.Should().HaveCount(2);
        papers[0].Should().Be(MinimalItem with { Details = new PaperDetails { CommentCount = 1 } });
        // The bare paper's publishedAt is its arXiv time, not a featured time: no featured day.
        papers[1].Should().Be(NullsItem with { Featured = null });
    }

    [Fact]
    public async Task Listing_page_object_is_a_dated_feed()
    {
        string page = $$"""{"dateString": "2025-08-28", "periodType": "day", "dailyPapers": {{File.ReadAllText(Fixtures.DailyPapersJson)}}}""";

        var feeds = await HuggingFaceJson.ReadFeedsAsync(Fixtures.Utf8(page + "\n" + page)).ToListAsync();

        feeds.Should().HaveCount(2);
        feeds.Should().AllSatisfy(feed =>
        {
            feed.Date.Should().Be(new PaperDate(2025, 8, 28));
            feed.Papers.Should().Equal(DailyPapers);
        });
    }

    [Fact]
    public async Task Loose_items_between_pages_form_undated_feeds()
    {
        string input = """
            {"paper": {"id": "1", "title": "One"}}
            {"dateString": "2025-W35", "periodType": "week", "dailyPapers": [{"paper": {"id": "2", "title": "Two"}}]}
            {"paper": {"id": "3", "title": "Three"}}
            """;

        var feeds = await HuggingFaceJson.ReadFeedsAsync(Fixtures.Utf8(input)).ToListAsync();

        feeds.Select(f => (f.Date, string.Join(",", f.Papers.Select(p => p.Title)))).Should().Equal(
            (null, "One"), (null, "Two"), (null, "Three")); // a week is not a day: no date
    }

    [Fact]
    public async Task Empty_array_nulls_and_a_byte_order_mark_are_fine()
    {
        (await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8("\uFEFF  [ ]  ")).ToListAsync()).Should().BeEmpty();
        (await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8("[null, {\"title\": \"T\"}, null]")).ToListAsync())
            .Should().Equal(new Paper { Title = "T" });
        (await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8("")).ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Untitled_item_is_skipped_with_a_warning_naming_its_position()
    {
        var diagnostics = new List<FeedDiagnostic>();
        string input = """[{"paper": {"id": "1", "title": "One"}}, {"paper": {"id": "2", "title": "  "}, "numComments": 4}, {"title": "Three"}]""";

        var papers = await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new FeedParserOptions { OnDiagnostic = diagnostics.Add, SourceName = "x.json" }).ToListAsync();

        papers.Select(p => p.Title).Should().Equal("One", "Three");
        diagnostics.Should().ContainSingle().Which.Should().Be(new FeedDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.UntitledItem, 2, null,
            "the item has no title (item or paper level); skipped", "x.json"));
    }

    [Fact]
    public async Task Strict_mode_throws_on_the_first_warning()
    {
        var act = () => HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8("""[{"paper": {"id": "2"}}]"""), new FeedParserOptions { Strict = true }).ToListAsync();

        (await act.Should().ThrowAsync<FeedFormatException>()).Which.Code.Should().Be(DiagnosticCodes.UntitledItem);
    }

    [Fact]
    public async Task Malformed_json_is_a_typed_error_with_line_and_column()
    {
        string input = "[\n  {\"paper\": {\"id\": \"1\", \"title\": \"One\"}},\n  {\"paper\": {\"id\": \"2\", \"title\": \"Two\"}},\n  {\"paper\": {\"id\": \"3\", \"title\" \"Three\"}}\n]";

        var act = () => HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new FeedParserOptions { SourceName = "bad.json" }).ToListAsync();

        // (Items of the same read buffer are deserialized before any is handed out, so the good ones before the error
        // come out only when they were in an earlier buffer.)
        var error = (await act.Should().ThrowAsync<FeedFormatException>()).Which;
        error.Code.Should().Be(DiagnosticCodes.InvalidJson);
        error.Line.Should().Be(4);
        error.Column.Should().Be(33); // the byte where a colon was expected: the quote of "Three"
        error.SourceName.Should().Be("bad.json");
        error.Message.Should().StartWith("bad.json:4:33: error PF902: invalid JSON");
    }

    [Theory]
    [InlineData("""[{"paper": "not an object"}]""")]
    [InlineData("""[{"title": "T", "dailyPapers": 5}]""")]
    [InlineData("""[{"title": "T"}""")]
    [InlineData("""{"title": "T"} {"title": """)]
    [InlineData("""[1]""")]
    [InlineData("DEEP")]
    public async Task Structurally_wrong_or_truncated_json_is_a_typed_error(string input)
    {
        // Nesting deeper than the reader's limit (64) is refused, not recursed into.
        if (input == "DEEP") input = "[{\"title\": \"T\", \"x\": " + new string('[', 10_000) + new string(']', 10_000) + "}]";
        var act = () => HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input)).ToListAsync();

        (await act.Should().ThrowAsync<FeedFormatException>()).Which.Code.Should().Be(DiagnosticCodes.InvalidJson);
    }

    [Fact]
    public async Task Unexpected_types_in_optional_fields_read_as_absent()
    {
        string input = """
            {"paper": {"id": 2508.1, "title": "T", "summary": ["x"], "upvotes": 1.5, "authors": "nobody",
              "ai_keywords": ["a", 1, null, {"b": 2}, "c"], "publishedAt": "yesterday", "githubRepo": true,
              "withdrawnAt": 17, "organization": "acme"},
             "numComments": [], "organization": {"name": "acme", "fullname": {"x": 1}}, "publishedAt": "2025-08-28"}
            """;

        var paper = (await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input)).ToListAsync()).Should().ContainSingle().Subject;

        paper.Should().Be(new Paper
        {
            Title = "T",
            ArxivId = "2508.1",
            Url = "https://huggingface.co/papers/2508.1",
            Featured = new PaperDate(2025, 8, 28),
            Details = new PaperDetails { AiKeywords = ["a", "1", "c"], Organization = new Organization("acme") },
        });
        paper.AuthorCount.Should().BeNull("authors was not a list");
    }

    [Fact]
    public async Task Repeated_sentences_in_a_summary_collapse_like_the_text_listing()
    {
        var diagnostics = new List<FeedDiagnostic>();
        string input = """{"title": "T", "summary": "One. Two.\nTwo."}""";

        var collapsed = await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new FeedParserOptions { OnDiagnostic = diagnostics.Add }).ToListAsync();
        var kept = await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new FeedParserOptions { DuplicateSentences = DuplicateSentenceHandling.Keep }).ToListAsync();

        collapsed[0].Abstract.Should().Be("One. Two.");
        kept[0].Abstract.Should().Be("One. Two. Two.");
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.DuplicateSentences);
    }
}
