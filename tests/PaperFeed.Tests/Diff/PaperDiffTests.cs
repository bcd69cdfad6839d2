using System.Text;
using CsCheck;
using PaperFeed.Tests.Generators;

namespace PaperFeed.Tests.Diff;

public class PaperDiffTests
{
    private static readonly Paper A = new() { Title = "Alpha", ArxivId = "2509.00001", Upvotes = 3 };
    private static readonly Paper B = new() { Title = "Beta" };
    private static readonly Paper C = new() { Title = "Gamma", ArxivId = "2509.00003" };

    [Fact]
    public void Lists_new_order_then_removed_in_old_order()
    {
        var old = new[] { B, A, C, new Paper { Title = "Delta" } };
        var @new = new[] { new Paper { Title = "Epsilon" }, A with { Upvotes = 9, ArxivId = "2509.00001v2" }, B };

        var changes = PaperDiff.Compute(old, @new);

        changes.Select(c => (c.Kind, c.Title)).Should().Equal(
            (PaperChangeKind.Added, "Epsilon"), (PaperChangeKind.Changed, "Alpha"), (PaperChangeKind.Removed, "Gamma"), (PaperChangeKind.Removed, "Delta"));
        changes[1].Changes.Select(c => c.Field).Should().Equal("upvotes", "arxivId");
    }

    [Fact]
    public void Json_lines_have_the_documented_shape()
    {
        var changes = PaperDiff.Compute([A, B], [A with { Upvotes = 9, Abstract = "Né." }, C]);
        using var buffer = new MemoryStream();

        PaperDiff.WriteJsonLines(buffer, changes);

        Encoding.UTF8.GetString(buffer.ToArray()).Should().Be(
            """{"change":"changed","title":"Alpha","arxivId":"2509.00001","changes":{"abstract":{"old":null,"new":"Né."},"upvotes":{"old":3,"new":9}}}""" + "\n" +
            """{"change":"added","title":"Gamma","arxivId":"2509.00003"}""" + "\n" +
            """{"change":"removed","title":"Beta"}""" + "\n");
        PaperDiff.ToJsonLine(changes[1]).Should().Be("""{"change":"added","title":"Gamma","arxivId":"2509.00003"}""");
    }

    [Fact]
    public void Lists_strings_with_quotes_and_non_ascii_and_numbers_keep_their_exact_bytes_in_json_lines_and_the_table()
    {
        var old = new Paper { Title = "Ünïcode <b>", ArxivId = "2509.1", Authors = [new("Ada"), new("Zoë \"Z\"")], Upvotes = 3, Details = new PaperDetails { AiKeywords = ["a&b"] } };
        var @new = old with { Authors = [new("Ada")], Upvotes = null, Details = new PaperDetails { AiKeywords = ["a&b", "日本"], GithubStars = 12 } };
        var changes = PaperDiff.Compute([old], [@new]);
        var writer = new StringWriter { NewLine = "\n" };

        PaperDiff.WriteTable(writer, changes);

        PaperDiff.ToJsonLine(changes.Single()).Should().Be(
            """{"change":"changed","title":"Ünïcode <b>","arxivId":"2509.1","changes":{"authors":{"old":["Ada","Zoë \"Z\""],"new":["Ada"]},"upvotes":{"old":3,"new":null},"aiKeywords":{"old":["a&b"],"new":["a&b","日本"]},"githubStars":{"old":null,"new":12}}}""");
        writer.ToString().Should().Be(
            "changed  Ünïcode <b> (2509.1)\n" +
            "           authors: [\"Ada\",\"Zoë \\\"Z\\\"\"] -> [\"Ada\"]\n" +
            "           upvotes: 3 -> (none)\n" +
            "           aiKeywords: [\"a&b\"] -> [\"a&b\",\"日本\"]\n" +
            "           githubStars: (none) -> 12\n" +
            "0 added, 1 changed, 0 removed\n");
    }

