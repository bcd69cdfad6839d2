using System.Text;
using System.Text.Json;
using PaperFeed.Cli;
using PaperFeed.Http;

namespace PaperFeed.Tests.Http;

/// <summary>Helpers of the fetch tests: in-process runs on a fast clock, and facts read from the real fixtures with System.Text.Json (not PaperFeed).</summary>
internal static class Fetching
{
    /// <summary>Runs <c>paperfeed</c> in-process with a clock <paramref name="speed"/> times faster than real time and the given environment.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(FastTime time, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunAsync(time, environment, terminal: false, args);

    /// <summary>As <see cref="RunAsync(FastTime, IReadOnlyDictionary{string, string}?, string[])"/>, with stderr a terminal or not.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(FastTime time, IReadOnlyDictionary<string, string>? environment, bool terminal, params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var context = new CliContext(new MemoryStream(), output, error, StderrIsTerminal: terminal)
        {
            Time = time,
            GetEnvironmentVariable = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            // Generous per attempt on the fast clock: a cold or loaded machine must not turn a slow answer into a retry.
            ConfigureFetch = options => options with { AttemptTimeout = TimeSpan.FromHours(1) },
        };
        int exit = await PaperFeed.Cli.Cli.InvokeAsync(args, context, CancellationToken.None);
        return (exit, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    /// <summary>The fixture's items as (paper.id, paper.upvotes, numComments, paper.githubStars, title), in file order.</summary>
    public static List<(string Id, int Upvotes, int? Comments, int? Stars, string Title)> Items(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        return [.. document.RootElement.EnumerateArray().Select(item =>
        {
            var paper = item.GetProperty("paper");
            int? comments = item.TryGetProperty("numComments", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : null;
            int? stars = paper.TryGetProperty("githubStars", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null;
            return (paper.GetProperty("id").GetString()!, paper.GetProperty("upvotes").GetInt32(), comments, stars, item.GetProperty("title").GetString()!);
        })];
    }

    /// <summary>The manifest's lines as JSON documents (independent of the archive reader).</summary>
    public static List<JsonElement> Manifest(string archive) =>
        [.. File.ReadAllLines(Path.Combine(archive, "manifest.jsonl")).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    public static DailyPapersClientOptions Options(ApiServer server, FastTime time) => new()
    {
        Endpoint = server.Endpoint,
        TimeProvider = time,
        // Generous per attempt, in fast time: a loaded machine must not turn a slow answer into a retry.
        AttemptTimeout = TimeSpan.FromHours(1),
    };
}
