using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace PaperFeed.Http;

/// <summary>
/// Fetches <c>/api/daily_papers</c> one listing day at a time, page by page (<c>p = 0, 1, …</c>) until a page is
/// empty or brings no paper not already seen, and yields each page as it came. Requests are paced (a token bucket),
/// each attempt has a timeout, and a failed attempt (a network error, a timeout, 408, 429, 5xx, or a 200 whose body
/// is not the API's JSON array) is retried with jittered exponential backoff, or after the wait the server asks for
/// through <c>RateLimit</c> or <c>Retry-After</c> (capped). Thread-safe; dispose it to stop its pacing timer.
/// </summary>
/// <example>
/// <code>
/// using var http = new HttpClient();
/// using var client = new DailyPapersClient(http, new DailyPapersClientOptions { Token = Environment.GetEnvironmentVariable("HF_TOKEN") });
/// await foreach (var page in client.GetDayAsync(new DateOnly(2025, 10, 2))) Console.WriteLine($"p={page.Page}: {page.ItemCount} items");
/// </code>
/// </example>
public sealed class DailyPapersClient : IDisposable
{
    private static readonly ResiliencePropertyKey<PageRequest> RequestKey = new("PaperFeed.Http.PageRequest");

    private readonly HttpClient _http;
    private readonly Pacer _pacer;
    private readonly ResiliencePipeline<Exchange> _retry;
    private readonly ResiliencePipeline _attempt;
    private long _requests, _responses, _retries, _waitedTicks;

