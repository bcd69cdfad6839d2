using PaperFeed.Http;
using PaperFeed.Tests.Faults;

namespace PaperFeed.Tests.Http;

/// <summary>
/// The real <c>paperfeed</c> executable fetching from a local server that answers slowly: killed with SIGKILL at
/// several moments, the archive always reads (only whole days, each with every paper of its real file), and the next
/// run completes it; SIGTERM stops the run with 143 and one line.
/// </summary>
public sealed class FetchCrashTests : IAsyncLifetime
{
    private static readonly string[] Days = ["2026-08-14", "2026-08-15", "2026-08-16", "2026-08-17", "2026-08-18", "2026-08-19", "2026-08-20"];

    private ApiServer _server = null!;
    private readonly TempFolder _temp = new();

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync();
        // Two real days, paged by 10 (3 and 2 pages plus the empty one), and empty days between them.
        _server.Serve("2026-08-14", ApiServer.RealFetch("2026-08-14.json")).Serve("2026-08-20", ApiServer.RealApi("2026-08-20.json"));
        foreach (string day in Days[1..^1]) _server.ServeEmpty(day);
        _server.Script = _ => Fault.Slow(TimeSpan.FromMilliseconds(40));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    private string Archive => _temp.File("archive");

    private string[] Args => ["fetch", "--from", Days[0], "--to", Days[^1], "--limit", "10", "--rate", "100", "-o", Archive, "--endpoint", _server.Endpoint.AbsoluteUri];

    /// <summary>Papers per day in the real files (python3: 23 and 15 items), 0 on the empty days.</summary>
    private static int Expected(DateOnly day) => day.Day switch { 14 => 23, 20 => 15, _ => 0 };

    private void ArchiveReadsWithWholeDaysOnly()
    {
        if (!DailyPapersArchive.IsArchive(Archive)) return; // killed before the manifest was created
        var feeds = DailyPapersArchive.Open(Archive).ReadFeedsAsync().ToBlockingEnumerable().ToList();
        foreach (var feed in feeds) feed.Papers.Should().HaveCount(Expected(feed.Date!.Value.ToDateOnly()!.Value), $"{feed.Date} is whole or absent");
    }

    [Fact]
    public async Task Killed_with_SIGKILL_at_any_moment_the_archive_reads_and_the_next_run_completes_it()
    {
        // Killed after the server has answered k more requests, then a few milliseconds on: mid-day, between pages,
        // while a body or a manifest line is being written.
        (int Requests, int ThenMs)[] kills = [(1, 0), (3, 5), (2, 20), (5, 30)];
        int killed = 0;
        foreach (var (requests, thenMs) in kills)
        {
            int before = _server.Requests.Count;
            var run = PaperfeedProcess.Start(Args);
            var stdout = run.Stdout.CopyToAsync(Stream.Null);
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (_server.Requests.Count < before + requests && waited.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(2);
            await Task.Delay(thenMs);
            if (!run.HasExited) killed++;
            run.Dispose(); // SIGKILL, if still running
            await stdout.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { });
            ArchiveReadsWithWholeDaysOnly();
        }
        killed.Should().BeGreaterThan(2, "the kills land while the runs are fetching");

        var last = await PaperfeedProcess.RunAsync(Args);

        last.ExitCode.Should().Be(0, last.Stderr);
        var feeds = DailyPapersArchive.Open(Archive).ReadFeedsAsync().ToBlockingEnumerable().ToList();
        feeds.Select(f => f.Date.ToString()).Should().Equal(Days);
        foreach (var feed in feeds) feed.Papers.Should().HaveCount(Expected(feed.Date!.Value.ToDateOnly()!.Value));
        Directory.GetFiles(Archive, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty("a killed run's half-written body is swept by the next");
    }

    [Fact]
    public async Task A_torn_manifest_line_and_a_day_without_its_commit_are_invisible_and_refetched()
    {
        // In process (what a kill leaves is written by hand below): the real executable is for the real kills above.
        var time = new FastTime(FastTime.DefaultStart, 50);
        var first = await Fetching.RunAsync(time, null, ["fetch", "--date", Days[0], "--limit", "10", "-o", Archive, "--endpoint", _server.Endpoint.AbsoluteUri]);
        first.ExitCode.Should().Be(0, first.Stderr);
        string manifest = Path.Combine(Archive, "manifest.jsonl");
        var lines = File.ReadAllLines(manifest);
        // What a kill between two appends leaves: the day's page lines without its 'complete' line, and half a line.
        File.WriteAllText(manifest, string.Join("\n", lines[..^1]) + "\n{\"kind\":\"comp");

        DailyPapersArchive.Open(Archive).ReadFeedsAsync().ToBlockingEnumerable().Should().BeEmpty();
        var rerun = await Fetching.RunAsync(time, null, ["fetch", "--date", Days[0], "--limit", "10", "-o", Archive, "--endpoint", _server.Endpoint.AbsoluteUri]);

        rerun.ExitCode.Should().Be(0, rerun.Stderr);
        rerun.Stderr.Should().Contain("1 stored");
        DailyPapersArchive.Open(Archive).ReadFeedsAsync().ToBlockingEnumerable().Single().Papers.Should().HaveCount(23);
        File.ReadAllLines(manifest).Should().OnlyContain(line => line.StartsWith('{') && line.EndsWith('}'), "the torn tail was cut before appending");
    }

    [Fact]
    public async Task SIGTERM_stops_the_run_with_143_and_one_line_and_the_archive_reads()
    {
        using var run = PaperfeedProcess.Start(Args);
        var stdout = run.Stdout.CopyToAsync(Stream.Null);
        // Signal handlers are in place once the run is fetching: its first request has reached the server.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (_server.Requests.Count == 0 && waited.Elapsed < PaperfeedProcess.Timeout) await Task.Delay(20);
        run.Signal("TERM");
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));
        await stdout;

        if (result.ExitCode == 0) return; // finished before the signal on a fast machine: nothing to stop
        result.ExitCode.Should().Be(143, result.Stderr);
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("paperfeed: error: interrupted by SIGTERM; ");
        ArchiveReadsWithWholeDaysOnly();
    }
}
