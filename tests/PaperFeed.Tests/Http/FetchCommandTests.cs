using System.Globalization;
using System.Text.Json;
using PaperFeed.Http;

namespace PaperFeed.Tests.Http;

/// <summary>
/// <c>paperfeed fetch</c> and <c>paperfeed history</c> end to end, in-process, against a local server replaying real API
/// days, on a clock 200 times faster than real time that starts on 2026-09-01 12:00 UTC.
/// </summary>
public sealed class FetchCommandTests : IAsyncLifetime
{
    private ApiServer _server = null!;
    private readonly TempFolder _temp = new();
    private FastTime _time = new(FastTime.DefaultStart, 200);

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    private string Archive => _temp.File("archive");

    private Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        Fetching.RunAsync(_time, new Dictionary<string, string> { ["HF_ENDPOINT"] = _server.Endpoint.AbsoluteUri }, args);

    private static List<Feed> Feeds(string archive) => [.. DailyPapersArchive.Open(archive).ReadFeedsAsync().ToBlockingEnumerable()];

    [Fact]
    public async Task A_range_is_stored_verbatim_with_empty_days_recorded_and_reads_back_as_one_feed_per_listing_day()
    {
        _server.Serve("2026-08-14", ApiServer.RealFetch("2026-08-14.json")).ServeEmpty("2026-08-15").ServeEmpty("2026-08-16")
            .Serve("2026-08-17", ApiServer.RealApi("2026-08-20.json"));

        var run = await RunAsync("fetch", "--from", "2026-08-14", "--to", "2026-08-17", "-o", Archive);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().StartWith("paperfeed: fetch: 4 days: 4 stored (2 empty), 0 settled and skipped, 0 failed; 6 requests");
        run.Stdout.Should().BeEmpty();
        // Every body byte for byte: the real file is among the stored bodies, gunzipped.
        var bodies = Directory.GetFiles(Path.Combine(Archive, "bodies"), "*.json.gz", SearchOption.AllDirectories).Select(Gunzip).ToList();
        bodies.Should().ContainEquivalentOf(File.ReadAllBytes(ApiServer.RealFetch("2026-08-14.json")));
        var manifest = Fetching.Manifest(Archive);
        manifest[0].GetProperty("kind").GetString().Should().Be("archive");
        var pages = manifest.Where(l => l.GetProperty("kind").GetString() == "page").ToList();
        pages.Should().HaveCount(6);
        var first = pages[0];
        first.GetProperty("url").GetString().Should().Be(_server.Endpoint.AbsoluteUri + "api/daily_papers?date=2026-08-14&limit=100&p=0");
        first.GetProperty("items").GetInt32().Should().Be(23);
        first.GetProperty("status").GetInt32().Should().Be(200);
        first.GetProperty("sha256").GetString().Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(ApiServer.RealFetch("2026-08-14.json")))));
        manifest.Where(l => l.GetProperty("kind").GetString() == "complete").Select(l => (l.GetProperty("day").GetString(), l.GetProperty("papers").GetInt32()))
            .Should().Equal(("2026-08-14", 23), ("2026-08-15", 0), ("2026-08-16", 0), ("2026-08-17", 15));

        var feeds = Feeds(Archive);
        feeds.Select(f => (f.Date.ToString(), f.Papers.Count)).Should().Equal(("2026-08-14", 23), ("2026-08-15", 0), ("2026-08-16", 0), ("2026-08-17", 15));
        // The listing day is the one asked for, whatever the items' timestamps say (2026-08-20's say 08-20).
        feeds[3].Papers.Should().OnlyContain(p => p.Featured == new PaperDate(new DateOnly(2026, 8, 17)));
        feeds[0].Papers.Select(p => p.ArxivId).Should().Equal(Fetching.Items(ApiServer.RealFetch("2026-08-14.json")).Select(i => i.Id));
    }

    [Fact]
    public async Task A_day_that_always_fails_is_named_exit_1_the_others_are_stored_and_a_rerun_asks_only_for_it()
    {
        _server.Serve("2026-08-14", ApiServer.RealFetch("2026-08-14.json")).Serve("2026-08-20", ApiServer.RealApi("2026-08-20.json")).ServeEmpty("2026-08-15");
        _server.Script = r => r.Day == "2026-08-15" ? Fault.Status(503) : null;
        _time = new FastTime(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), 400);
        string[] args = ["fetch", "--date", "2026-08-14", "-o", Archive];

        var run = await RunAsync("fetch", "--from", "2026-08-14", "--to", "2026-08-15", "-o", Archive);

        run.ExitCode.Should().Be(1, run.Stderr);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        lines[0].Should().StartWith("paperfeed: error: 2026-08-15: ").And.Contain("HTTP 503").And.Contain("after 6 attempts");
        lines[1].Should().Contain("1 stored (0 empty), 0 settled and skipped, 1 failed");
        Feeds(Archive).Select(f => f.Date.ToString()).Should().Equal("2026-08-14");
        Fetching.Manifest(Archive).Count(l => l.GetProperty("kind").GetString() == "attempt").Should().Be(6);

        _server.Script = _ => null;
        int before = _server.Requests.Count;
        var rerun = await RunAsync("fetch", "--from", "2026-08-14", "--to", "2026-08-15", "-o", Archive);

        rerun.ExitCode.Should().Be(0, rerun.Stderr);
        rerun.Stderr.Should().Contain("1 stored (1 empty), 1 settled and skipped, 0 failed");
        _server.Requests.Skip(before).Should().OnlyContain(r => r.PathAndQuery.Contains("date=2026-08-15", StringComparison.Ordinal));
        Feeds(Archive).Select(f => f.Date.ToString()).Should().Equal("2026-08-14", "2026-08-15");
    }

    [Fact]
    public async Task Upvotes_that_change_between_two_runs_are_two_observations_and_the_latest_is_read()
    {
        // The real 2024-06-12, saved by an archiver at 17:06 UTC that day, then at 03:50 UTC the next.
        _time = new FastTime(new DateTimeOffset(2024, 6, 12, 17, 6, 41, TimeSpan.Zero), 200);
        _server.Serve("2024-06-12", ApiServer.RealFetch("2024-06-12.first.json"));
        (await RunAsync("fetch", "--date", "2024-06-12", "-o", Archive)).ExitCode.Should().Be(0);
        _time = new FastTime(new DateTimeOffset(2024, 6, 13, 3, 50, 1, TimeSpan.Zero), 200);
        _server.Serve("2024-06-12", ApiServer.RealFetch("2024-06-12.second.json"));

        var second = await RunAsync("fetch", "--date", "2024-06-12", "-o", Archive);
        var history = await RunAsync("history", Archive);

        second.ExitCode.Should().Be(0, second.Stderr);
        second.Stderr.Should().Contain("1 stored (0 empty), 0 settled and skipped", "a day within --settle-days is observed again");
        var rows = history.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        rows.Should().HaveCount(14 + 16);
        var gan = rows.Where(r => r.GetProperty("arxivId").GetString() == "2406.07550").ToList();
        gan.Select(r => (r.GetProperty("upvotes").GetInt32(), r.GetProperty("comments").GetInt32(), r.GetProperty("rank").GetInt32(), r.GetProperty("day").GetString()))
            .Should().Equal((23, 4, 1, "2024-06-12"), (29, 7, 1, "2024-06-12"));
        gan[0].GetProperty("observedAt").GetString().Should().StartWith("2024-06-12T17:0");
        gan[1].GetProperty("observedAt").GetString().Should().StartWith("2024-06-13T03:5");
        rows.Select(r => r.GetProperty("observedAt").GetString()).Should().BeInAscendingOrder(StringComparer.Ordinal);
        var latest = Feeds(Archive).Single();
        latest.Papers.Should().HaveCount(16);
        latest.Papers.Single(p => p.ArxivId == "2406.07436").Upvotes.Should().Be(22);
    }

    [Fact]
    public async Task A_paper_relisted_on_a_later_day_is_in_both_days_each_featured_on_its_own()
    {
        _server.Serve("2026-08-14", ApiServer.RealFetch("2026-08-14.json")).Serve("2026-08-20", ApiServer.RealApi("2026-08-20.json"));
        foreach (string day in new[] { "2026-08-15", "2026-08-16", "2026-08-17", "2026-08-18", "2026-08-19" }) _server.ServeEmpty(day);

        var run = await RunAsync("fetch", "--from", "2026-08-14", "--to", "2026-08-20", "-o", Archive);
        var parse = await RunAsync("parse", Archive, "--format", "jsonl");
        var history = await RunAsync("history", Archive, "--format", "csv");

        run.ExitCode.Should().Be(0, run.Stderr);
        parse.ExitCode.Should().Be(0, parse.Stderr);
        var omni = parse.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(p => p.TryGetProperty("arxivId", out var id) && id.GetString() == "2608.13558").ToList();
        omni.Select(p => (p.GetProperty("featured").GetString(), p.GetProperty("upvotes").GetInt32())).Should().Equal(("2026-08-14", 2), ("2026-08-20", 54));
        using var csv = Sylvan.Data.Csv.CsvDataReader.Create(new StringReader(history.Stdout));
        var found = new List<(string, string, int, string)>();
        while (csv.Read())
        {
            if (csv.GetString(0) == "2608.13558") found.Add((csv.GetString(1), csv.GetString(3), csv.GetInt32(6), csv.GetString(5)));
        }
        // Ranks and stars from the files (python3): 17th of 23 with no stars field, 5th of 15 with 15 stars.
        found.Should().Equal(("2026-08-14", "2", 17, ""), ("2026-08-20", "54", 5, "15"));
    }

    [Fact]
    public async Task The_archive_is_an_input_of_stats_merge_and_diff()
    {
        _server.Serve("2026-08-14", ApiServer.RealFetch("2026-08-14.json")).Serve("2026-08-20", ApiServer.RealApi("2026-08-20.json"));
        (await RunAsync("fetch", "--date", "2026-08-14", "-o", Archive)).ExitCode.Should().Be(0);
        (await RunAsync("fetch", "--date", "2026-08-20", "-o", Archive)).ExitCode.Should().Be(0);

        var stats = await RunAsync("stats", Archive);
        var merge = await RunAsync("merge", Archive);

        stats.ExitCode.Should().Be(0, stats.Stderr);
        using (var document = JsonDocument.Parse(stats.Stdout))
        {
            document.RootElement.GetProperty("feeds").GetInt32().Should().Be(2);
            document.RootElement.GetProperty("papers").GetInt32().Should().Be(23 + 15);
        }
        merge.ExitCode.Should().Be(0, merge.Stderr);
        // 37 distinct papers: 2608.13558 is on both days (merged into one, its latest 54 upvotes).
        using (var merged = JsonDocument.Parse(merge.Stdout))
        {
            var papers = merged.RootElement.EnumerateArray().SelectMany(f => f.GetProperty("papers").EnumerateArray()).ToList();
            papers.Should().HaveCount(37);
            papers.Single(p => p.GetProperty("arxivId").GetString() == "2608.13558").GetProperty("upvotes").GetInt32().Should().Be(54);
        }
    }

    [Fact]
    public async Task Diff_of_two_archives_shows_the_day_growing_between_two_observations()
    {
        string first = _temp.File("first"), second = _temp.File("second");
        _time = new FastTime(new DateTimeOffset(2024, 6, 12, 17, 6, 41, TimeSpan.Zero), 200);
        _server.Serve("2024-06-12", ApiServer.RealFetch("2024-06-12.first.json"));
        (await RunAsync("fetch", "--date", "2024-06-12", "-o", first)).ExitCode.Should().Be(0);
        _server.Serve("2024-06-12", ApiServer.RealFetch("2024-06-12.second.json"));
        (await RunAsync("fetch", "--date", "2024-06-12", "-o", second)).ExitCode.Should().Be(0);

        var diff = await RunAsync("diff", first, second, "--format", "jsonl");

        diff.ExitCode.Should().Be(0, diff.Stderr);
        var changes = diff.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        // From the two real files (python3): two papers appear, none leaves, 2406.07550 goes from 23 to 29 upvotes.
        changes.Where(c => c.GetProperty("change").GetString() == "added").Select(c => c.GetProperty("arxivId").GetString())
            .Should().BeEquivalentTo(["2406.07188", "2406.07520"]);
        changes.Should().NotContain(c => c.GetProperty("change").GetString() == "removed");
        var gan = changes.Single(c => c.TryGetProperty("arxivId", out var id) && id.GetString() == "2406.07550").GetProperty("changes").GetProperty("upvotes");
        (gan.GetProperty("old").GetInt32(), gan.GetProperty("new").GetInt32()).Should().Be((23, 29));
    }

    [Fact]
    public async Task A_settled_day_is_not_asked_again_unless_refresh()
    {
        _server.Serve("2026-08-14", ApiServer.RealFetch("2026-08-14.json"));
        _time = new FastTime(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero), 200);
        (await RunAsync("fetch", "--date", "2026-08-14", "-o", Archive)).ExitCode.Should().Be(0);
        int before = _server.Requests.Count;

        var again = await RunAsync("fetch", "--date", "2026-08-14", "-o", Archive);
        int afterAgain = _server.Requests.Count;
        var refresh = await RunAsync("fetch", "--date", "2026-08-14", "-o", Archive, "--refresh");

        again.Stderr.Should().Contain("0 stored (0 empty), 1 settled and skipped");
        afterAgain.Should().Be(before);
        refresh.Stderr.Should().Contain("1 stored (0 empty), 0 settled and skipped");
        _server.Requests.Count.Should().BeGreaterThan(afterAgain);
        Fetching.Manifest(Archive).Count(l => l.GetProperty("kind").GetString() == "complete").Should().Be(2);
        (await RunAsync("fetch", "--date", "2026-08-14", "-o", Archive, "--settle-days", "30")).Stderr.Should().Contain("1 stored", "18 days after is not settled under 30");
    }

    [Fact]
    public async Task The_token_comes_from_HF_TOKEN_goes_to_the_endpoint_only_and_is_never_printed_or_stored()
    {
        _server.Serve("2026-08-14", ApiServer.RealFetch("2026-08-14.json"));
        _server.Script = r => r.Attempt == 1 ? Fault.Status(503) : null;
        var environment = new Dictionary<string, string> { ["HF_TOKEN"] = "hf_TopSecretToken", ["HF_ENDPOINT"] = "http://unused.invalid" };

        var run = await Fetching.RunAsync(_time, environment, "fetch", "--date", "2026-08-14", "-o", Archive, "--endpoint", _server.Endpoint.AbsoluteUri);

        run.ExitCode.Should().Be(0, run.Stderr);
        _server.Requests.Should().OnlyContain(r => r.Authorization == "Bearer hf_TopSecretToken");
        (run.Stdout + run.Stderr).Should().NotContain("TopSecret");
        foreach (string file in Directory.GetFiles(Archive, "*", SearchOption.AllDirectories))
        {
            File.ReadAllText(file).Should().NotContain("TopSecret");
        }
    }

    [Theory]
    [InlineData(new[] { "--from", "2026-08-20", "--to", "2026-08-14" }, "--to 2026-08-14 is before --from 2026-08-20")]
    [InlineData(new[] { "--date", "2025-02-30" }, "--date: '2025-02-30' is not a day (YYYY-MM-DD)")]
    [InlineData(new[] { "--date", "2026-08-14", "--endpoint", "not a url" }, "--endpoint: 'not a url' is not an http or https URL")]
    [InlineData(new[] { "--date", "2026-08-14", "--rate", "0" }, "--rate: '0' is not a number of requests per second above 0")]
    [InlineData(new[] { "--week", "2026-W54" }, "--week: '2026-W54' is not an ISO week")]
    [InlineData(new[] { "--date", "2026-08-14", "--month", "2026-08" }, "give one of --date, --from/--to, --week, --month")]
    public async Task A_usage_error_is_one_line_and_exit_2(string[] options, string message)
    {
        var run = await RunAsync(["fetch", "-o", Archive, .. options]);

        run.ExitCode.Should().Be(2);
        run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().StartWith("paperfeed: error: " + message);
        Directory.Exists(Archive).Should().BeFalse();
        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task An_unreachable_server_is_one_line_and_exit_1()
    {
        // A port nobody listens on: every connection is refused.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        // A slower clock here (20 times real time): startup time, scaled, must not count as the run's.
        _time = new FastTime(FastTime.DefaultStart, 20);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        var run = await RunAsync("fetch", "--from", "2026-08-01", "--to", "2026-08-31", "-o", Archive, "--endpoint", $"http://127.0.0.1:{port}");

        run.ExitCode.Should().Be(1);
        run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().StartWith($"paperfeed: error: cannot reach http://127.0.0.1:{port}");
        // Six attempts of one day, then the run stops: within a minute of its own clock.
        (_time.GetUtcNow() - _time.Start).Should().BeLessThan(TimeSpan.FromMinutes(1));
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        Feeds(Archive).Should().BeEmpty();
    }

    [Fact]
    public async Task A_week_is_fetched_day_by_day_monday_to_sunday()
    {
        foreach (int d in Enumerable.Range(10, 7)) _server.ServeEmpty($"2026-08-{d:00}");

        var run = await RunAsync("fetch", "--week", "2026-W33", "-o", Archive);

        run.ExitCode.Should().Be(0, run.Stderr);
        // ISO week 33 of 2026 runs from Monday 10 to Sunday 16 August.
        _server.Requests.Select(r => r.PathAndQuery[(r.PathAndQuery.IndexOf("date=", StringComparison.Ordinal) + 5)..][..10]).Distinct()
            .Should().Equal(Enumerable.Range(10, 7).Select(d => $"2026-08-{d:00}"));
    }

    [Fact]
    public async Task Progress_is_drawn_on_a_terminal_only_and_cleared_before_the_summary()
    {
        _server.ServeEmpty("2026-08-15").ServeEmpty("2026-08-16");
        var environment = new Dictionary<string, string> { ["HF_ENDPOINT"] = _server.Endpoint.AbsoluteUri };

        var terminal = await Fetching.RunAsync(_time, environment, terminal: true, "fetch", "--from", "2026-08-15", "--to", "2026-08-16", "-o", Archive);

        terminal.ExitCode.Should().Be(0, terminal.Stderr);
        terminal.Stderr.Should().Contain("\rfetch: 0/2 days").And.Contain("\rfetch: 2/2 days, 2 requests");
        // The last line, after the progress line is blanked with a carriage return: the summary alone.
        terminal.Stderr.Split('\r')[^1].Should().StartWith("paperfeed: fetch: 2 days: 2 stored (2 empty)");
    }

    private static byte[] Gunzip(string path)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }
}
