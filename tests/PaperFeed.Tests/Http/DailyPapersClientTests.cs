using PaperFeed.Http;

namespace PaperFeed.Tests.Http;

/// <summary>
/// <see cref="DailyPapersClient"/> against a real local HTTP server replaying real API days, with scripted faults, on a
/// clock 200 times faster than real time: waits are asserted in the client's time, the suite stays fast.
/// </summary>
public sealed class DailyPapersClientTests : IAsyncLifetime
{
    private ApiServer _server = null!;
    private readonly FastTime _time = new(FastTime.DefaultStart, 200);
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };

    public async Task InitializeAsync() => _server = (await ApiServer.StartAsync()).Serve("2025-10-02", ApiServer.RealApi("2025-10-02.json"));

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<List<DailyPapersPage>> FetchAsync(DailyPapersClientOptions options, string day = "2025-10-02")
    {
        using var client = new DailyPapersClient(_http, options);
        var pages = new List<DailyPapersPage>();
        await foreach (var page in client.GetDayAsync(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))) pages.Add(page);
        return pages;
    }

    [Fact]
    public async Task A_day_is_paged_with_p_until_an_empty_page_and_every_paper_comes_once_in_order()
    {
        var pages = await FetchAsync(Fetching.Options(_server, _time) with { PageSize = 10 });

        var expected = Fetching.Items(ApiServer.RealApi("2025-10-02.json")).Select(i => i.Id).ToList();
        expected.Should().HaveCount(25, "PROVENANCE.md counts 25 items");
        pages.Select(p => (p.Page, p.ItemCount, p.NewPaperCount, p.IsLast)).Should().Equal((0, 10, 10, false), (1, 10, 10, false), (2, 5, 5, false), (3, 0, 0, true));
        pages.SelectMany(p => p.PaperIds).Should().Equal(expected);
        _server.Requests.Select(r => r.PathAndQuery).Should().Equal(Enumerable.Range(0, 4).Select(p => $"/api/daily_papers?date=2025-10-02&limit=10&p={p}"));
        pages.Should().OnlyContain(p => p.StatusCode == 200 && p.Attempts == 1 && p.ObservedAt >= _time.Start);
    }

    [Fact]
    public async Task A_day_that_fits_on_one_page_comes_byte_for_byte()
    {
        var pages = await FetchAsync(Fetching.Options(_server, _time));

        pages.Should().HaveCount(2);
        pages[0].Body.ToArray().Should().Equal(File.ReadAllBytes(ApiServer.RealApi("2025-10-02.json")));
        pages[1].ItemCount.Should().Be(0);
    }

    [Fact]
    public async Task A_429_waits_what_RateLimit_asks_and_a_Retry_After_is_capped()
    {
        var attempts = new List<DailyPapersAttempt>();
        _server.Script = r => (r.Page, r.Attempt) switch
        {
            (0, 1) => Fault.Status(429, ("RateLimit", "\"api\";r=0;t=30"), ("RateLimit-Policy", "\"fixed window\";\"api\";q=500;w=300")),
            (0, 2) => Fault.Status(429, ("Retry-After", "86400")),
            _ => null,
        };
        var options = Fetching.Options(_server, _time) with { OnFailedAttempt = attempts.Add, MaxServerDelay = TimeSpan.FromMinutes(2) };

        var pages = await FetchAsync(options);

        pages[0].Attempts.Should().Be(3);
        pages.SelectMany(p => p.PaperIds).Should().HaveCount(25);
        attempts.Select(a => (a.StatusCode, a.RetryDelay)).Should().Equal(
            (429, TimeSpan.FromSeconds(31)), // t=30, plus the second the window's edge is rounded by
            (429, TimeSpan.FromMinutes(2))); // a day asked for, cut to the cap
        attempts[0].RateLimit.Should().Be("\"api\";r=0;t=30");
        attempts[1].RetryAfter.Should().Be("86400");
    }

    [Fact]
    public async Task A_503_a_reset_connection_a_truncated_body_and_an_HTML_page_are_each_retried()
    {
        var attempts = new List<DailyPapersAttempt>();
        _server.Script = r => (r.Page, r.Attempt) switch
        {
            (0, 1) => Fault.Status(503),
            (0, 2) => Fault.Reset,
            (0, 3) => Fault.Truncated,
            (0, 4) => Fault.Html,
            _ => null,
        };

        var pages = await FetchAsync(Fetching.Options(_server, _time) with { OnFailedAttempt = attempts.Add });

        pages[0].Attempts.Should().Be(5);
        pages[0].Body.ToArray().Should().Equal(File.ReadAllBytes(ApiServer.RealApi("2025-10-02.json")));
        attempts.Should().HaveCount(4);
        attempts[0].StatusCode.Should().Be(503);
        attempts[1].StatusCode.Should().BeNull("a reset connection has no response");
        attempts[2].StatusCode.Should().BeNull("the body ended before its Content-Length");
        attempts[3].Error.Should().Contain("HTML");
        // Jittered exponential backoff from 1 s: every wait positive, none beyond the cap.
        attempts.Should().OnlyContain(a => a.RetryDelay > TimeSpan.Zero && a.RetryDelay <= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_error_object_with_status_200_is_a_failed_attempt_and_a_day_that_always_fails_throws()
    {
        _server.Script = _ => new Fault(FaultKind.Status, 200, "{\"error\":\"Service temporarily overloaded\"}");
        var attempts = new List<DailyPapersAttempt>();

        var act = () => FetchAsync(Fetching.Options(_server, _time) with { MaxAttempts = 3, OnFailedAttempt = attempts.Add });

        var thrown = (await act.Should().ThrowAsync<DailyPapersException>()).Which;
        thrown.Attempts.Should().Be(3);
        thrown.StatusCode.Should().Be(200);
        thrown.Message.Should().Contain("an error object: Service temporarily overloaded").And.Contain("after 3 attempts");
        attempts.Select(a => a.RetryDelay is null).Should().Equal(false, false, true);
        _server.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_server_that_ignores_p_stops_at_the_first_page_that_brings_nothing_new()
    {
        _server.Script = _ => Fault.IgnorePage;

        var pages = await FetchAsync(Fetching.Options(_server, _time) with { PageSize = 10 });

        pages.Select(p => (p.Page, p.ItemCount, p.NewPaperCount, p.IsLast)).Should().Equal((0, 10, 10, false), (1, 10, 0, true));
    }

    [Fact]
    public async Task A_bad_request_is_not_retried()
    {
        var act = () => FetchAsync(Fetching.Options(_server, _time), "2025-10-03");

        var thrown = (await act.Should().ThrowAsync<DailyPapersException>()).Which;
        thrown.StatusCode.Should().Be(400);
        _server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task The_token_goes_to_the_endpoint_as_a_bearer_and_requests_are_paced()
    {
        var options = Fetching.Options(_server, _time) with { Token = "hf_secret", PageSize = 10, RequestsPerSecond = 0.5 };

        await FetchAsync(options);

        _server.Requests.Should().OnlyContain(r => r.Authorization == "Bearer hf_secret" && r.UserAgent.StartsWith("paperfeed/", StringComparison.Ordinal));
        // Four requests at one per 2 s: the last leaves at least 6 s (clock time) after the first.
        (_time.GetUtcNow() - _time.Start).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(6));
    }
}
