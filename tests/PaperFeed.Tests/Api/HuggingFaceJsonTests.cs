using System.Text.Json;
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
        Featured = null, // no submittedOnDailyAt and no listing day: the item's publishedAt is not one (docs/inputs.md)
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

    /// <summary>The papers of <see cref="DailyPapers"/> read as the listing of <paramref name="day"/>: its featured day for those without submittedOnDailyAt.</summary>
    internal static List<Paper> OnListingDay(PaperDate day) => DailyPapers.Select(p => p.Featured is null ? p with { Featured = day } : p).ToList();

    [Fact]
    public async Task Daily_papers_array_maps_every_field_from_its_own_level()
    {
        var diagnostics = new List<FeedDiagnostic>();
        var papers = await Fixtures.ReadApiAsync(Fixtures.DailyPapersJson, new FeedParserOptions { OnDiagnostic = diagnostics.Add });

        papers.Should().Equal(DailyPapers);
        papers[0].Authors.Select(a => a.Name).Should().ContainInOrder("Ada Lovelace", "José Müller-Łukasz", "李雷", "Zoë O'Brien");
        papers[0].Details!.Should().Be(FullItem.Details);
        // githubStars is an object in the last item: not silently dropped, a warning with its JSON path.
        diagnostics.Should().ContainSingle().Which.Should().Match<FeedDiagnostic>(d =>
            d.Code == DiagnosticCodes.InvalidCount && d.Message.StartsWith("$[3].paper.githubStars is an object", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_lines_archive_reads_like_the_array_but_groups_by_listing_day()
    {
        var papers = await Fixtures.ReadApiAsync(Fixtures.ArchiveJsonLines);

        // The same items; those without submittedOnDailyAt take the day of the line before them (docs/inputs.md).
        var day27 = new PaperDate(2025, 8, 27);
        papers.Should().Equal(FullItem, MinimalItem with { Featured = day27 }, NullsItem with { Featured = day27 }, WithdrawnItem);
    }

    [Fact]
    public async Task A_listing_day_from_the_caller_is_the_featured_day_of_items_without_their_own()
    {
        var day = new DateOnly(2025, 8, 28);
        var feeds = await HuggingFaceJson.ReadFeedsAsync(File.OpenRead(Fixtures.DailyPapersJson), new ReadSettings { ListingDate = day }).ToListAsync();

        var listingDay = new PaperDate(day);
        feeds.Should().ContainSingle().Which.Should().Be(new Feed
        {
            Date = listingDay,
            Papers = [FullItem, MinimalItem with { Featured = listingDay }, NullsItem with { Featured = listingDay }, WithdrawnItem],
        });
    }

    [Fact]
    public async Task A_featured_day_before_the_published_day_is_never_emitted()
    {
        var diagnostics = new List<FeedDiagnostic>();
        string input = """[{"paper": {"id": "1", "title": "T", "publishedAt": "2025-03-10T17:00:00.000Z"}, "publishedAt": "2025-03-09T00:00:00.000Z"}]""";

        var papers = await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new ReadSettings { ListingDate = new DateOnly(2025, 3, 9), OnDiagnostic = diagnostics.Add }).ToListAsync();

        papers.Should().ContainSingle().Which.Featured.Should().BeNull();
        papers[0].Published.Should().Be(new PaperDate(2025, 3, 10));
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.FeaturedBeforePublished);
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
            // The page's date is the featured day of items without submittedOnDailyAt.
            feed.Papers.Should().Equal(OnListingDay(new PaperDate(2025, 8, 28)));
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
    public async Task Untitled_item_of_a_document_is_skipped_with_a_warning_at_its_json_path_and_no_line()
    {
        var diagnostics = new List<FeedDiagnostic>();
        string input = """[{"paper": {"id": "1", "title": "One"}}, {"paper": {"id": "2", "title": "  "}, "numComments": 4}, {"title": "Three"}]""";

        var papers = await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new ReadSettings { OnDiagnostic = diagnostics.Add, SourceName = "x.json" }).ToListAsync();

        papers.Select(p => p.Title).Should().Equal("One", "Three");
        diagnostics.Should().ContainSingle().Which.Should().Be(new FeedDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.UntitledItem, DiagnosticLocation.AtJsonPath("$[1]"),
            "the item at $[1] has no title (item or paper level); skipped", "x.json"));
        diagnostics[0].Line.Should().BeNull("a JSON document's items are located by path, not by the line they happen to start on");
        diagnostics[0].ToString().Should().Be("x.json($[1]): warning PF401: the item at $[1] has no title (item or paper level); skipped");
    }

    [Fact]
    public async Task Strict_mode_throws_on_the_first_warning()
    {
        var act = () => HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8("""[{"paper": {"id": "2"}}]"""), new ReadSettings { Strict = true }).ToListAsync();

        (await act.Should().ThrowAsync<FeedFormatException>()).Which.Code.Should().Be(DiagnosticCodes.UntitledItem);
    }

    [Fact]
    public async Task A_document_that_breaks_keeps_every_item_before_it_and_names_line_and_column()
    {
        var diagnostics = new List<FeedDiagnostic>();
        string input = "[\n  {\"paper\": {\"id\": \"1\", \"title\": \"One\"}},\n  {\"paper\": {\"id\": \"2\", \"title\": \"Two\"}},\n  {\"paper\": {\"id\": \"3\", \"title\" \"Three\"}}\n]";

        var papers = await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new ReadSettings { SourceName = "bad.json", OnDiagnostic = diagnostics.Add }).ToListAsync();
        var strict = () => HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new ReadSettings { SourceName = "bad.json", Strict = true }).ToListAsync();

        papers.Select(p => p.Title).Should().Equal("One", "Two");
        var warning = diagnostics.Should().ContainSingle().Subject;
        (warning.Code, warning.Location).Should().Be((DiagnosticCodes.TruncatedJson, DiagnosticLocation.AtLine(4, 33))); // the quote of "Three", where ':' was expected
        warning.Message.Should().Contain("the 2 top-level values before it are kept");
        var error = (await strict.Should().ThrowAsync<FeedFormatException>()).Which;
        error.Message.Should().StartWith("bad.json:4:33: warning PF413");
        error.InnerException.Should().BeAssignableTo<JsonException>("the reader's own error is kept as the cause");
    }

    [Fact]
    public async Task A_bad_json_lines_line_is_skipped_and_every_other_line_kept()
    {
        var diagnostics = new List<FeedDiagnostic>();
        var lines = Enumerable.Range(1, 30).Select(i => $$$"""{"paper": {"id": "{{{i}}}", "title": "T{{{i}}}"}}""").ToList();
        lines[20] = """{"paper": {"id": "21", "title": "T21"}"""; // cut short: runs into the next line
        lines[24] = "not json at all";
        string input = string.Join("\n", lines) + "\n";

        var papers = await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new ReadSettings { OnDiagnostic = diagnostics.Add }).ToListAsync();
        var strict = () => HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new ReadSettings { Strict = true }).ToListAsync();

        papers.Select(p => p.ArxivId).Should().Equal(Enumerable.Range(1, 30).Where(i => i is not (21 or 25)).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        diagnostics.Select(d => (d.Code, d.Line)).Should().Equal((DiagnosticCodes.InvalidJsonLine, 21), (DiagnosticCodes.InvalidJsonLine, 25));
        (await strict.Should().ThrowAsync<FeedFormatException>()).Which.Line.Should().Be(21);
    }

    [Theory]
    [InlineData("""[{"paper": "not an object"}]""", "", DiagnosticCodes.UntitledItem)]
    [InlineData("""[{"title": "T", "dailyPapers": 5}]""", "T", null)]
    [InlineData("""[{"title": "T"}""", "T", DiagnosticCodes.TruncatedJson)]
    [InlineData("""{"title": "T"} {"title": """, "T", DiagnosticCodes.InvalidJsonLine)]
    [InlineData("""[1, {"title": "T"}]""", "T", DiagnosticCodes.UnexpectedJsonValue)]
    [InlineData("DEEP", "", DiagnosticCodes.UnexpectedJsonValue)]
    public async Task Structurally_wrong_or_truncated_json_keeps_what_it_can_with_a_warning(string input, string titles, string? code)
    {
        // Nesting deeper than the reader's limit (64) is refused, not recursed into.
        if (input == "DEEP") input = "[{\"title\": \"T\", \"x\": " + new string('[', 10_000) + new string(']', 10_000) + "}]";
        var diagnostics = new List<FeedDiagnostic>();

        var papers = await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new ReadSettings { OnDiagnostic = diagnostics.Add }).ToListAsync();

        string.Join(",", papers.Select(p => p.Title)).Should().Be(titles);
        diagnostics.Select(d => d.Code).Should().Equal(code is null ? [] : [code]);
        diagnostics.Where(d => d.Message.Contains("PaperFeed.", StringComparison.Ordinal) || d.Message.Contains("System.", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("1.5")]
    [InlineData("\"abc\"")]
    [InlineData("-5")]
    public async Task A_count_that_is_not_a_non_negative_int32_is_a_warning_with_its_location(string upvotes)
    {
        var diagnostics = new List<FeedDiagnostic>();
        string input = $$$"""[{"paper": {"id": "1", "title": "A", "upvotes": 3}}, {"paper": {"id": "2", "title": "B", "upvotes": {{{upvotes}}}}}]""";

        var papers = await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new ReadSettings { OnDiagnostic = diagnostics.Add }).ToListAsync();

        papers.Select(p => p.Upvotes).Should().Equal(3, null);
        var warning = diagnostics.Should().ContainSingle().Subject;
        (warning.Code, warning.Location).Should().Be((DiagnosticCodes.InvalidCount, DiagnosticLocation.AtJsonPath("$[1].paper.upvotes")));
        warning.Message.Should().Be($"$[1].paper.upvotes is {upvotes}, not a count (a whole number from 0 to 2147483647); read as unknown");
    }

    [Fact]
    public async Task Items_saved_as_python_reprs_are_one_clear_error()
    {
        string input = """["{'paper': {'id': '2412.19723', 'title': 'T', 'hidden': False}}", "{'paper': {}}"]""";

        var act = () => HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new ReadSettings { SourceName = "2025-01-02.json" }).ToListAsync();

        var error = (await act.Should().ThrowAsync<FeedFormatException>()).Which;
        error.Code.Should().Be(DiagnosticCodes.StringItems);
        error.Message.Should().Be("2025-01-02.json($[0]): error PF910: the item at $[0] is a Python repr of an item (single quotes, True/False/None), not JSON: " +
            "the archive was saved with str() instead of json.dumps(); no item can be read from it");
    }

    [Fact]
    public async Task An_archivers_wrapper_is_one_listing_dated_by_its_date()
    {
        string input = $$$"""{"status": "success", "date": "2025-08-28", "count": 4, "data": {{{File.ReadAllText(Fixtures.DailyPapersJson)}}}}""";

        var feeds = await TestReaders.ReadFeedsAsync(Fixtures.Utf8(input)).ToListAsync();

        var day = new PaperDate(2025, 8, 28);
        feeds.Should().ContainSingle().Which.Should().Be(new Feed
        {
            Date = day,
            Papers = OnListingDay(day),
        });
    }

    [Fact]
    public async Task A_saved_listing_page_json_is_api_json_dated_by_its_date_timestamp()
    {
        // A 2024 page's data-props: date is a timestamp, no dateString; the key order of the real pages.
        string input = $$$"""{"canSubmit": false, "date": "2024-05-27T00:00:00.000Z", "dailyPapers": {{{File.ReadAllText(Fixtures.DailyPapersJson)}}}, "nextDate": "2024-05-28", "prevDate": "2024-05-24", "publisher": null}""";

        var feeds = await TestReaders.ReadFeedsAsync(Fixtures.Utf8(input)).ToListAsync();

        feeds.Should().ContainSingle().Which.Date.Should().Be(new PaperDate(2024, 5, 27));
        feeds[0].Papers.Select(p => p.ArxivId).Should().Equal(DailyPapers.Select(p => p.ArxivId));
    }

    [Fact]
    public async Task Item_level_submitter_organization_is_read()
    {
        string input = """[{"paper": {"id": "1", "title": "T"}, "submitterOrganization": {"_id": "x", "name": "nvidia", "fullname": "NVIDIA", "avatar": "a.png"}}]""";

        var paper = (await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input)).ToListAsync()).Should().ContainSingle().Subject;

        paper.Details!.Organization.Should().Be(new Organization("nvidia", "NVIDIA"));
    }

    [Fact]
    public async Task Unexpected_types_in_optional_fields_read_as_absent()
    {
        var diagnostics = new List<FeedDiagnostic>();
        string input = """
            {"paper": {"id": 2508.1, "title": "T", "summary": ["x"], "upvotes": 1.5, "authors": "nobody",
              "ai_keywords": ["a", 1, null, {"b": 2}, "c"], "publishedAt": "yesterday", "githubRepo": true,
              "withdrawnAt": 17, "organization": "acme"},
             "numComments": [], "organization": {"name": "acme", "fullname": {"x": 1}}, "publishedAt": "2025-08-28"}
            """;

        var paper = (await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new ReadSettings { OnDiagnostic = diagnostics.Add }).ToListAsync()).Should().ContainSingle().Subject;

        paper.Should().Be(new Paper
        {
            Title = "T",
            ArxivId = "2508.1",
            Url = "https://huggingface.co/papers/2508.1",
            Details = new PaperDetails { AiKeywords = ["a", "1", "c"], Organization = new Organization("acme") },
        });
        paper.AuthorCount.Should().BeNull("authors was not a list");
        // Nothing is dropped silently: a title, summary or authors of the wrong type, and each value that is not a count, is a warning.
        diagnostics.Select(d => d.Message).Should().Equal(
            "the field paper.summary of the item at $ is an array, not a string; read as missing",
            "the field paper.authors of the item at $ is a string, not an array; read as missing",
            "$.paper.upvotes is 1.5, not a count (a whole number from 0 to 2147483647); read as unknown",
            "$.numComments is an array, not a count (a whole number from 0 to 2147483647); read as unknown");
    }

    [Fact]
    public async Task Repeated_sentences_in_a_summary_collapse_like_the_text_listing()
    {
        var diagnostics = new List<FeedDiagnostic>();
        string input = """{"title": "T", "summary": "One. Two.\nTwo."}""";

        var collapsed = await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new ReadSettings { OnDiagnostic = diagnostics.Add }).ToListAsync();
        var kept = await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(input), new ReadSettings { DuplicateSentences = DuplicateSentenceHandling.Keep }).ToListAsync();

        collapsed[0].Abstract.Should().Be("One. Two.");
        kept[0].Abstract.Should().Be("One. Two. Two.");
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.DuplicateSentences);
    }
}
