namespace PaperFeed.Tests.Identity;

public class PaperIdentityTests
{
    [Theory]
    [InlineData("2508.01234v2", "2508.01234")]
    [InlineData("2508.01234", "2508.01234")]
    [InlineData(" arXiv:2508.01234v12 ", "2508.01234")]
    [InlineData("hep-th/9901001v1", "hep-th/9901001")]
    [InlineData("2508.01234V3", "2508.01234")]
    [InlineData("math.AG/0301001v1", "math.ag/0301001")]
    [InlineData("cs.LGv", "cs.lgv")]
    public void Arxiv_ids_lose_version_and_prefix(string id, string expected) =>
        PaperIdentity.NormalizeArxivId(id).Should().Be(expected);

    [Theory]
    [InlineData("Foo:  Bar\n   baz", "foobarbaz")]
    [InlineData("“Quoted” Title!", "quotedtitle")]
    [InlineData("ＬＬＭ Agents", "llmagents")]
    [InlineData("Self-Play", "selfplay")]
    [InlineData("Self Play", "selfplay")]
    public void Titles_ignore_case_width_whitespace_and_punctuation(string title, string expected) =>
        PaperIdentity.NormalizeTitle(title).Should().Be(expected);

    [Fact]
    public void A_text_copy_and_an_api_copy_with_the_same_title_are_one_paper_but_two_ids_are_two()
    {
        var text = new Paper { Title = "Sparse Agents: Fast" };
        var api = new Paper { Title = "sparse agents — fast", ArxivId = "2509.00001v1" };
        var other = new Paper { Title = "Sparse Agents: Fast", ArxivId = "2509.00002" };

        PaperIdentity.SamePaper(text, api).Should().BeTrue();
        PaperIdentity.SamePaper(api, other).Should().BeFalse();
        PaperIdentity.Distinct([text, api, other, api with { ArxivId = "2509.00001v3" }])
            .Should().Equal(text, other);
    }

    [Fact]
    public async Task Distinct_async_keeps_the_first_copy_in_input_order()
    {
        var papers = FeedParser.Parse(File.ReadAllText(TestData.Corpus000) + "\n\n" + File.ReadAllText(TestData.Corpus001))
            .SelectMany(f => f.Papers).ToList();

        var distinct = new List<Paper>();
        await foreach (var paper in PaperIdentity.DistinctAsync(papers.ToAsyncEnumerable())) distinct.Add(paper);

        // The format notes: 36 titles are in both snapshots, 95 distinct in all.
        distinct.Should().HaveCount(95);
        distinct.Should().Equal(PaperIdentity.Distinct(papers));
        distinct[0].Should().BeSameAs(papers[0]);
    }

    [Fact]
    public void Title_urn_is_stable_and_ignores_spelling_variants()
    {
        string urn = PaperIdentity.TitleUrn("Sparse Agents: Fast");

        // A fixed value: the URN must not change between runs, processes or versions.
        urn.Should().Be(PaperIdentity.TitleUrn("sparse   agents fast"));
        urn.Should().MatchRegex("^urn:paperfeed:title:[0-9a-f]{32}$");
        urn.Should().Be("urn:paperfeed:title:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("sparseagentsfast"u8))[..32]);
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

    [Theory]
    [InlineData("2508.01234", "2508.01234")]
    [InlineData("2508.01234v2", "2508.01234")]
    [InlineData(" arXiv:2508.01234V13 ", "2508.01234")]
    [InlineData("hep-th/9901001v1", "hep-th/9901001")]
    [InlineData("2508.01234v", "2508.01234v")]
    public void Arxiv_ids_lose_prefix_version_and_case(string id, string expected) =>
        PaperIdentity.NormalizeArxivId(id).Should().Be(expected);

    [Theory]
    [InlineData("Task-Specific Skill Localization", "task specific  skill localization.")]
    [InlineData("LLM: a \u201Cstudy\u201D", "llm a study")]
    [InlineData("ﬁne-tuning Ｍodels", "fine tuning models")]
    public void Titles_match_up_to_case_whitespace_punctuation_and_compatibility_forms(string left, string right) =>
        PaperIdentity.NormalizeTitle(left).Should().Be(PaperIdentity.NormalizeTitle(right));

    [Fact]
    public void Different_words_are_different_titles() =>
        PaperIdentity.NormalizeTitle("Scaling laws").Should().NotBe(PaperIdentity.NormalizeTitle("Scaling flaws"));

    [Fact]
    public void Arxiv_ids_decide_when_both_papers_have_one()
    {
        var a = new Paper { Title = "Same title", ArxivId = "2401.00001" };

        PaperIdentity.SamePaper(a, a with { ArxivId = "2401.00002" }).Should().BeFalse();
        PaperIdentity.SamePaper(a, a with { Title = "Renamed", ArxivId = "2401.00001v3" }).Should().BeTrue();
        PaperIdentity.SamePaper(a, a with { ArxivId = null, Title = "same TITLE!" }).Should().BeTrue();
    }

    [Fact]
    public void Deduplicator_keeps_the_first_of_each_paper()
    {
        var dedupe = new PaperDeduplicator();
        Paper[] papers =
        [
            new() { Title = "Alpha" },
            new() { Title = "alpha." },                                // same title, no ids: duplicate
            new() { Title = "Beta", ArxivId = "2401.00001" },
            new() { Title = "Beta, renamed", ArxivId = "2401.00001v2" }, // same id: duplicate
            new() { Title = "Beta", ArxivId = "2401.00009" },            // both have ids, different: kept
            new() { Title = "BETA" },                                  // no id, title seen: duplicate
            new() { Title = "Alpha", ArxivId = "2401.00005" },           // id, but an id-less Alpha came first: duplicate
        ];

        papers.Where(dedupe.TryAdd).Select(p => p.Title).Should().Equal("Alpha", "Beta", "Beta");
        dedupe.Count.Should().Be(3);
    }

    [Fact]
    public void The_two_corpus_snapshots_hold_95_distinct_papers()
    {
        var dedupe = new PaperDeduplicator();
        var papers = FeedParser.Parse(File.ReadAllText(TestData.Corpus000)).Concat(FeedParser.Parse(File.ReadAllText(TestData.Corpus001)))
            .SelectMany(f => f.Papers);

        papers.Count(dedupe.TryAdd).Should().Be(95, "the format notes count 36 titles in both files, 95 distinct");
    }
}
