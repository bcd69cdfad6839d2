namespace PaperFeed.Http;

/// <summary>
/// Options of <see cref="DailyPapersClient"/>. Immutable: change them with <c>with { … }</c>. The defaults follow the
/// Hub's published limits (500 anonymous API requests per 5-minute window): one request per second, 100 papers per
/// page, six attempts per page with jittered exponential backoff, 30 s per attempt.
/// </summary>
public sealed record DailyPapersClientOptions
{
    /// <summary>The public Hub: <c>https://huggingface.co</c>.</summary>
    public static Uri DefaultEndpoint { get; } = new("https://huggingface.co/");

    /// <summary>The options used when none are given.</summary>
    public static DailyPapersClientOptions Default { get; } = new();

    /// <summary>The server: the Hub or a mirror (what <c>HF_ENDPOINT</c> names). Absolute http or https.</summary>
    /// <exception cref="ArgumentException">The URI is not absolute http or https.</exception>
    public Uri Endpoint
    {
        get;
        init => field = value is { IsAbsoluteUri: true } && (value.Scheme == Uri.UriSchemeHttps || value.Scheme == Uri.UriSchemeHttp)
            ? value
            : throw new ArgumentException("The endpoint must be an absolute http or https URI.", nameof(Endpoint));
    } = DefaultEndpoint;

    /// <summary>
    /// A Hub access token, sent as <c>Authorization: Bearer</c> to <see cref="Endpoint"/> and nowhere else (a token
    /// raises the rate limit). Never logged, never stored in an archive.
    /// </summary>
    public string? Token { get; init; }

    /// <summary>Papers asked for per page (<c>limit</c>). The API's default of 50 is not relied on: it is always sent.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int PageSize { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(PageSize), value, "PageSize must be at least 1."); } = 100;

    /// <summary>Requests per second, retries included (pacing by a token bucket of one). Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a positive finite number.</exception>
    public double RequestsPerSecond
    {
        get;
        init => field = double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(RequestsPerSecond), value, "RequestsPerSecond must be positive.");
    } = 1;

    /// <summary>Attempts per page before the day fails (the first one included). Default 6.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxAttempts { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxAttempts), value, "MaxAttempts must be at least 1."); } = 6;

    /// <summary>The first backoff delay; it doubles per retry, with jitter. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; init => field = Positive(value, nameof(RetryDelay)); } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; init => field = Positive(value, nameof(MaxRetryDelay)); } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest wait a server may ask for through <c>RateLimit</c> (<c>t=</c>) or <c>Retry-After</c>; a longer
    /// request is cut to this (a misconfigured server once asked clients to wait a day). Default 5 minutes, the Hub's window.
    /// </summary>
    public TimeSpan MaxServerDelay { get; init => field = Positive(value, nameof(MaxServerDelay)); } = TimeSpan.FromMinutes(5);

    /// <summary>How long one attempt (request and whole body) may take before it counts as failed. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; init => field = Positive(value, nameof(AttemptTimeout)); } = TimeSpan.FromSeconds(30);

    /// <summary>The largest body accepted (a larger one is a failed attempt). Default 64 MiB.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 2.</exception>
    public int MaxBodyLength { get; init => field = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(MaxBodyLength), value, "MaxBodyLength must be at least 2."); } = 64 << 20;

    /// <summary>The most pages asked for one day (a server that never stops paging cannot hold a run). Default 1,000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxPages { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxPages), value, "MaxPages must be at least 1."); } = 1000;

    /// <summary>The <c>sort</c> parameter (<c>publishedAt</c> or <c>trending</c>); null sends none (the API's order).</summary>
    public string? Sort { get; init; }

    /// <summary>The <c>User-Agent</c> product token. Default <c>paperfeed/1.1</c>.</summary>
    public string UserAgent { get; init => field = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("UserAgent must not be empty.", nameof(UserAgent)) : value; } = "paperfeed/1.1";

    /// <summary>The clock behind pacing, backoff, timeouts and the time each page is observed (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; init => field = value ?? throw new ArgumentNullException(nameof(TimeProvider)); } = TimeProvider.System;

    /// <summary>Told about every attempt that failed (before its retry, or when the page gives up), on the fetching flow.</summary>
    public Action<DailyPapersAttempt>? OnFailedAttempt { get; init; }

    private static TimeSpan Positive(TimeSpan value, string name) =>
        value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
}
