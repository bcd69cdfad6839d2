using System.CommandLine;
using System.Globalization;
using System.Net;
using PaperFeed.Http;

namespace PaperFeed.Cli;

/// <summary>
/// <c>paperfeed fetch</c>: the live API's listing days into an archive directory (docs/fetch.md), paced, retried,
/// crash-safe and idempotent. Exit 0 when every day is stored, 1 when some failed (each named) or the server cannot
/// be reached, 2 on a usage error, 128 + the signal's number when stopped by one.
/// </summary>
internal sealed class FetchCommand
{
    /// <summary>
    /// With no response at all by then and an attempt already failed, the server is unreachable: one line and exit 1,
    /// not a run of retries per day. Checked again every few seconds while a first slow attempt is still going.
    /// </summary>
    private static readonly TimeSpan UnreachableAfter = TimeSpan.FromSeconds(45);

    private readonly Option<string?> _date = new("--date") { Description = "One listing day (YYYY-MM-DD).", HelpName = "D" };
    private readonly Option<string?> _from = new("--from") { Description = "The first listing day of a range (YYYY-MM-DD).", HelpName = "D" };
    private readonly Option<string?> _to = new("--to") { Description = "The last listing day of the range (default: today, UTC).", HelpName = "D" };
    private readonly Option<string?> _week = new("--week") { Description = "An ISO week, Monday to Sunday (YYYY-Www), fetched day by day.", HelpName = "W" };
    private readonly Option<string?> _month = new("--month") { Description = "A month (YYYY-MM), fetched day by day.", HelpName = "M" };
    private readonly Option<string> _output = new("--output", "-o") { Description = "The archive directory (created when missing; added to when it exists).", HelpName = "ARCHIVE", Required = true };
    private readonly Option<string?> _endpoint = new("--endpoint") { Description = "The server (default: $HF_ENDPOINT, else https://huggingface.co).", HelpName = "URL" };
    private readonly Option<string?> _rate = new("--rate") { Description = "Requests per second, retries included (default 1).", HelpName = "N" };
    private readonly Option<bool> _refresh = new("--refresh") { Description = "Record a new observation of every day in range, settled or not." };
    private readonly Option<int?> _settleDays = CommonOptions.Count("--settle-days", "Days after which a day's counts are settled and it is not fetched again (default 14).");
    private readonly Option<int?> _limit = CommonOptions.Count("--limit", "Papers per page (default 100; the API's own default of 50 is never relied on).");
    private readonly Option<string?> _sort = new("--sort") { Description = "The API's order: publishedAt or trending (trending is not by upvotes; avoid it for backfill).", HelpName = "ORDER" };
    private readonly Option<bool> _quiet = CommonOptions.Quiet();

