using System.Text;
using PaperFeed.Html;
using PaperFeed.Tests.Api;
using PaperFeed.Tests.Formats;

namespace PaperFeed.Tests.Html;

/// <summary>
/// Reads a real saved listing page (Fixtures/Real/html, see its PROVENANCE.md) and variants of it broken the way
/// saved pages break in the wild. Expected values are the page's own (counted with Python, see PROVENANCE.md).
/// </summary>
public class RealPageTests
{
    /// <summary>huggingface.co/papers as served on 2024-08-01: data-props has <c>date</c> (an ISO instant), no <c>dateString</c>, and an undated og:url.</summary>
    internal static string Page2024Path => Fixtures.Path("Real", "html", "papers-2024-08-01.html");

    internal static readonly PaperDate Day2024 = new(2024, 8, 1);

    internal const int Papers2024 = 13;

    [Fact]
    public void Page_dated_only_by_its_iso_date_instant_keeps_its_day()
    {
        string html = File.ReadAllText(Page2024Path);
        html.Should().Contain("&quot;date&quot;:&quot;2024-08-01T00:00:00.000Z&quot;").And.NotContain("dateString").And.NotContain("papers/date/");

        var feed = HtmlPages.ReadFeed(html);

        feed.Date.Should().Be(Day2024);
        feed.Papers.Should().HaveCount(Papers2024);
    }

    /// <summary>The 2024 page's titles, first and last, as its data-props has them (see PROVENANCE.md).</summary>
    internal const string FirstTitle2024 = "The Llama 3 Herd of Models";

    internal const string LastTitle2024 = "NeRF-MAE: Masked AutoEncoders for Self-Supervised 3D Representation Learning for Neural Radiance Fields";

    internal static string Page2024 => File.ReadAllText(Page2024Path);

    private const string ComponentStart = "<div class=\"SVELTE_HYDRATER contents\" data-target=\"DailyPapers\"";

    private static readonly PaperDate Day2025 = new(2025, 8, 28);

    [Fact]
    public async Task Two_saved_pages_one_after_another_are_two_feeds_in_order()
    {
        string both = Page2024 + File.ReadAllText(Fixtures.DailyHtml);
        var diagnostics = new List<FeedDiagnostic>();

        var feeds = await TestReaders.ReadFeedsAsync(Fixtures.Utf8(both), options: new FeedParserOptions { OnDiagnostic = diagnostics.Add }).ToListAsync();

        feeds.Select(f => f.Date).Should().Equal(Day2024, Day2025);
        feeds[0].Papers.Should().HaveCount(Papers2024);
        feeds[0].Papers.Select(p => p.Title).Should().StartWith(FirstTitle2024).And.EndWith(LastTitle2024);
        feeds[1].Papers.Should().Equal(HuggingFaceJsonTests.OnListingDay(Day2025));
        diagnostics.Should().OnlyContain(d => d.Code == DiagnosticCodes.InvalidCount, "the hand-made page has one odd githubStars, and nothing else is wrong");
    }

    [Fact]
    public void The_same_page_saved_twice_is_two_feeds()
    {
        var feeds = HtmlPages.ReadFeeds(Page2024 + "\n" + Page2024);

        feeds.Select(f => f.Papers.Count).Should().Equal(Papers2024, Papers2024);
        feeds.Select(f => f.Date).Should().Equal(Day2024, Day2024);
    }

    [Fact]
    public void Two_DailyPapers_components_in_one_page_are_two_feeds_and_their_own_cards_are_not_read_again()
    {
        string page = File.ReadAllText(Fixtures.DailyHtml);
        string component2024 = ComponentStartTag(Page2024) + "</div>";
        string html = page.Insert(page.IndexOf("</body>", StringComparison.Ordinal), component2024);
        var diagnostics = new List<FeedDiagnostic>();

        var feeds = HtmlPages.ReadFeeds(html, new FeedParserOptions { OnDiagnostic = diagnostics.Add });

        feeds.Select(f => f.Date).Should().Equal(Day2025, Day2024);
        feeds[0].Papers.Should().Equal(HuggingFaceJsonTests.OnListingDay(Day2025));
        feeds[1].Papers.Should().HaveCount(Papers2024);
        diagnostics.Should().OnlyContain(d => d.Code == DiagnosticCodes.InvalidCount, "the hand-made page has one odd githubStars, and nothing else is wrong");
    }

