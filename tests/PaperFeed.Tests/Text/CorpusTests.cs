namespace PaperFeed.Tests.Text;

public class CorpusTests
{
    [Fact]
    public void First_snapshot_has_78_papers_without_metadata()
    {
        var feeds = FeedParser.Parse(File.ReadAllText(TestData.Corpus000));

        feeds.Should().ContainSingle();
        feeds[0].Date.Should().Be(new PaperDate(null, 8, 28));
        feeds[0].Papers.Should().HaveCount(78);
        feeds[0].Papers.Should().OnlyContain(p => p.AuthorCount == null && p.Published == null && p.Abstract != null);
    }

    [Fact]
    public void Second_snapshot_has_53_papers_50_with_metadata()
    {
        var feeds = FeedParser.Parse(File.ReadAllText(TestData.Corpus001));

        feeds.Should().ContainSingle();
        feeds[0].Date.Should().Be(new PaperDate(null, 12, 30));
        feeds[0].Papers.Should().HaveCount(53);
        feeds[0].Papers.Count(p => p.AuthorCount != null).Should().Be(50);

        var first = feeds[0].Papers[0];
        first.Title.Should().Be("Task-Specific Skill Localization in Fine-tuned Language Models");
        first.Abstract.Should().StartWith("Pre-trained language models can be fine-tuned").And.EndWith("assist certain forms of continual learning.");
        first.AuthorCount.Should().Be(4);
        first.Published.Should().Be(new PaperDate(2023, 2, 13));
        first.Upvotes.Should().BeNull();
        first.SourceLine.Should().Be(13);

        var second = feeds[0].Papers[1];
        second.AuthorCount.Should().Be(3);
        second.Published.Should().Be(new PaperDate(null, 8, 25));
        second.Upvotes.Should().Be(2);
    }
}
