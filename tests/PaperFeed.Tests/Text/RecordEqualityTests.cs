namespace PaperFeed.Tests.Text;

/// <summary>Records compare by value, lists included; SourceLine is provenance and takes no part.</summary>
public class RecordEqualityTests
{
    private static readonly Paper Full = new()
    {
        Title = "T",
        Abstract = "A.",
        AuthorCount = 2,
        Authors = [new Author("Ada"), new Author("Alan")],
        Published = new PaperDate(2023, 2, 13),
        Upvotes = 5,
        ArxivId = "2302.00001",
        Url = "https://example.org/papers/2302.00001",
        Featured = new PaperDate(null, 12, 30),
        Details = new PaperDetails { AiKeywords = ["x", "y"], GithubStars = 3 },
        SourceLine = 13,
    };

    [Fact]
    public void Two_parses_of_the_same_text_are_equal()
    {
        var text = File.ReadAllText(TestData.Corpus001);

        var first = FeedParser.Parse(text);
        var second = FeedParser.Parse(text);

        first.Should().Equal(second);
        first[0].GetHashCode().Should().Be(second[0].GetHashCode());
        first[0].Papers.Should().NotBeSameAs(second[0].Papers);
    }

    [Fact]
    public void Lists_compare_element_by_element()
    {
        var copy = Full with { Authors = [new Author("Ada"), new Author("Alan")], Details = Full.Details! with { AiKeywords = ["x", "y"] } };

        copy.Should().Be(Full);
        copy.GetHashCode().Should().Be(Full.GetHashCode());
        new Feed { Papers = [Full] }.Should().Be(new Feed { Papers = [copy] });
    }

    public static TheoryData<string, Paper> Variants => new()
    {
        { "Title", Full with { Title = "U" } },
        { "Abstract", Full with { Abstract = null } },
        { "AuthorCount", Full with { AuthorCount = 3 } },
        { "Authors", Full with { Authors = [new Author("Ada")] } },
        { "Authors order", Full with { Authors = [new Author("Alan"), new Author("Ada")] } },
        { "Published", Full with { Published = new PaperDate(null, 2, 13) } },
        { "Upvotes", Full with { Upvotes = null } },
        { "ArxivId", Full with { ArxivId = "2302.00002" } },
        { "Url", Full with { Url = null } },
        { "Featured", Full with { Featured = new PaperDate(2025, 12, 30) } },
        { "Details", Full with { Details = Full.Details! with { GithubStars = 4 } } },
        { "Details null", Full with { Details = null } },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_property_but_SourceLine_takes_part_in_equality(string property, Paper variant)
    {
        variant.Should().NotBe(Full, property);
    }

    [Fact]
    public void SourceLine_takes_no_part_in_equality()
    {
        var moved = Full with { SourceLine = 99 };

        moved.Should().Be(Full);
        moved.GetHashCode().Should().Be(Full.GetHashCode());
    }

    [Fact]
    public void Feeds_compare_title_date_and_papers()
    {
        var feed = new Feed { Date = new PaperDate(null, 8, 28), Papers = [Full] };

        (feed with { Papers = [Full] }).Should().Be(feed);
        (feed with { Title = "Other" }).Should().NotBe(feed);
        (feed with { Date = null }).Should().NotBe(feed);
        (feed with { Papers = [] }).Should().NotBe(feed);
    }
}