    [Fact]
    public void Several_listings_back_to_back_are_all_read_not_only_the_first_one()
    {
        var diagnostics = new List<FeedDiagnostic>();

        var feeds = HtmlPages.ReadFeeds(Page2024 + Page2024, new FeedParserOptions { OnDiagnostic = diagnostics.Add, SourceName = "both.html" });

        feeds.Select(f => f.Papers.Count).Should().Equal(Papers2024, Papers2024);
        feeds.Select(f => f.Date).Should().Equal(Day2024, Day2024);
        diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void The_real_pages_cards_hold_the_same_papers_as_its_json()
    {
        // The data-props attribute loses its end (and its closing quote): the JSON breaks, the page goes on.
        string page = Page2024;
        int props = page.IndexOf("data-props=\"{&quot;canSubmit", StringComparison.Ordinal) + "data-props=\"".Length;
        int propsEnd = page.IndexOf('"', props);
        string html = page[..(props + 3000)] + page[(propsEnd + 1)..];
        var diagnostics = new List<FeedDiagnostic>();

        var feed = HtmlPages.ReadFeed(html, new FeedParserOptions { OnDiagnostic = diagnostics.Add });

        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.BrokenEmbeddedJson);
        feed.Papers.Should().HaveCount(Papers2024);
        feed.Papers.Select(p => p.Title).Should().StartWith(FirstTitle2024).And.EndWith(LastTitle2024);
        feed.Papers.Select(p => p.ArxivId).Should().OnlyHaveUniqueItems().And.NotContainNulls();
    }

    [Fact]
    public void A_page_cut_off_inside_its_data_props_warns_at_the_element_instead_of_giving_nothing_silently()
    {
        string page = Page2024;
        string cut = page[..(page.IndexOf("data-props=\"{&quot;canSubmit", StringComparison.Ordinal) + 5000)];
        var diagnostics = new List<FeedDiagnostic>();

        var feed = HtmlPages.ReadFeed(cut, new FeedParserOptions { OnDiagnostic = diagnostics.Add, SourceName = "cut.html" });

        var (line, column) = LocationOf(page, ComponentStart);
        var warning = diagnostics.Should().ContainSingle().Subject;
        warning.Should().BeEquivalentTo(new { Severity = DiagnosticSeverity.Warning, Code = DiagnosticCodes.BrokenEmbeddedJson, Line = line, Column = (int?)column, Source = "cut.html" });
        warning.Message.Should().Contain("cut off").And.Contain("no item is complete");
        feed.Papers.Should().BeEmpty("the first item runs past the cut, and the cards come after it");
        feed.Date.Should().Be(Day2024, "the page's date comes before the cut");
    }

    [Fact]
    public void A_page_cut_off_inside_its_data_props_keeps_every_item_complete_before_the_cut()
    {
        // Cut inside the 7th item: the 6 before it are whole. Their ids are read from the raw text.
        string page = Page2024;
        const string itemStart = "{&quot;paper&quot;:{&quot;id&quot;:&quot;";
        var starts = AllIndexesOf(page, itemStart);
        starts.Should().HaveCount(Papers2024);
        string cut = page[..(starts[6] + 200)];
        var ids = starts.Take(6).Select(i => page.Substring(i + itemStart.Length, 10)).ToList();
        var diagnostics = new List<FeedDiagnostic>();

        var feed = HtmlPages.ReadFeed(cut, new FeedParserOptions { OnDiagnostic = diagnostics.Add });

        feed.Date.Should().Be(Day2024);
        feed.Papers.Select(p => p.ArxivId).Should().Equal(ids);
        feed.Papers[0].Title.Should().Be(FirstTitle2024);
        diagnostics.Should().ContainSingle().Which.Message.Should().Contain("the 6 items complete before the cut are read");
    }

    [Fact]
    public void Wherever_the_page_is_cut_inside_its_data_props_the_read_gives_a_prefix_of_its_items_and_one_warning()
    {
        string page = Page2024;
        const string itemStart = "{&quot;paper&quot;:{&quot;id&quot;:&quot;";
        var starts = AllIndexesOf(page, itemStart);
        var allIds = starts.Select(i => page.Substring(i + itemStart.Length, 10)).ToList();
        int propsStart = page.IndexOf("data-props=\"{&quot;canSubmit", StringComparison.Ordinal);
        int propsEnd = page.IndexOf('"', propsStart + "data-props=\"".Length);

        for (int cut = propsStart + 1; cut < propsEnd; cut += (propsEnd - propsStart) / 97)
        {
            var diagnostics = new List<FeedDiagnostic>();
            var feed = HtmlPages.ReadFeed(page[..cut], new FeedParserOptions { OnDiagnostic = diagnostics.Add });

            var ids = feed.Papers.Select(p => p.ArxivId).ToList();
            ids.Should().Equal(allIds.Take(ids.Count), $"cut at {cut}");
            int started = starts.Count(start => start < cut);
            ids.Count.Should().BeInRange(Math.Max(0, started - 1), started, $"cut at {cut}: every item before the last one started is whole and read");
            diagnostics.Should().ContainSingle($"cut at {cut}").Which.Code.Should().Be(DiagnosticCodes.BrokenEmbeddedJson);
        }
    }

