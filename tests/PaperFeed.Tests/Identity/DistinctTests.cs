namespace PaperFeed.Tests.Identity;

/// <summary>Identity over a sequence: the rule shared by --dedupe, merge and diff.</summary>
public class DistinctTests
{
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
}
