using PaperFeed.Html;
using PaperFeed.Tests.Api;
using PaperFeed.Tests.Formats;

namespace PaperFeed.Tests.Html;

public class HtmlFeedFormatTests
{
    private static readonly PaperDate PageDay = new(2025, 8, 28);

    /// <summary>What a rendered card shows of an API paper: no authors' names, no details; the page's day as its featured day.</summary>
    internal static Paper CardView(Paper paper, bool withAbstract) => new()
    {
        Title = paper.Title,
        Abstract = withAbstract ? paper.Abstract : null,
        AuthorCount = paper.AuthorCount,
        Published = paper.Published,
        Upvotes = paper.Upvotes,
        ArxivId = paper.ArxivId,
        Url = paper.Url,
        Featured = PageDay,
    };

    [Fact]
    public async Task Data_props_fast_path_gives_the_same_records_as_the_api()
    {
        var diagnostics = new List<FeedDiagnostic>();
        await using var stream = File.OpenRead(Fixtures.DailyHtml);

        var feed = await HtmlPages.ReadFeedAsync(stream, new FeedParserOptions { OnDiagnostic = diagnostics.Add });

        feed.Date.Should().Be(PageDay);
        // The page's own date is the featured day of items without submittedOnDailyAt (docs/inputs.md).
        feed.Papers.Should().Equal(HuggingFaceJsonTests.OnListingDay(PageDay));
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.InvalidCount, "githubStars is an object in one item");
    }

    [Fact]
    public void Broken_data_props_warns_at_the_element_then_reads_the_cards()
    {
        var diagnostics = new List<FeedDiagnostic>();
        string html = File.ReadAllText(Fixtures.BrokenPropsHtml);

        var feed = HtmlPages.ReadFeed(html, new FeedParserOptions { OnDiagnostic = diagnostics.Add, SourceName = "page.html" });

        feed.Papers.Should().Equal(HuggingFaceJsonTests.DailyPapers.Select(p => CardView(p, withAbstract: false)));
        feed.Date.Should().Be(PageDay, "the canonical URL is /papers/date/2025-08-28");
        var (line, column) = LocationOf(html, "<div class=\"SVELTE_HYDRATER contents\" data-target=\"DailyPapers\"");
        var warning = diagnostics.Should().ContainSingle().Subject;
        warning.Should().BeEquivalentTo(new { Severity = DiagnosticSeverity.Warning, Code = DiagnosticCodes.BrokenEmbeddedJson, Line = line, Column = (int?)column, Source = "page.html" });
        warning.Message.Should().Contain("data-props JSON is broken").And.EndWith("reading the rendered paper cards instead");
    }

    [Fact]
    public void Data_props_diagnostics_point_at_the_element_and_name_the_item_by_its_json_path()
    {
        var diagnostics = new List<FeedDiagnostic>();
        string html = File.ReadAllText(Fixtures.DailyHtml);

        HtmlPages.ReadFeed(html, new FeedParserOptions { OnDiagnostic = diagnostics.Add, SourceName = "daily.html" });

        var (line, column) = LocationOf(html, "<div class=\"SVELTE_HYDRATER contents\" data-target=\"DailyPapers\" data-props=\"{&quot;dateString");
        var warning = diagnostics.Should().ContainSingle().Subject;
        warning.Should().BeEquivalentTo(new { Code = DiagnosticCodes.InvalidCount, Line = line, Column = (int?)column, Source = "daily.html" });
        warning.Message.Should().Contain("dailyPapers[3].paper.githubStars");
    }

    [Fact]
    public void Strict_mode_stops_at_a_data_props_item_warning_at_the_element()
    {
        string html = File.ReadAllText(Fixtures.DailyHtml);

        var act = () => HtmlPages.ReadFeed(html, new FeedParserOptions { Strict = true });

        var (line, column) = LocationOf(html, "<div class=\"SVELTE_HYDRATER contents\" data-target=\"DailyPapers\" data-props=\"{&quot;dateString");
        act.Should().Throw<FeedFormatException>().Which.Diagnostic.Should().BeEquivalentTo(new { Code = DiagnosticCodes.InvalidCount, Line = line, Column = (int?)column });
    }

    [Fact]
    public void String_items_in_data_props_are_an_error_at_the_element()
    {
        const string html = "<p>\n  <div data-target=\"DailyPapers\" data-props=\"{&quot;dailyPapers&quot;:[&quot;{'title': 'x'}&quot;]}\"></div>";

        var act = () => HtmlPages.ReadFeed(html);

        act.Should().Throw<FeedFormatException>().Which.Diagnostic.Should().BeEquivalentTo(new { Code = DiagnosticCodes.StringItems, Line = 2, Column = (int?)3 });
    }

    [Fact]
    public void An_archivers_wrapper_in_data_props_is_read_like_a_listing_page()
    {
        const string html = """<div data-target="DailyPapers" data-props="{&quot;date&quot;:&quot;2025-08-30&quot;,&quot;data&quot;:[{&quot;title&quot;:&quot;Wrapped&quot;}]}"></div>""";

        var feed = HtmlPages.ReadFeed(html);

        feed.Should().Be(new Feed { Date = new PaperDate(2025, 8, 30), Papers = [new Paper { Title = "Wrapped", Featured = new PaperDate(2025, 8, 30) }] });
    }

    [Fact]
    public void A_listing_date_given_for_the_input_does_not_date_the_embedded_page()
    {
        const string html = """<div data-target="DailyPapers" data-props="{&quot;dailyPapers&quot;:[{&quot;title&quot;:&quot;Undated&quot;}]}"></div>""";

        var feed = HtmlPages.ReadFeed(html, new FeedParserOptions { ListingDate = new DateOnly(2020, 1, 1) });

        feed.Should().Be(new Feed { Papers = [new Paper { Title = "Undated" }] });
    }

    [Fact]
    public void Strict_mode_turns_broken_data_props_into_an_error()
    {
        var act = () => HtmlPages.ReadFeed(File.ReadAllText(Fixtures.BrokenPropsHtml), new FeedParserOptions { Strict = true });

        var error = act.Should().Throw<FeedFormatException>().Which;
        error.Code.Should().Be(DiagnosticCodes.BrokenEmbeddedJson);
        error.InnerException.Should().BeAssignableTo<System.Text.Json.JsonException>("the JSON reader's own error is kept");
    }

    [Fact]
    public void Card_only_page_reads_titles_ids_counts_dates_votes_and_abstracts()
    {
        var diagnostics = new List<FeedDiagnostic>();

        var feed = HtmlPages.ReadFeed(File.ReadAllText(Fixtures.CardsOnlyHtml), new FeedParserOptions { OnDiagnostic = diagnostics.Add });

        feed.Papers.Should().Equal(HuggingFaceJsonTests.DailyPapers.Select(p => CardView(p, withAbstract: true)));
        feed.Papers[0].Title.Should().Be("\"Attention\" & <Masking>: Über-Scaling of 大规模 Models 🚀", "entities are decoded");
        diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Card_dates_without_a_year_resolve_against_the_page_day_or_the_reference_date()
    {
        const string card = """<article><div>5</div><h3><a href="/papers/2512.00001/">A Title</a></h3><div>· 3 authors</div><div>Dec 30</div></article>""";

        var dated = HtmlPages.ReadFeed($"""<link rel="canonical" href="https://huggingface.co/papers/date/2026-01-02">{card}""");
        var undated = HtmlPages.ReadFeed(card);
        var referenced = HtmlPages.ReadFeed(card, new FeedParserOptions { ReferenceDate = new DateOnly(2025, 12, 31) });

        dated.Papers.Single().Should().Be(new Paper
        {
            Title = "A Title", AuthorCount = 3, Upvotes = 5, Published = new PaperDate(2025, 12, 30), Featured = new PaperDate(2026, 1, 2),
            ArxivId = "2512.00001", Url = "https://huggingface.co/papers/2512.00001",
        });
        undated.Date.Should().BeNull();
        undated.Papers.Single().Published.Should().Be(new PaperDate(null, 12, 30));
        referenced.Papers.Single().Published.Should().Be(new PaperDate(2025, 12, 30));
    }

    [Fact]
    public void Article_without_a_title_link_is_skipped_with_a_warning()
    {
        var diagnostics = new List<FeedDiagnostic>();
        string html = "<main>\n<article><h3>No link</h3></article>\n<article><h3><a href=\"/papers/1\">Kept</a></h3></article></main>";

        var feed = HtmlPages.ReadFeed(html, new FeedParserOptions { OnDiagnostic = diagnostics.Add });

        feed.Papers.Select(p => p.Title).Should().Equal("Kept");
        diagnostics.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = DiagnosticCodes.UntitledCard, Line = 2, Column = (int?)1 });
    }

    [Fact]
    public void Empty_listing_is_a_dated_feed_with_no_papers()
    {
        var feed = HtmlPages.ReadFeed("""<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="{&quot;dateString&quot;:&quot;2025-08-30&quot;,&quot;periodType&quot;:&quot;day&quot;,&quot;dailyPapers&quot;:[]}"></div>""");

        feed.Should().Be(new Feed { Date = new PaperDate(2025, 8, 30) });
    }

    [Fact]
    public void Script_content_is_never_markup_and_never_runs()
    {
        string html = """
            <script>document.body.innerHTML = '<article><h3><a href="/papers/evil">Evil</a></h3></article>'; if (a<b) {}</script>
            <style>article::before { content: "<article>"; }</style>
            <textarea><article><h3><a href="/papers/evil2">Evil too</a></h3></article></textarea>
            <article><h3><a href="/papers/2508.1">Real</a></h3></article>
            """;

        var feed = HtmlPages.ReadFeed(html);

        feed.Papers.Select(p => p.Title).Should().Equal("Real");
    }

    [Fact]
    public async Task Nothing_is_fetched_from_any_resource_the_page_names()
    {
        using var server = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        server.Start();
        string origin = $"http://127.0.0.1:{((System.Net.IPEndPoint)server.LocalEndpoint).Port}";
        string html = $"""
            <html><head><link rel="stylesheet" href="{origin}/style.css"><script src="{origin}/app.js"></script>
            <meta http-equiv="refresh" content="0; url={origin}/redirect"><style>@import url("{origin}/import.css");</style></head>
            <body><img src="{origin}/img.png"><iframe src="{origin}/frame"></iframe><object data="{origin}/obj"></object>
            <article><h3><a href="/papers/1">Offline</a></h3></article></body></html>
            """;

        var papers = await TestReaders.ReadPapersAsync(Fixtures.Utf8(html)).ToListAsync();

        papers.Select(p => p.Title).Should().Equal("Offline");
        server.Pending().Should().BeFalse("the reader must never open a connection");
    }

    [Fact]
    public void Deeply_nested_markup_reads_in_one_linear_pass()
    {
        const int depth = 100_000;
        var html = new System.Text.StringBuilder();
        html.Insert(0, "<div>", depth);
        html.Append("""<div data-target="DailyPapers" data-props="{&quot;dateString&quot;:&quot;2025-08-28&quot;,&quot;dailyPapers&quot;:[{&quot;title&quot;:&quot;Deep&quot;}]}"></div>""");
        html.Insert(html.Length, "</div>", depth);
        html.Insert(html.Length, "<article><section>", depth); // unclosed nested articles too

        var feed = HtmlPages.ReadFeed(html.ToString());
        var cards = HtmlPages.ReadFeed(html.ToString().Replace("DailyPapers", "Other", StringComparison.Ordinal));

        feed.Papers.Select(p => p.Title).Should().Equal("Deep");
        cards.Papers.Should().BeEmpty();
    }

    [Fact]
    public async Task Fifty_megabyte_page_reads_with_its_one_card()
    {
        const string filler = """<div class="flex items-center gap-2 text-sm" data-x="&quot;padding&quot; &amp; more"><span>Lorem ipsum dolor sit amet, consectetur adipiscing elit</span><img src="x.png" alt=""></div>""";
        var html = new System.Text.StringBuilder(52 * 1024 * 1024);
        html.Append("<html><body>");
        while (html.Length < 50 * 1024 * 1024) html.Append(filler);
        html.Append("""<article><h3><a href="/papers/2508.5">Needle</a></h3><div>· 2 authors</div><div>Aug 27, 2025 9</div></article></body></html>""");
        await using var stream = Fixtures.Utf8(html.ToString());

        var feed = await HtmlPages.ReadFeedAsync(stream);

        feed.Papers.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Title = "Needle", AuthorCount = 2, Upvotes = 9, Published = (PaperDate?)new PaperDate(2025, 8, 27) });
    }

    [Fact]
    public void Concurrent_reads_are_independent()
    {
        string html = File.ReadAllText(Fixtures.DailyHtml);

        var feeds = Enumerable.Range(0, 8).AsParallel().Select(_ => HtmlPages.ReadFeed(html)).ToList();

        feeds.Should().AllSatisfy(feed => feed.Papers.Should().Equal(HuggingFaceJsonTests.OnListingDay(PageDay)));
    }

    private static (int Line, int Column) LocationOf(string text, string needle)
    {
        int index = text.IndexOf(needle, StringComparison.Ordinal);
        int line = text.AsSpan(0, index).Count('\n') + 1;
        int column = index - text.LastIndexOf('\n', index - 1);
        return (line, column);
    }
}
