using CsCheck;
using PaperFeed.Tests.Generators;

namespace PaperFeed.Tests.Merge;

public class PaperMergerTests
{
    [Fact]
    public void The_two_corpus_snapshots_merge_to_95_distinct_papers_with_first_and_last_days()
    {
        var options = new FeedParserOptions { ReferenceDate = new DateOnly(2025, 12, 31) };
        var merger = new PaperMerger();
        foreach (string path in new[] { TestData.Corpus000, TestData.Corpus001 })
        {
            foreach (var feed in FeedParser.Parse(File.ReadAllText(path), options)) merger.Add(feed, path);
        }

        var merged = merger.GetResults();

        merged.Should().HaveCount(95);
        merger.Count.Should().Be(95);
        var twice = merged.Where(m => m.Observations == 2).ToList();
        twice.Should().HaveCount(36);
        twice.Should().OnlyContain(m => m.FirstFeatured == new PaperDate(2025, 8, 28) && m.LastFeatured == new PaperDate(2025, 12, 30));
        twice.Should().OnlyContain(m => m.Paper.Featured == m.LastFeatured);
    }

    [Fact]
    public void The_submitter_a_page_shows_survives_a_merge_with_a_copy_that_lacks_it_and_a_change_shows_in_a_diff()
    {
        // The trending page names who submitted a paper; the browser copy of a daily page does not.
        var fromTrending = new Paper { Title = "A paper", ArxivId = "2501.00001", Details = new PaperDetails { Submitter = "akhaliq" } };
        var fromCopy = new Paper { Title = "A paper", ArxivId = "2501.00001", Upvotes = 12 };
        var merger = new PaperMerger();
        merger.Add(new Feed { Date = new PaperDate(2025, 1, 2), Papers = [fromTrending] }, "trending.md");
        merger.Add(new Feed { Date = new PaperDate(2025, 1, 3), Papers = [fromCopy] }, "daily.txt");

        var merged = merger.GetResults().Single().Paper;
        var changes = PaperDiff.Compute([fromTrending], [fromTrending with { Details = new PaperDetails { Submitter = "someone" } }]);

        merged.Details!.Submitter.Should().Be("akhaliq");
        merged.Upvotes.Should().Be(12);
        changes.Single().Changes.Should().ContainSingle(f => f.Field == "submitter" && f.Old!.Value.GetString() == "akhaliq" && f.New!.Value.GetString() == "someone");
    }

    [Fact]
    public void Later_snapshot_wins_counts_whatever_the_order_and_other_fields_are_filled()
    {
        var text = new Paper { Title = "Sparse  Agents", Abstract = "Text abstract.", Upvotes = 3, AuthorCount = 2, Published = new PaperDate(null, 9, 1), Featured = new PaperDate(2025, 9, 2) };
        var api = new Paper
        {
            Title = "Sparse Agents", Upvotes = 9, ArxivId = "2509.00001v2", Published = new PaperDate(2025, 9, 1), Featured = new PaperDate(2025, 9, 3),
            Authors = [new("A"), new("B")], Details = new PaperDetails { GithubStars = 40, GithubRepo = "https://github.com/a/b" },
        };
        var older = new Paper { Title = "sparse agents", Upvotes = 1, Featured = new PaperDate(2025, 9, 1), Details = new PaperDetails { GithubStars = 5, CommentCount = 7 } };

        foreach (var order in new[] { new[] { text, api, older }, [older, api, text], [api, older, text] })
        {
            var merged = PaperMerger.Merge(order).Should().ContainSingle().Subject;

            merged.Paper.Upvotes.Should().Be(9);
            merged.Paper.Details!.GithubStars.Should().Be(40);
            merged.Paper.Details.CommentCount.Should().Be(7, "only the oldest copy has comments");
            merged.Paper.Abstract.Should().Be("Text abstract.");
            merged.Paper.ArxivId.Should().Be("2509.00001v2");
            merged.Paper.Published.Should().Be(new PaperDate(2025, 9, 1), "the dated form of the same day wins over the year-less one");
            merged.Paper.Authors.Should().HaveCount(2);
            merged.Paper.Title.Should().Be("Sparse Agents", "the latest copy's spelling of an equal title");
            merged.FirstFeatured.Should().Be(new PaperDate(2025, 9, 1));
            merged.LastFeatured.Should().Be(new PaperDate(2025, 9, 3));
            merged.Observations.Should().Be(3);
        }
    }

