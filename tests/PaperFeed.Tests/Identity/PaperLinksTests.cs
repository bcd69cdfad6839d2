namespace PaperFeed.Tests.Identity;

public class PaperLinksTests
{
    [Fact]
    public void Title_urn_is_stable_ignores_case_and_spacing_and_tells_punctuation_apart()
    {
        string urn = PaperIdentity.TitleUrn("Sparse Agents: Fast");

        // A fixed value: the URN must not change between runs or processes.
        urn.Should().Be(PaperIdentity.TitleUrn("sparse   agents:\nfast"));
        urn.Should().MatchRegex("^urn:paperfeed:title:[0-9a-f]{32}$");
        urn.Should().Be("urn:paperfeed:title:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("sparseagents:fast"u8))[..32]);
        // Issue 13, defect 5: titles that differ only in punctuation are different export ids.
        PaperIdentity.TitleUrn("Same paper A").Should().NotBe(PaperIdentity.TitleUrn("Same paper: A!"));
    }

    [Fact]
    public void Links_are_built_from_the_versionless_id()
    {
        var paper = new Paper { Title = "T", ArxivId = "2508.01234v2", Url = "https://example.org/elsewhere" };

        paper.GetHuggingFaceUrl().Should().Be("https://huggingface.co/papers/2508.01234");
        paper.GetArxivAbstractUrl().Should().Be("https://arxiv.org/abs/2508.01234");
        paper.GetArxivPdfUrl().Should().Be("https://arxiv.org/pdf/2508.01234");
        paper.GetStableId().Should().Be("https://huggingface.co/papers/2508.01234");

        var textOnly = new Paper { Title = "T", Url = "https://example.org/x" };
        textOnly.GetHuggingFaceUrl().Should().Be("https://example.org/x");
        textOnly.GetArxivPdfUrl().Should().BeNull();
        textOnly.GetStableId().Should().Be(PaperIdentity.TitleUrn("T"));
        new Paper { Title = "T", ArxivId = "math.AG/0301001v2" }.GetArxivAbstractUrl().Should().Be("https://arxiv.org/abs/math.AG/0301001", "links keep the id's case");
        FluentActions.Invoking(() => PaperLinks.ArxivPdf(" ")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_title_with_a_lone_surrogate_still_has_an_id()
    {
        var paper = new Paper { Title = "Broken \uD800 title" };

        paper.GetStableId().Should().Be(PaperIdentity.TitleUrn("Broken \uFFFD title"));
        PaperIdentity.NormalizeTitle("a\uDC00b\U0001F600").Should().Be("a\uFFFDb\U0001F600");
    }

    [Fact]
    public void Without_icu_the_hand_fold_matches_nfkc_for_full_width_forms_and_ligatures()
    {
        // The paperfeed executable is globalization-invariant, where NFKC is a no-op: the hand fold must agree.
        var chars = Enumerable.Range(0xFF01, 0xFF5E - 0xFF01 + 1).Concat(Enumerable.Range(0xFB00, 7)).Select(c => (char)c);
        foreach (char c in chars)
        {
            var folded = new System.Text.StringBuilder();
            PaperIdentity.FoldWithoutNormalization(c, folded).Should().BeTrue();
            folded.ToString().Should().Be(PaperIdentity.NormalizeTitle(c.ToString()), $"U+{(int)c:X4}");
        }
        PaperIdentity.FoldWithoutNormalization('a', new System.Text.StringBuilder()).Should().BeFalse();
    }

    [Theory]
    [InlineData("https://huggingface.co/papers/date/2025-09-14", "2025-09-14")]
    [InlineData("https://huggingface.co/papers/week/2025-W38?sort=trending", "2025-W38")]
    [InlineData("/papers/month/2025-09/", "2025-09")]
    public void Page_addresses_give_the_period(string url, string expected)
    {
        PaperLinks.TryParseListingUrl(url, out var period).Should().BeTrue();
        period.ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("https://huggingface.co/papers/2509.01234")]
    [InlineData("https://huggingface.co/papers/week/2025-09-15")]
    [InlineData("https://huggingface.co/models/date/2025-09-14")]
    [InlineData(null)]
    public void Other_addresses_give_no_period(string? url) => PaperLinks.TryParseListingUrl(url, out _).Should().BeFalse();

    [Fact]
    public void The_one_page_builder_strips_the_version_escapes_and_keeps_the_slash_of_old_ids()
    {
        PaperLinks.HuggingFacePage("2509.01234v2").Should().Be("https://huggingface.co/papers/2509.01234");
        PaperLinks.HuggingFacePage("math.AG/0301001").Should().Be("https://huggingface.co/papers/math.AG/0301001");
        PaperLinks.HuggingFacePage("2509 01234#x").Should().Be("https://huggingface.co/papers/2509%2001234%23x");
    }

    [Fact]
    public async Task Api_and_html_readers_set_the_url_with_the_one_builder()
    {
        const string id = "2509.01234";
        string api = $$$"""[{"paper": {"id": "{{{id}}}", "title": "T"}}]""";
        string card = $"<html><body><article><h3><a href=\"/papers/{id}\">T</a></h3></article></body></html>";

        var fromApi = await HuggingFaceJson.ReadPapersAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(api))).SingleAsync();
        var fromHtml = Html.HtmlPages.ReadFeed(card).Papers.Single();

        new[] { fromApi.Url, fromHtml.Url }.Should().AllBe(PaperLinks.HuggingFacePage(id));
    }
}
