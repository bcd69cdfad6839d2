namespace PaperFeed.Tests.Text;

/// <summary>PaperDate: validation, parsing, ISO formatting and resolution.</summary>
public class PaperDateTests
{
    [Theory]
    [InlineData("Feb 13, 2023", 2023, 2, 13)]
    [InlineData("Aug 25", null, 8, 25)]
    [InlineData("  aug 5 ", null, 8, 5)]
    [InlineData("September 30, 2021", 2021, 9, 30)]
    [InlineData("Sept 1", null, 9, 1)]
    [InlineData("2023-02-13", 2023, 2, 13)]
    [InlineData("--08-25", null, 8, 25)]
    [InlineData("Feb 29", null, 2, 29)]
    [InlineData("Feb 29, 2024", 2024, 2, 29)]
    public void Parses_listing_and_iso_forms(string text, int? year, int month, int day)
    {
        PaperDate.Parse(text).Should().Be(new PaperDate(year, month, day));
        PaperDate.TryParse(text, out var parsed).Should().BeTrue();
        parsed.Should().Be(new PaperDate(year, month, day));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Feb")]
    [InlineData("Feb 30")]
    [InlineData("Feb 29, 2023")]
    [InlineData("Aug 25 2")]
    [InlineData("Aug 25, 23")]
    [InlineData("Foo 12")]
    [InlineData("2023-13-01")]
    [InlineData("--02-30")]
    [InlineData("2023/02/13")]
    public void Rejects_what_is_not_a_date(string text)
    {
        PaperDate.TryParse(text, out _).Should().BeFalse();
        FluentActions.Invoking(() => PaperDate.Parse(text)).Should().Throw<FormatException>();
    }

    [Theory]
    [InlineData(2023, 2, 13, "2023-02-13")]
    [InlineData(null, 8, 25, "--08-25")]
    [InlineData(5, 1, 2, "0005-01-02")]
    public void Formats_as_iso_or_gmonthday_and_round_trips(int? year, int month, int day, string expected)
    {
        var date = new PaperDate(year, month, day);

        date.ToString().Should().Be(expected);
        PaperDate.Parse(date.ToString()).Should().Be(date);
    }

    [Theory]
    [InlineData(2023, 2, 29)]
    [InlineData(null, 2, 30)]
    [InlineData(null, 13, 1)]
    [InlineData(null, 4, 31)]
    [InlineData(0, 1, 1)]
    [InlineData(null, 1, 0)]
    public void Constructor_validates(int? year, int month, int day)
    {
        FluentActions.Invoking(() => new PaperDate(year, month, day)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(8, 25, 2026, 8, 25, 2026)]
    [InlineData(8, 26, 2026, 8, 25, 2025)]
    [InlineData(1, 1, 2026, 12, 31, 2026)]
    [InlineData(12, 31, 2026, 1, 1, 2025)]
    public void Resolve_gives_the_latest_such_date_on_or_before_the_reference(int month, int day, int refYear, int refMonth, int refDay, int expected)
    {
        new PaperDate(null, month, day).Resolve(new DateOnly(refYear, refMonth, refDay)).Should().Be(new PaperDate(expected, month, day));
    }

    [Fact]
    public void Resolve_keeps_a_known_year_and_stays_year_less_before_year_one()
    {
        new PaperDate(2020, 5, 1).Resolve(new DateOnly(2026, 1, 1)).Should().Be(new PaperDate(2020, 5, 1));
        new PaperDate(null, 12, 31).Resolve(new DateOnly(1, 1, 1)).Should().Be(new PaperDate(null, 12, 31));
        new PaperDate(null, 8, 25).ToDateOnly().Should().BeNull();
        new PaperDate(2023, 8, 25).ToDateOnly().Should().Be(new DateOnly(2023, 8, 25));
    }
}