    [Fact]
    public void Without_dates_the_later_copy_in_input_order_wins_counts()
    {
        var first = new Paper { Title = "T", Upvotes = 50 };
        var second = new Paper { Title = "T", Upvotes = 2 };

        PaperMerger.Merge([first, second]).Single().Paper.Upvotes.Should().Be(2);
        PaperMerger.Merge([second, first]).Single().Paper.Upvotes.Should().Be(50);
    }

    [Fact]
    public void Two_abstracts_for_one_paper_are_a_conflict_and_the_newer_is_kept()
    {
        var diagnostics = new List<FeedDiagnostic>();
        var newer = new Paper { Title = "T", ArxivId = "2509.1", Abstract = "New.", Featured = new PaperDate(2025, 9, 2), SourceLine = 12 };
        var older = new Paper { Title = "T", ArxivId = "2509.1", Abstract = "Old.", Featured = new PaperDate(2025, 9, 1) };
        var merger = new PaperMerger(diagnostics.Add);

        merger.Add(newer, "b.txt");
        merger.Add(older, "a.txt");

        merger.GetResults().Single().Paper.Abstract.Should().Be("New.");
        var diagnostic = diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DiagnosticCodes.MergeConflict);
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Warning);
        diagnostic.Source.Should().Be("a.txt");
        diagnostic.Location.Should().Be(DiagnosticLocation.None, "a conflict is between two copies, not at one place of an input (the newer copy's SourceLine is not it)");
        diagnostic.ToString().Should().StartWith("a.txt: warning PF301: ");
        diagnostic.Message.Should().Contain("abstract").And.Contain("New.").And.Contain("Old.");
    }

    [Fact]
    public void Different_arxiv_ids_with_one_title_stay_two_papers()
    {
        PaperMerger.Merge([new Paper { Title = "T", ArxivId = "2509.1" }, new Paper { Title = "T", ArxivId = "2509.2" }]).Should().HaveCount(2);
    }

    [Fact]
    public void Merge_is_idempotent()
    {
        PaperGen.Papers.Sample(papers =>
        {
            var once = PaperMerger.Merge(papers).Select(m => m.Paper).ToList();

            PaperMerger.Merge(once).Select(m => m.Paper).Should().Equal(once);
            PaperMerger.Merge(papers.Concat(papers)).Select(m => m.Paper).Should().Equal(once);
        }, iter: 300);
    }

    [Fact]
    public void Merge_is_insensitive_to_order_when_every_copy_has_its_own_day()
    {
        var gen = PaperGen.Papers.SelectMany(papers =>
        {
            // Distinct featured days: then "later" never falls back to input order.
            var dated = papers.Select((p, i) => p with { Featured = new PaperDate(DateOnly.FromDayNumber(739000 + i)) }).ToArray();
            return Gen.Shuffle(dated).Select(shuffled => (dated, shuffled));
        });

        gen.Sample((dated, shuffled) =>
        {
            Canonical(PaperMerger.Merge(shuffled)).Should().Equal(Canonical(PaperMerger.Merge(dated)));
        }, iter: 300);
    }

    [Fact]
    public async Task Async_adding_gives_the_same_result()
    {
        var papers = FeedParser.Parse(File.ReadAllText(TestData.Corpus001)).Single().Papers;
        var merger = new PaperMerger();

        await merger.AddRangeAsync(papers.ToAsyncEnumerable());

        merger.GetResults().Should().Equal(PaperMerger.Merge(papers));
    }

    private static List<MergedPaper> Canonical(IReadOnlyList<MergedPaper> merged) =>
        merged.OrderBy(m => PaperIdentity.NormalizeTitle(m.Paper.Title), StringComparer.Ordinal).ToList();
}
