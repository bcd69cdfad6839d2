using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PaperFeed.Tests.Http;

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port) that answers <c>/api/daily_papers?date=&amp;limit=&amp;p=</c>
/// from real archived API days (Fixtures/Real/api and api-fetch), paging them by <c>limit</c> and <c>p</c> as the
/// API does (a day that fits on one page is served byte for byte as archived; items on a smaller page are the
/// archived items' own JSON text). <see cref="Script"/> injects faults per request.
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _days = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Day, int Page), int> _attempts = new();
    private readonly ConcurrentQueue<Seen> _requests = new();

    private ApiServer(WebApplication app) => _app = app;

    /// <summary>What to do with a request: null serves it normally.</summary>
    public Func<Request, Fault?> Script { get; set; } = static _ => null;

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<Seen> Requests => [.. _requests];

    public Uri Endpoint { get; private set; } = null!;

    public static string RealApi(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", "api", file);

    public static string RealFetch(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", "api-fetch", file);

    public static async Task<ApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ApiServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Endpoint = new Uri(app.Urls.First() + "/");
        return server;
    }

    /// <summary>Serves <paramref name="file"/> (a real API response) as <paramref name="day"/>'s listing.</summary>
    public ApiServer Serve(string day, string file)
    {
        _days[day] = File.ReadAllBytes(file);
        return this;
    }

    /// <summary>Serves <paramref name="day"/> as an empty day (<c>200 []</c>).</summary>
    public ApiServer ServeEmpty(string day)
    {
        _days[day] = "[]"u8.ToArray();
        return this;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        string day = query["date"].ToString();
        int limit = int.TryParse(query["limit"], out int l) ? l : 50;
        int page = int.TryParse(query["p"], out int p) ? p : 0;
        int attempt = _attempts.AddOrUpdate((day, page), 1, static (_, n) => n + 1);
        _requests.Enqueue(new Seen(context.Request.Path + context.Request.QueryString, context.Request.Headers.Authorization.ToString(), context.Request.Headers.UserAgent.ToString()));
        var request = new Request(day, page, limit, attempt);
        var fault = Script(request);
        if (fault is { Delay: { } delay }) await Task.Delay(delay, context.RequestAborted);
        if (context.Request.Path != "/api/daily_papers")
        {
            context.Response.StatusCode = 404;
            return;
        }
        switch (fault?.Kind)
        {
            case FaultKind.Status:
                context.Response.StatusCode = fault.StatusCode;
                foreach (var (name, value) in fault.Headers) context.Response.Headers[name] = value;
                await context.Response.WriteAsync(fault.Body ?? "");
                return;
            case FaultKind.Reset:
                context.Abort();
                return;
            case FaultKind.Truncated:
            {
                byte[] whole = PageBody(day, limit, page);
                context.Response.ContentType = "application/json; charset=utf-8";
                context.Response.ContentLength = whole.Length;
                await context.Response.Body.WriteAsync(whole.AsMemory(0, whole.Length / 2));
                await context.Response.Body.FlushAsync();
                context.Abort();
                return;
            }
            case FaultKind.Html:
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>");
                return;
            case FaultKind.IgnorePage:
                page = 0;
                break;
        }
        if (fault is not null) foreach (var (name, value) in fault.Headers) context.Response.Headers[name] = value;
        if (!_days.ContainsKey(day))
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("{\"error\":\"Invalid date\"}");
            return;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(PageBody(day, limit, page));
    }

    /// <summary>A page of a day: the archived bytes when the day fits on page 0, else the items' own JSON text, sliced.</summary>
    public byte[] PageBody(string day, int limit, int page)
    {
        byte[] whole = _days[day];
        using var document = JsonDocument.Parse(whole);
        var items = document.RootElement.EnumerateArray().ToList();
        if (page == 0 && items.Count <= limit) return whole;
        var slice = items.Skip(page * limit).Take(limit).Select(item => item.GetRawText());
        return Encoding.UTF8.GetBytes("[" + string.Join(",", slice) + "]");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record Request(string Day, int Page, int Limit, int Attempt);

    internal sealed record Seen(string PathAndQuery, string Authorization, string UserAgent);
}

internal enum FaultKind { Status, Reset, Truncated, Html, IgnorePage, Slow }

/// <summary>A scripted answer: a status with headers, a reset connection, a truncated or HTML body, a page ignored, a delay.</summary>
internal sealed record Fault(FaultKind Kind, int StatusCode = 200, string? Body = null)
{
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    public TimeSpan? Delay { get; init; }

    public static Fault Status(int status, params (string Name, string Value)[] headers) => new(FaultKind.Status, status) { Headers = headers };

    public static Fault Reset { get; } = new(FaultKind.Reset);

    public static Fault Truncated { get; } = new(FaultKind.Truncated);

    public static Fault Html { get; } = new(FaultKind.Html);

    public static Fault IgnorePage { get; } = new(FaultKind.IgnorePage);

    public static Fault Slow(TimeSpan delay) => new(FaultKind.Slow) { Delay = delay };
}
