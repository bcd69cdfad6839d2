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