    [Fact]
    public void Field_changes_are_immutable_values_equal_as_json()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"a": 1.0, "b": "\u00e9", "c": [1, "x"]}""");
        var root = document.RootElement;
        var parsed = new PaperFieldChange("f", root.GetProperty("a"), root.GetProperty("c"));
        var written = new PaperFieldChange("f", System.Text.Json.JsonDocument.Parse("1").RootElement, System.Text.Json.JsonDocument.Parse("[1,\"x\"]").RootElement);
        var escaped = new PaperFieldChange("g", root.GetProperty("b"), null);
        var plain = new PaperFieldChange("g", System.Text.Json.JsonDocument.Parse("\"é\"").RootElement, null);

        parsed.Should().Be(written, "1.0 and 1 are the same JSON number");
        parsed.GetHashCode().Should().Be(written.GetHashCode());
        escaped.Should().Be(plain);
        escaped.GetHashCode().Should().Be(plain.GetHashCode());
        escaped.Should().NotBe(plain with { Old = System.Text.Json.JsonDocument.Parse("\"e\"").RootElement });
        plain.Should().NotBe(plain with { New = plain.Old });
        document.Dispose();
        parsed.New!.Value.GetArrayLength().Should().Be(2, "a change owns its values: disposing the document they came from changes nothing");
        escaped.Old!.Value.GetString().Should().Be("é");
    }

    [Fact]
    public void The_table_is_readable_and_counts()
    {
        var writer = new StringWriter { NewLine = "\n" };

        PaperDiff.WriteTable(writer, PaperDiff.Compute([A, B], [A with { Upvotes = 9 }, C]));

        writer.ToString().Should().Be(
            "changed  Alpha (2509.00001)\n" +
            "           upvotes: 3 -> 9\n" +
            "added    Gamma (2509.00003)\n" +
            "removed  Beta\n" +
            "1 added, 1 changed, 1 removed\n");
    }

    [Fact]
    public void A_text_copy_matches_an_api_copy_by_title()
    {
        var text = new Paper { Title = "Sparse Agents", Upvotes = 2 };
        var api = new Paper { Title = "Sparse agents", ArxivId = "2509.7", Upvotes = 2 };

        PaperDiff.Compute([text], [api]).Should().ContainSingle()
            .Which.Changes.Select(c => c.Field).Should().Equal("title", "arxivId");
    }

    [Fact]
    public void A_day_with_under_half_of_its_papers_gets_a_warning()
    {
        var day = new PaperDate(2025, 9, 15);
        var old = Enumerable.Range(0, 10).Select(i => new Paper { Title = $"P{i}", Featured = day }).ToList();
        var diagnostics = new List<FeedDiagnostic>();

        PaperDiff.Compute(old, old.Take(4), diagnostics.Add);
        PaperDiff.Compute(old, old.Take(5), diagnostics.Add);

        var warning = diagnostics.Should().ContainSingle().Subject;
        warning.Code.Should().Be(DiagnosticCodes.HalfPublishedDay);
        warning.Message.Should().Contain("4 papers featured on 2025-09-15, OLD has 10");
        (warning.Location.IsNone, warning.Line, warning.Source).Should().Be((true, null, null), "a diff warning is about two snapshots, not a place in one");
        warning.ToString().Should().Be("warning PF302: " + warning.Message);
    }

    [Fact]
    public void Feeds_of_the_same_week_are_compared_by_period()
    {
        var week = FeedPeriod.Parse("2025-W38");
        var old = new Feed { Period = week, Papers = Enumerable.Range(0, 6).Select(i => new Paper { Title = $"P{i}" }).ToList() };
        var diagnostics = new List<FeedDiagnostic>();

        var changes = PaperDiff.Compute([old], [old with { Papers = old.Papers.Take(2).ToList() }], diagnostics.Add);

        changes.Should().HaveCount(4).And.OnlyContain(c => c.Kind == PaperChangeKind.Removed);
        diagnostics.Should().ContainSingle().Which.Message.Should().Contain("NEW has 2 papers featured on 2025-W38, OLD has 6");
        PaperDiff.Compute([old], [new Feed { Period = FeedPeriod.Parse("2025-W39") }], diagnostics.Add);
        diagnostics.Should().HaveCount(1, "different periods are not compared");
    }

    [Fact]
    public void Diff_of_a_listing_with_itself_is_empty()
    {
        PaperGen.Papers.Sample(papers => PaperDiff.Compute(papers, papers).Should().BeEmpty(), iter: 300);
        var corpus = FeedParser.Parse(File.ReadAllText(TestData.Corpus001)).Single().Papers;
        PaperDiff.Compute(corpus, FeedParser.Parse(File.ReadAllText(TestData.Corpus001)).Single().Papers).Should().BeEmpty();
    }

    [Fact]
    public void Applying_the_diff_to_old_identities_gives_the_new_ones()
    {
        Gen.Select(PaperGen.Papers, PaperGen.Papers).Sample((old, @new) =>
        {
            var changes = PaperDiff.Compute(old, @new);
            var identities = Keys(PaperIdentity.Distinct(old));

            identities.ExceptWith(Keys(changes.Where(c => c.Kind == PaperChangeKind.Removed).Select(c => c.Paper)));
            identities.UnionWith(Keys(changes.Where(c => c.Kind == PaperChangeKind.Added).Select(c => c.Paper)));

            var expected = Keys(PaperIdentity.Distinct(@new));
            identities.SetEquals(expected).Should().BeTrue($"{string.Join(",", identities)} should be {string.Join(",", expected)}");
            // A changed paper's listed fields are exactly the ones that differ.
            foreach (var change in changes.Where(c => c.Kind == PaperChangeKind.Changed)) change.Changes.Should().NotBeEmpty();
        }, iter: 300);
    }

    // The generator derives arXiv ids from titles, so the normalised title is the identity.
    private static HashSet<string> Keys(IEnumerable<Paper> papers) => papers.Select(p => PaperIdentity.NormalizeTitle(p.Title)).ToHashSet();
}