    public FetchCommand()
    {
        _sort.AcceptOnlyFromAmong("publishedAt", "trending");
        Command = new Command("fetch", "Fetch Daily Papers listing days from the Hugging Face API into an archive directory (token from $HF_TOKEN).")
        {
            Options = { _date, _from, _to, _week, _month, _output, _endpoint, _rate, _refresh, _settleDays, _limit, _sort, _quiet },
        };
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult result, CliContext context, CancellationToken cancellationToken)
    {
        var reporter = new Reporter(context.Stderr, Verbosity.Normal);
        var today = DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime);
        var days = FetchRange.Resolve(result.GetValue(_date), result.GetValue(_from), result.GetValue(_to), result.GetValue(_week), result.GetValue(_month), today, out string? rangeError);
        if (days is null) return Usage(reporter, rangeError!);
        if (!TryEndpoint(result.GetValue(_endpoint), context, out var endpoint, out string? endpointError)) return Usage(reporter, endpointError!);
        double rate = 1;
        if (result.GetValue(_rate) is { } rateText && (!double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out rate) || !double.IsFinite(rate) || rate <= 0 || rate > 1000))
        {
            return Usage(reporter, $"--rate: '{Reporter.Bound(rateText)}' is not a number of requests per second above 0 (at most 1000)");
        }
        int limit = result.GetValue(_limit) ?? 100;
        if (limit < 1) return Usage(reporter, "--limit: must be at least 1");
        string archive = result.GetValue(_output)!;
        if (File.Exists(archive)) return Usage(reporter, $"{archive}: is a file, not an archive directory");
        if (Directory.Exists(archive) && !DailyPapersArchive.IsArchive(archive) && Directory.EnumerateFileSystemEntries(archive).Any())
        {
            return Usage(reporter, $"{archive}: is a directory that holds no archive and is not empty; give a new or empty directory");
        }

        var options = context.ConfigureFetch(new DailyPapersClientOptions
        {
            Endpoint = endpoint!,
            Token = context.GetEnvironmentVariable("HF_TOKEN") is { Length: > 0 } token ? token.Trim() : null,
            RequestsPerSecond = rate,
            PageSize = limit,
            Sort = result.GetValue(_sort),
            TimeProvider = context.Time,
        });
        var fetchOptions = new ArchiveFetchOptions { Refresh = result.GetValue(_refresh), SettleDays = result.GetValue(_settleDays) ?? 14 };
        using var handler = new SocketsHttpHandler
        {
            // Nothing is sent anywhere but the endpoint: a redirect is a failed request, not a hop with the token.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new DailyPapersClient(http, options);
        using var unreachable = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var watchdog = context.Time.CreateTimer(_ =>
        {
            if (client.ResponseCount == 0 && client.RetryCount > 0) unreachable.Cancel();
        }, null, UnreachableAfter, TimeSpan.FromSeconds(5));
        using var progress = new FetchProgress(context.Stderr, context.StderrIsTerminal && !result.GetValue(_quiet));
        ArchiveFetchResult summary;
        try
        {
            summary = await DailyPapersArchive.FetchAsync(archive, client, days, fetchOptions, progress, unreachable.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            progress.Clear();
            var signal = context.Signal();
            reporter.Error($"{(signal is null ? "interrupted" : $"interrupted by {signal.Name}")}; {archive} keeps every day committed before (the day in progress is fetched again next time)");
            return signal?.ExitCode ?? ExitCodes.Interrupted;
        }
        catch (OperationCanceledException) when (unreachable.IsCancellationRequested)
        {
            progress.Clear();
            reporter.Error($"cannot reach {endpoint!.GetLeftPart(UriPartial.Authority)}: no response within {UnreachableAfter.TotalSeconds:0} s");
            return ExitCodes.InputError;
        }
        catch (DailyPapersException e)
        {
            progress.Clear();
            reporter.Error($"cannot reach {e.Message}");
            return ExitCodes.InputError;
        }
        progress.Clear();
        foreach (var failure in summary.Failures) reporter.Error($"{failure.Day:yyyy-MM-dd}: {failure.Error}");
        context.Stderr.WriteLine(Summary(summary, archive));
        return summary.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.InputError;
    }

    private static int Usage(Reporter reporter, string message)
    {
        reporter.Error(message);
        return ExitCodes.UsageError;
    }

    /// <summary>The server: <c>--endpoint</c>, else <c>$HF_ENDPOINT</c>, else the Hub.</summary>
    private static bool TryEndpoint(string? option, CliContext context, out Uri? endpoint, out string? error)
    {
        string? environment = context.GetEnvironmentVariable("HF_ENDPOINT");
        (string? text, string source) = option is not null ? (option, "--endpoint") : (string.IsNullOrWhiteSpace(environment) ? null : environment.Trim(), "HF_ENDPOINT");
        error = null;
        if (text is null)
        {
            endpoint = DailyPapersClientOptions.DefaultEndpoint;
            return true;
        }
        if (Uri.TryCreate(text, UriKind.Absolute, out endpoint) && (endpoint.Scheme == Uri.UriSchemeHttps || endpoint.Scheme == Uri.UriSchemeHttp) && endpoint.Host.Length > 0
            && string.IsNullOrEmpty(endpoint.UserInfo) && string.IsNullOrEmpty(endpoint.Query) && string.IsNullOrEmpty(endpoint.Fragment))
        {
            return true;
        }
        error = $"{source}: '{Reporter.Bound(text)}' is not an http or https URL of a server (no query, no user name)";
        return false;
    }

    private static string Summary(ArchiveFetchResult r, string archive) => string.Create(CultureInfo.InvariantCulture,
        $"paperfeed: fetch: {r.DaysInRange} {Plural(r.DaysInRange, "day")}: {r.DaysStored} stored ({r.EmptyDays} empty), {r.DaysSkipped} settled and skipped, {r.Failures.Count} failed; " +
        $"{r.Requests} {Plural((int)Math.Min(r.Requests, 2), "request")}, {r.Retries} {Plural((int)Math.Min(r.Retries, 2), "retry", "retries")}, waited {r.Waited.TotalSeconds:0} s; archive {archive}");

    private static string Plural(int count, string one, string? many = null) => count == 1 ? one : many ?? one + "s";
}
