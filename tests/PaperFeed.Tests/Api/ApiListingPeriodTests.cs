using PaperFeed.Api;

namespace PaperFeed.Tests.Api;

public class ApiListingPeriodTests
{
    [Theory]
    [InlineData("day", "2025-09-14", "2025-09-14")]
    [InlineData("week", "2025-W38", "2025-W38")]
    [InlineData("week", "2025-09-15", "2025-W38")]
    [InlineData("week", "2021-01-03", "2020-W53")]
    [InlineData("month", "2025-09-15", "2025-09")]
    [InlineData("MONTH", "2025-09", "2025-09")]
    [InlineData(null, "2025-W38", "2025-W38")]
    public void Listing_period_type_and_date_string_give_the_period(string? periodType, string dateString, string expected)
    {
        ApiListingPeriod.TryParse(periodType, dateString, out var period).Should().BeTrue();
        period.ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("day", "2025-W38")]
    [InlineData("year", "2025-09-15")]
    [InlineData("week", "not a date")]
    public void Inconsistent_listing_fields_give_no_period(string periodType, string dateString) =>
        ApiListingPeriod.TryParse(periodType, dateString, out _).Should().BeFalse();
}
