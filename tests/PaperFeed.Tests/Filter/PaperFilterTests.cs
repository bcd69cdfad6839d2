using System.Text.RegularExpressions;
using CsCheck;
using PaperFeed.Tests.Generators;

namespace PaperFeed.Tests.Filter;

public class PaperFilterTests
{
    private static readonly Gen<PaperFilter> Filters =
        Gen.Select(
            Gen.Nullable(Gen.Int[0, 300], 0.5),
            Gen.Null(Gen.OneOf<string>("agents", "^sparse", "(?-i)LLM", "quotes|diffusion"), 0.5),
            Gen.Bool,
            Gen.Null(Gen.OneOf<string>("google", "META", "Google"), 0.7),
            Gen.Nullable(Gen.Enum<PaperSortKey>(), 0.3),
            Gen.Nullable(Gen.Int[0, 12], 0.4),
            (min, match, hasCode, org, sort, top) => new PaperFilter
            {
                MinUpvotes = min, Match = match, HasCode = hasCode, Organization = org, SortBy = sort, Top = top,
            });

    [Fact]
    public void Equals_a_linq_reference_on_random_feeds()
    {
        Gen.Select(PaperGen.Papers, Filters).Sample((papers, filter) =>
            filter.Apply(papers).Should().Equal(Reference(papers, filter), (a, b) => ReferenceEquals(a, b)),
            iter: 500);
    }

    [Fact]
    public async Task The_async_path_gives_the_same_papers()
    {
        await Gen.Select(PaperGen.Papers, Filters).SampleAsync(async (papers, filter) =>
        {
            var result = new List<Paper>();
            await foreach (var paper in filter.ApplyAsync(papers.ToAsyncEnumerable())) result.Add(paper);
            result.Should().Equal(filter.Apply(papers), (a, b) => ReferenceEquals(a, b));
        }, iter: 100);
    }

    [Fact]
    public void Top_n_keeps_input_order_among_ties()
    {
        var papers = Enumerable.Range(0, 10).Select(i => new Paper { Title = $"P{i}", Upvotes = i % 3 }).ToList();

        var top = new PaperFilter { SortBy = PaperSortKey.Upvotes, Top = 4 }.Apply(papers).Select(p => p.Title);

        top.Should().Equal("P2", "P5", "P8", "P1");
    }

    [Fact]
    public void Missing_values_sort_last_and_dated_before_yearless()
    {
        Paper P(string title, PaperDate? published) => new() { Title = title, Published = published };
        var papers = new[] { P("none", null), P("yearless", new PaperDate(null, 12, 1)), P("old", new PaperDate(2023, 1, 1)), P("new", new PaperDate(2025, 1, 1)) };

        new PaperFilter { SortBy = PaperSortKey.Published }.Apply(papers).Select(p => p.Title)
            .Should().Equal("new", "old", "yearless", "none");
    }

    [Fact]
    public void Streaming_top_stops_reading_the_input()
    {
        int read = 0;
        IEnumerable<Paper> Endless()
        {
            for (int i = 0; ; i++)
            {
                read++;
                yield return new Paper { Title = $"P{i}", Upvotes = i };
            }
        }

        new PaperFilter { MinUpvotes = 10, Top = 3 }.Apply(Endless()).Select(p => p.Upvotes).Should().Equal(10, 11, 12);
        read.Should().Be(13);
    }

    [Fact]
    public void Match_is_case_insensitive_unless_the_pattern_says_otherwise_and_sees_keywords()
    {
        var withKeyword = new Paper { Title = "A", Details = new PaperDetails { AiKeywords = ["Mixture of Experts"] } };
        var inTitle = new Paper { Title = "mixture of experts routing" };

        new PaperFilter { Match = "MIXTURE" }.Apply([withKeyword, inTitle]).Should().HaveCount(2);
        new PaperFilter { Match = "(?-i)Mixture" }.Apply([withKeyword, inTitle]).Should().Equal(withKeyword);
    }

    [Fact]
    public void A_bad_pattern_is_an_argument_error_naming_it()
    {
        FluentActions.Invoking(() => new PaperFilter { Match = "(unclosed" })
            .Should().Throw<ArgumentException>().WithMessage("*'(unclosed'*").Which.ParamName.Should().Be("Match");
        FluentActions.Invoking(() => new PaperFilter { Top = -1 }).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_catastrophic_pattern_times_out_instead_of_hanging()
    {
        var filter = new PaperFilter { Match = "^(a+)+$", MatchTimeout = TimeSpan.FromMilliseconds(50) };
        var paper = new Paper { Title = new string('a', 40) + "!" };

        FluentActions.Invoking(() => filter.Apply([paper]).ToList()).Should().Throw<RegexMatchTimeoutException>();
    }

    [Fact]
    public void Filters_with_the_same_settings_are_equal()
    {
        new PaperFilter { Match = "x", Top = 3 }.Should().Be(new PaperFilter { Match = "x", Top = 3 });
    }

    /// <summary>The same semantics written plainly with LINQ (OrderBy is a stable sort).</summary>
    private static List<Paper> Reference(List<Paper> papers, PaperFilter filter)
    {
        var regex = filter.Match is null ? null : new Regex(filter.Match, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var kept = papers.Where(p =>
            (filter.MinUpvotes is null || p.Upvotes >= filter.MinUpvotes) &&
            (!filter.HasCode || p.Details?.GithubRepo is not null) &&
            (filter.Organization is null || string.Equals(p.Details?.Organization?.Name, filter.Organization, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(p.Details?.Organization?.FullName, filter.Organization, StringComparison.OrdinalIgnoreCase)) &&
            (regex is null || regex.IsMatch(p.Title) || (p.Abstract is not null && regex.IsMatch(p.Abstract)) ||
                (p.Details?.AiKeywords.Any(regex.IsMatch) ?? false)));
        kept = filter.SortBy switch
        {
            null => kept,
            PaperSortKey.Upvotes => kept.OrderBy(p => p.Upvotes is null).ThenByDescending(p => p.Upvotes),
            PaperSortKey.Comments => kept.OrderBy(p => p.Details?.CommentCount is null).ThenByDescending(p => p.Details?.CommentCount),
            PaperSortKey.Published => kept.OrderBy(p => p.Published is null).ThenByDescending(p => p.Published?.ToDateOnly()),
            PaperSortKey.Featured => kept.OrderBy(p => p.Featured is null).ThenByDescending(p => p.Featured?.ToDateOnly()),
            _ => kept.OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Title, StringComparer.Ordinal),
        };
        return (filter.Top is int top ? kept.Take(top) : kept).ToList();
    }
}