    /// <summary>Creates a client.</summary>
    /// <param name="httpClient">The client to send with (not disposed). Its own <see cref="HttpClient.Timeout"/> should be
    /// longer than <see cref="DailyPapersClientOptions.AttemptTimeout"/>; redirects are best turned off, so that nothing
    /// is sent anywhere but the endpoint.</param>
    /// <param name="options">Options; <see cref="DailyPapersClientOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> is null.</exception>
    public DailyPapersClient(HttpClient httpClient, DailyPapersClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _http = httpClient;
        Options = options ?? DailyPapersClientOptions.Default;
        var time = Options.TimeProvider;
        _pacer = new Pacer(Options.RequestsPerSecond, time);
        _retry = new ResiliencePipelineBuilder<Exchange> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<Exchange>
            {
                ShouldHandle = static args => ValueTask.FromResult(!args.Context.CancellationToken.IsCancellationRequested && IsTransient(args.Outcome, args.Context.CancellationToken)),
                MaxRetryAttempts = Options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = Options.RetryDelay,
                MaxDelay = Options.MaxRetryDelay,
                DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome)),
                OnRetry = args =>
                {
                    Interlocked.Increment(ref _retries);
                    Interlocked.Add(ref _waitedTicks, args.RetryDelay.Ticks);
                    Report(args.Context.Properties.GetValue(RequestKey, null!), args.Outcome, args.RetryDelay);
                    return default;
                },
            })
            .Build();
        // Per attempt: a permit from the bucket, then the request and its whole body within the attempt timeout.
        _attempt = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRateLimiter(_pacer.Limiter)
            .AddTimeout(Options.AttemptTimeout)
            .Build();
    }

    /// <summary>The client's options.</summary>
    public DailyPapersClientOptions Options { get; }

    /// <summary>Requests sent so far (every attempt).</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>Responses received so far (any status): none means the server was never reached.</summary>
    public long ResponseCount => Interlocked.Read(ref _responses);

    /// <summary>Every failed attempt, for the archive's manifest (in addition to <see cref="DailyPapersClientOptions.OnFailedAttempt"/>).</summary>
    internal event Action<DailyPapersAttempt>? AttemptFailed;

    /// <summary>Retries so far.</summary>
    public long RetryCount => Interlocked.Read(ref _retries);

    /// <summary>Time waited so far for backoff and for servers' rate-limit resets (not the regular pacing).</summary>
    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref _waitedTicks)) + _pacer.Held;

    /// <summary>The URL of a page: <c>{endpoint}/api/daily_papers?date=…&amp;limit=…&amp;p=…</c> (and <c>sort</c> when set).</summary>
    /// <param name="day">The listing day.</param>
    /// <param name="page">The page, from 0.</param>
    public Uri GetPageUri(DateOnly day, int page)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        string query = string.Create(CultureInfo.InvariantCulture, $"api/daily_papers?date={day:yyyy-MM-dd}&limit={Options.PageSize}&p={page}");
        if (Options.Sort is { Length: > 0 } sort) query += "&sort=" + Uri.EscapeDataString(sort);
        var endpoint = Options.Endpoint.AbsoluteUri.EndsWith('/') ? Options.Endpoint : new Uri(Options.Endpoint.AbsoluteUri + "/");
        return new Uri(endpoint, query);
    }

    /// <summary>
    /// Fetches one listing day: page 0, 1, … until a page is empty or brings no new paper, each page yielded as it
    /// arrives (an empty day yields one page of no items).
    /// </summary>
    /// <param name="day">The listing day (<c>date=</c>).</param>
    /// <param name="cancellationToken">Stops the fetch, at once.</param>
    /// <exception cref="DailyPapersException">(While enumerating.) A page failed after its attempts, or was refused for good (a 4xx other than 408 and 429).</exception>
    /// <exception cref="OperationCanceledException">(While enumerating.) <paramref name="cancellationToken"/> was cancelled.</exception>
    public async IAsyncEnumerable<DailyPapersPage> GetDayAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int page = 0; page < Options.MaxPages; page++)
        {
            var request = new PageRequest(day, page, GetPageUri(day, page));
            var exchange = await FetchAsync(request, cancellationToken).ConfigureAwait(false);
            var ids = exchange.PaperIds!;
            int fresh = 0;
            foreach (string id in ids)
            {
                if (seen.Add(id)) fresh++;
            }
            bool last = ids.Count == 0 || fresh == 0 || page == Options.MaxPages - 1;
            yield return new DailyPapersPage
            {
                Day = day, Page = page, RequestUri = request.Uri, StatusCode = exchange.StatusCode, Headers = exchange.Headers,
                Body = exchange.Body, ObservedAt = exchange.ObservedAt, ItemCount = ids.Count, PaperIds = ids, NewPaperCount = fresh,
                IsLast = last, Attempts = request.Attempts,
            };
            if (last) yield break;
        }
    }

    /// <summary>One page through the retry pipeline; a page that is not fetched ends as a <see cref="DailyPapersException"/>.</summary>
    private async Task<Exchange> FetchAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        Exchange exchange;
        try
        {
            exchange = await _retry.ExecuteAsync(static (context, self) => self.AttemptAsync(context), context, this).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not DailyPapersException)
        {
            Report(request, Outcome.FromException<Exchange>(e), null);
            throw new DailyPapersException(request.Day, request.Page, request.Attempts, null,
                $"{request.Uri.GetLeftPart(UriPartial.Authority)}: {Describe(e)} (after {Plural(request.Attempts, "attempt")})", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
        if (exchange.IsPage) return exchange;
        Report(request, Outcome.FromResult(exchange), null);
        string after = exchange.IsTransient ? $" (after {Plural(request.Attempts, "attempt")})" : "";
        throw new DailyPapersException(request.Day, request.Page, request.Attempts, exchange.StatusCode, $"{request.Uri}: {exchange.Describe()}{after}");
    }

    private async ValueTask<Exchange> AttemptAsync(ResilienceContext context)
    {
        var request = context.Properties.GetValue(RequestKey, null!);
        // A server that said its window is used up is not asked again before the window resets.
        await _pacer.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        request.Attempts++;
        return await _attempt.ExecuteAsync(static (state, token) => state.self.SendAsync(state.request, token), (self: this, request), context.CancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<Exchange> SendAsync(PageRequest page, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, page.Uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.ParseAdd(Options.UserAgent);
        // The token goes to the endpoint's own origin only (the URI is always built on it; checked, not assumed).
        if (Options.Token is { Length: > 0 } token && SameOrigin(page.Uri, Options.Endpoint))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        Interlocked.Increment(ref _requests);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _responses);
        var headers = Headers(response);
        byte[] body = await ReadBodyAsync(response, Options.MaxBodyLength, cancellationToken).ConfigureAwait(false) is { } bytes ? bytes : [];
        var observed = Options.TimeProvider.GetUtcNow();
        headers.TryGetValue("ratelimit", out string? rateLimit);
        if (RateLimitHeaders.ExhaustedWait(rateLimit) is TimeSpan wait) _pacer.HoldUntil(observed + Min(wait, Options.MaxServerDelay));
        int status = (int)response.StatusCode;
        if (status != 200) return new Exchange(status, headers, body, observed, null, null);
        if (body.Length > Options.MaxBodyLength) return new Exchange(status, headers, [], observed, null, $"a body longer than {Options.MaxBodyLength} bytes");
        var ids = ApiPageCheck.Check(body, out string? rejection);
        return new Exchange(status, headers, body, observed, ids, rejection);
    }

    /// <summary>The whole body, or (for a body over the limit) the first <paramref name="limit"/> + 1 bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > limit) return new byte[limit + 1];
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit) break;
        }
        return buffer.ToArray();
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated) headers[name.ToLowerInvariant()] = string.Join(", ", values);
        foreach (var (name, values) in response.Content.Headers.NonValidated) headers[name.ToLowerInvariant()] = string.Join(", ", values);
        return headers;
    }

    private static bool IsTransient(Outcome<Exchange> outcome, CancellationToken cancellationToken) => outcome.Exception switch
    {
        null => outcome.Result!.IsTransient,
        HttpRequestException or TimeoutRejectedException or IOException or RateLimiterRejectedException => true,
        // HttpClient's own timeout: the caller did not cancel.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>The wait a 429 or 503 asks for (capped), else null: the jittered backoff applies.</summary>
    private TimeSpan? ServerDelay(Outcome<Exchange> outcome)
    {
        if (outcome.Result is not { StatusCode: 429 or 503 } exchange) return null;
        var wait = RateLimitHeaders.RequestedWait(exchange.Header("ratelimit"), exchange.Header("retry-after"), exchange.ObservedAt);
        return wait is TimeSpan value ? Min(value, Options.MaxServerDelay) : null;
    }

    private void Report(PageRequest request, Outcome<Exchange> outcome, TimeSpan? delay)
    {
        var report = Options.OnFailedAttempt + AttemptFailed;
        if (report is null) return;
        var exchange = outcome.Result;
        report(new DailyPapersAttempt(request.Day, request.Page, request.Uri, request.Attempts, exchange?.StatusCode,
            exchange?.Describe() ?? Describe(outcome.Exception!), exchange?.ObservedAt ?? Options.TimeProvider.GetUtcNow(), delay,
            exchange?.Header("ratelimit"), exchange?.Header("retry-after")));
    }

    private string Describe(Exception e) => e switch
    {
        TimeoutRejectedException => $"no complete response within {Options.AttemptTimeout.TotalSeconds:0.#} s",
        OperationCanceledException => "the request timed out",
        HttpRequestException { InnerException: { } inner } http when inner is not HttpRequestException && !http.Message.Contains(OneLine(inner.Message), StringComparison.Ordinal)
            => $"{OneLine(http.Message)} ({OneLine(inner.Message)})",
        _ => OneLine(e.Message),
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").TrimEnd('.', ' ');

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    /// <summary>Stops the pacing timer.</summary>
    public void Dispose() => _pacer.Dispose();

    /// <summary>A page being fetched: what it is, and the attempts made so far.</summary>
    private sealed class PageRequest(DateOnly day, int page, Uri uri)
    {
        public DateOnly Day => day;
        public int Page => page;
        public Uri Uri => uri;
        public int Attempts;
    }
}
