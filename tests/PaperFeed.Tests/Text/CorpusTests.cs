using System.Text;

namespace PaperFeed.Tests.Text;

/// <summary>The two real snapshots: counts and exact values of several entries.</summary>
public class CorpusTests
{
    private const string SsdLlmTitle = "LLM as Dataset Analyst: Subpopulation Structure Discovery with Large Language Model";
    private const string RepeatedSentence = "Furthermore, we propose complete workflows to address downstream tasks, named Task-specific Tuning, showcasing the application of the discovered structure to a spectrum of subpopulation-related tasks, including dataset subpopulation organization, subpopulation shift, and slice discovery.";

    private static string Text000 => File.ReadAllText(TestData.Corpus000);

    private static string Text001 => File.ReadAllText(TestData.Corpus001);

    [Fact]
    public void First_snapshot_has_78_papers_without_metadata()
    {
        var result = ParseResult.Of(Text000);

        result.Feeds.Should().ContainSingle();
        result.Feeds[0].Title.Should().Be("Daily Papers");
        result.Feeds[0].Date.Should().Be(new PaperDate(null, 8, 28));
        result.Feeds[0].Papers.Should().HaveCount(78);
        result.Papers.Should().OnlyContain(p => p.AuthorCount == null && p.Published == null && p.Upvotes == null && p.Abstract != null);
        result.Papers.Should().OnlyContain(p => p.Featured == new PaperDate(null, 8, 28));
        result.Diagnostics.Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Info, "a clean snapshot has nothing to warn about");
    }

    [Fact]
    public void First_snapshot_entries_have_exact_values()
    {
        var papers = FeedParser.Parse(Text000)[0].Papers;

        papers[0].Title.Should().Be("Task-Specific Skill Localization in Fine-tuned Language Models");
        papers[0].Abstract.Should().StartWith("Pre-trained language models can be fine-tuned to solve diverse NLP tasks")
            .And.EndWith("can assist certain forms of continual learning.");
        papers[0].SourceLine.Should().Be(13);

        papers[1].Title.Should().Be(SsdLlmTitle);
        papers[1].Abstract.Should().StartWith("The distribution of subpopulations is an important property hidden within a dataset.");
        papers[1].SourceLine.Should().Be(17);

        papers[^2].Title.Should().Be("Learning Latent Plans from Play");
        papers[^2].Abstract.Should().StartWith("Acquiring a diverse repertoire of general-purpose skills")
            .And.EndWith("data are available at learning-from-play.github.io");

        papers[^1].Title.Should().Be("Reconstructing commuters network using machine learning and urban indicators");
        papers[^1].Abstract.Should().StartWith("Human mobility has a significant impact on several layers of society")
            .And.EndWith("information about the existence of links connecting entities in the network.", "the file has no final newline");
        papers[^1].SourceLine.Should().Be(321);
        papers[^1].AuthorCount.Should().BeNull();
    }

    [Fact]
    public void Second_snapshot_has_53_papers_50_with_metadata()
    {
        var result = ParseResult.Of(Text001);

        result.Feeds.Should().ContainSingle();
        result.Feeds[0].Date.Should().Be(new PaperDate(null, 12, 30));
        result.Papers.Should().HaveCount(53);
        result.Papers.Count(p => p.AuthorCount != null).Should().Be(50);
        result.Papers.Where(p => p.AuthorCount != null).Should().OnlyContain(p => p.Published != null && p.Abstract != null);
        result.Diagnostics.Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Info);
    }

    [Fact]
    public void Second_snapshot_names_the_three_entries_without_metadata()
    {
        var papers = FeedParser.Parse(Text001)[0].Papers;

        papers.Where(p => p.AuthorCount == null && p.Published == null).Select(p => p.Title).Should().Equal(
            "Multilingual Routing in Mixture-of-Experts",
            "SpatialTree: How Spatial Abilities Branch Out in MLLMs",
            "RedOne 2.0: Rethinking Domain-specific LLM Post-Training in Social Networking Services");
        papers.Single(p => p.Title == "Multilingual Routing in Mixture-of-Experts").Abstract.Should().StartWith("Mixture-of-Experts (MoE) architectures have become the key");
    }

    [Fact]
    public void Second_snapshot_entries_have_exact_values()
    {
        var papers = FeedParser.Parse(Text001)[0].Papers;

        var first = papers[0];
        first.Title.Should().Be("Task-Specific Skill Localization in Fine-tuned Language Models");
        first.Abstract.Should().StartWith("Pre-trained language models can be fine-tuned").And.EndWith("assist certain forms of continual learning.");
        first.AuthorCount.Should().Be(4);
        first.Published.Should().Be(new PaperDate(2023, 2, 13));
        first.Upvotes.Should().BeNull();
        first.SourceLine.Should().Be(13);
        first.Featured.Should().Be(new PaperDate(null, 12, 30));

        var second = papers[1];
        second.Title.Should().Be("Unraveling the cognitive patterns of Large Language Models through module communities");
        second.AuthorCount.Should().Be(3);
        second.Published.Should().Be(new PaperDate(null, 8, 25));
        second.Upvotes.Should().Be(2);

        var third = papers[2];
        third.Title.Should().Be(SsdLlmTitle);
        third.AuthorCount.Should().Be(6);
        third.Published.Should().Be(new PaperDate(2024, 5, 3));

        var tower = papers.Single(p => p.Title.StartsWith("Tower+:", StringComparison.Ordinal));
        tower.AuthorCount.Should().Be(7);
        tower.Published.Should().Be(new PaperDate(null, 6, 20));
        tower.Upvotes.Should().Be(2);
        tower.Abstract.Should().StartWith("Fine-tuning pretrained LLMs has been shown to be an effective");

        var last = papers[^1];
        last.Title.Should().Be("Multi-task Self-supervised Graph Neural Networks Enable Stronger Task Generalization");
        last.Abstract.Should().StartWith("Self-supervised learning (SSL) for graph neural networks (GNNs)")
            .And.EndWith("Our code is publicly available at https://github.com/jumxglhf/ParetoGNN.");
        last.AuthorCount.Should().Be(7);
        last.Published.Should().Be(new PaperDate(2022, 10, 5), "the file ends on the date line, without a newline");
        last.SourceLine.Should().Be(417);
    }

    [Fact]
    public void One_authors_line_is_an_author_count_of_one()
    {
        var result = ParseResult.Of(Text001);

        var localist = result.Papers.Single(p => p.Title == "Localist LLMs with Recruitment Learning");
        localist.AuthorCount.Should().Be(1, "the corpus writes '• 1 authors'");
        localist.Published.Should().Be(new PaperDate(null, 10, 20));
        localist.Abstract.Should().StartWith("We present a novel framework for training large language models");
        result.Diagnostics.Should().NotContain(d => d.Line == 325);
    }

    [Fact]
    public void SsdLlm_abstract_collapses_its_repeated_final_sentence()
    {
        foreach (var text in new[] { Text000, Text001 })
        {
            var result = ParseResult.Of(text);
            var paper = result.Papers.Single(p => p.Title == SsdLlmTitle);

            Occurrences(paper.Abstract!, RepeatedSentence).Should().Be(1);
            paper.Abstract.Should().EndWith("subpopulation-related tasks, including dataset subpopulation organization, subpopulation shift, and slice discovery.");
            var info = result.WithCode(DiagnosticCodes.DuplicateSentences).Should().ContainSingle().Subject;
            info.Line.Should().Be(paper.SourceLine + 2);
            var line = text.Split('\n')[(int)info.Line!.Value - 1];
            info.Column.Should().Be(line.LastIndexOf(RepeatedSentence, StringComparison.Ordinal) + 1, "it points at the dropped copy");

            var kept = FeedParser.Parse(text, new FeedParserOptions { DuplicateSentences = DuplicateSentenceHandling.Keep })
                .SelectMany(f => f.Papers).Single(p => p.Title == SsdLlmTitle);
            Occurrences(kept.Abstract!, RepeatedSentence).Should().Be(2);
            kept.Abstract.Should().Be(paper.Abstract + " " + RepeatedSentence);
        }
    }

    [Fact]
    public void Same_papers_in_both_snapshots_have_identical_abstracts()
    {
        var first = FeedParser.Parse(Text000)[0].Papers.ToDictionary(p => p.Title);
        var second = FeedParser.Parse(Text001)[0].Papers;

        var shared = second.Where(p => first.ContainsKey(p.Title)).ToList();
        shared.Should().HaveCount(36);
        shared.Should().OnlyContain(p => p.Abstract == first[p.Title].Abstract);
        first.Keys.Union(second.Select(p => p.Title)).Should().HaveCount(95);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("")]
    public void Concatenated_snapshots_give_two_feeds_and_131_papers(string separator)
    {
        var result = ParseResult.Of(Text000 + separator + Text001);

        result.Feeds.Should().HaveCount(2);
        result.Feeds.Select(f => f.Date).Should().Equal(new PaperDate(null, 8, 28), new PaperDate(null, 12, 30));
        result.Feeds[0].Papers.Should().HaveCount(78);
        result.Feeds[1].Papers.Should().HaveCount(53);
        result.Feeds[1].Should().Be(FeedParser.Parse(Text001)[0]);
        if (separator.Length > 0)
        {
            result.Feeds[0].Should().Be(FeedParser.Parse(Text000)[0]);
        }
        else
        {
            // Without a newline the header's first line glues onto the last abstract: the rest of the header still starts the next snapshot.
            result.Feeds[0].Papers[^1].Abstract.Should().EndWith("connecting entities in the network.new");
        }
    }

    [Fact]
    public void Concatenated_snapshots_count_without_materialising()
    {
        var stats = FeedParser.Count(new StringReader(Text000 + "\n" + Text001));

        stats.Feeds.Should().Be(2);
        stats.Papers.Should().Be(131);
        stats.PapersWithMetadata.Should().Be(50);
        stats.Lines.Should().Be(323 + 423, "each file has one line more than newlines");
        stats.Warnings.Should().Be(0);
        stats.Infos.Should().Be(2, "the SSD-LLM abstract is collapsed once per snapshot");
    }

    [Fact]
    public async Task CountAsync_on_a_stream_matches_Count_on_a_reader()
    {
        await using var stream = File.OpenRead(TestData.Corpus001);

        var fromStream = await FeedParser.CountAsync(stream);

        fromStream.Should().Be(FeedParser.Count(new StringReader(Text001)));
        fromStream.Should().Be(new FeedStatistics { Feeds = 1, Papers = 53, PapersWithMetadata = 50, Lines = 423, Warnings = 0, Infos = 1 });
    }

    [Fact]
    public void Crlf_and_cr_copies_parse_to_equal_records()
    {
        foreach (var text in new[] { Text000, Text001 })
        {
            var expected = FeedParser.Parse(text);
            FeedParser.Parse(text.Replace("\n", "\r\n", StringComparison.Ordinal)).Should().Equal(expected);
            FeedParser.Parse(text.Replace("\n", "\r", StringComparison.Ordinal)).Should().Equal(expected);
        }
    }

    [Fact]
    public async Task Stream_and_reader_give_equal_records()
    {
        foreach (var path in new[] { TestData.Corpus000, TestData.Corpus001 })
        {
            await using var stream = File.OpenRead(path);
            var fromStream = new List<Paper>();
            await foreach (var paper in FeedParser.ReadPapersAsync(stream)) fromStream.Add(paper);

            using var reader = new StreamReader(path, Encoding.UTF8);
            fromStream.Should().Equal(FeedParser.ReadPapers(reader).ToList());
            fromStream.Select(p => p.SourceLine).Should().BeInAscendingOrder();
        }
    }

    private static int Occurrences(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
