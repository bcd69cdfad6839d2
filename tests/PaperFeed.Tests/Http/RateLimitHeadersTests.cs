using PaperFeed.Http;

namespace PaperFeed.Tests.Http;

/// <summary>The waits read from <c>RateLimit</c> (IETF draft, as the Hub sends it) and <c>Retry-After</c> (RFC 9110).</summary>
public sealed class RateLimitHeadersTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("\"api\";r=0;t=30", 31)]
    [InlineData("\"api\";r=12;t=30", null)]
    [InlineData("\"api\";r=0;t=5, \"pages\";r=0;t=120", 121)]
    [InlineData("\"api\";r=0", null)]
    [InlineData("garbage", null)]
    [InlineData(null, null)]
    public void A_policy_with_no_request_left_asks_to_wait_for_its_reset(string? header, int? seconds) =>
        RateLimitHeaders.ExhaustedWait(header).Should().Be(seconds is int s ? TimeSpan.FromSeconds(s) : null);

    [Theory]
    [InlineData(null, "7", 7)]
    [InlineData(null, "Tue, 01 Sep 2026 12:01:30 GMT", 90)]
    [InlineData(null, "Tue, 01 Sep 2026 11:00:00 GMT", 0)]
    [InlineData("\"api\";r=3;t=40", "7", 41)]
    [InlineData(null, "soon", null)]
    [InlineData(null, null, null)]
    public void A_429_waits_for_the_RateLimit_reset_else_Retry_After(string? rateLimit, string? retryAfter, int? seconds) =>
        RateLimitHeaders.RequestedWait(rateLimit, retryAfter, Now).Should().Be(seconds is int s ? TimeSpan.FromSeconds(s) : null);
}
