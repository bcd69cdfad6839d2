namespace PaperFeed.Tests.Formats;

/// <summary>Hand-built inputs reproducing the site's HTML and API shapes (see docs/inputs.md); no real samples ship with the repo.</summary>
internal static class Fixtures
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static string DailyPapersJson => Path("Api", "daily_papers.json");
    public static string PaperJson => Path("Api", "paper.json");
    public static string SearchJson => Path("Api", "search.json");
    public static string ArchiveJsonLines => Path("Api", "archive.jsonl");
    public static string DailyHtml => Path("Html", "daily.html");
    public static string BrokenPropsHtml => Path("Html", "broken-props.html");
    public static string CardsOnlyHtml => Path("Html", "cards-only.html");

    /// <summary>A Task (not the ValueTask of System.Linq's), so that FluentAssertions can await a throwing read.</summary>
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }

    public static async Task<List<Paper>> ReadApiAsync(string path, FeedParserOptions? options = null)
    {
        await using var stream = File.OpenRead(path);
        return await HuggingFaceJson.ReadPapersAsync(stream, options?.ToSettings()).ToListAsync();
    }

    public static MemoryStream Utf8(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));
}