    private static List<int> AllIndexesOf(string text, string value)
    {
        var found = new List<int>();
        for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal)) found.Add(at);
        return found;
    }

    [Fact]
    public void A_page_cut_off_inside_its_data_props_is_an_error_in_strict_mode()
    {
        string page = Page2024;
        string cut = page[..(page.IndexOf("data-props=\"{&quot;canSubmit", StringComparison.Ordinal) + 5000)];

        var act = () => HtmlPages.ReadFeed(cut, new FeedParserOptions { Strict = true });

        act.Should().Throw<FeedFormatException>().Which.Code.Should().Be(DiagnosticCodes.BrokenEmbeddedJson);
    }

    [Fact]
    public void A_stray_script_start_tag_before_the_listing_does_not_hide_it()
    {
        // Its text would run to the page's next </script>, past the DailyPapers element.
        string page = Page2024;
        int body = page.IndexOf("<body", StringComparison.Ordinal);
        int at = page.IndexOf('>', body) + 1;
        string html = page.Insert(at, "<script>window.unfinished = {");
        var diagnostics = new List<FeedDiagnostic>();

        var feed = HtmlPages.ReadFeed(html, new FeedParserOptions { OnDiagnostic = diagnostics.Add });

        feed.Date.Should().Be(Day2024);
        feed.Papers.Should().HaveCount(Papers2024);
        var (line, column) = LocationOf(html, "<script>window.unfinished");
        diagnostics.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = DiagnosticCodes.UnclosedRawText, Line = line, Column = (int?)column });
    }

    [Fact]
    public void A_script_that_is_never_closed_does_not_hide_the_cards_after_it()
    {
        string html = "<html><body><script>var config = {\n<main><article><h3><a href=\"/papers/2408.00001\">After the script</a></h3><div>· 2 authors</div></article></main>";
        var diagnostics = new List<FeedDiagnostic>();

        var feed = HtmlPages.ReadFeed(html, new FeedParserOptions { OnDiagnostic = diagnostics.Add });

        feed.Papers.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Title = "After the script", ArxivId = "2408.00001", AuthorCount = (int?)2 });
        diagnostics.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = DiagnosticCodes.UnclosedRawText, Line = 1, Column = (int?)13 });
    }

    [Theory]
    [InlineData("<style>", "</style>")]
    [InlineData("<textarea>", "</textarea>")]
    [InlineData("<title>", "</title>")]
    public void Raw_text_elements_that_are_closed_still_hide_their_markup(string open, string close)
    {
        string html = $"{open}<article><h3><a href=\"/papers/evil\">Evil</a></h3></article>{close}<article><h3><a href=\"/papers/1\">Real</a></h3></article>";
        var diagnostics = new List<FeedDiagnostic>();

        var feed = HtmlPages.ReadFeed(html, new FeedParserOptions { OnDiagnostic = diagnostics.Add });

        feed.Papers.Select(p => p.Title).Should().Equal("Real");
        diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Many_unclosed_script_tags_read_in_linear_time()
    {
        // Each unclosed tag looks ahead for its end tag and for the listing: the look-aheads must not restart from every tag.
        var html = new StringBuilder();
        for (int i = 0; i < 200_000; i++) html.Append("<script>x");
        html.Append("<article><h3><a href=\"/papers/1\">Last</a></h3></article>");
        int warnings = 0;

        var feed = HtmlPages.ReadFeed(html.ToString(), new FeedParserOptions { OnDiagnostic = _ => warnings++ });

        feed.Papers.Select(p => p.Title).Should().Equal("Last");
        warnings.Should().Be(200_000);
    }

    private static string ComponentStartTag(string page)
    {
        int start = page.IndexOf(ComponentStart, StringComparison.Ordinal);
        int props = page.IndexOf("data-props=\"", start, StringComparison.Ordinal) + "data-props=\"".Length;
        int end = page.IndexOf('>', page.IndexOf('"', props));
        return page[start..(end + 1)];
    }

    internal static (int Line, int Column) LocationOf(string text, string needle)
    {
        int index = text.IndexOf(needle, StringComparison.Ordinal);
        int line = text.AsSpan(0, index).Count('\n') + 1;
        int column = index - text.LastIndexOf('\n', index - 1);
        return (line, column);
    }
}
