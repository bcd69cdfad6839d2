// Proves the published package from the outside: every main entry point, and source-generated JSON, under Native AOT.
using System.Text.Json;
using PaperFeed;

string path = args[0];

int sync;
using (var reader = File.OpenText(path))
{
    sync = FeedParser.ReadPapers(reader).Count();
}

int async = 0;
await using (var stream = File.OpenRead(path))
{
    await foreach (var _ in FeedParser.ReadPapersAsync(stream)) async++;
}

int feeds;
Paper first;
using (var reader = File.OpenText(path))
{
    var all = FeedParser.ReadFeeds(reader).ToList();
    feeds = all.Count;
    first = all[0].Papers[0];
}

string json = JsonSerializer.Serialize(first, PaperFeedJsonContext.Default.Paper);
var back = JsonSerializer.Deserialize(json, PaperFeedJsonContext.Default.Paper);

Console.WriteLine($"papers={sync} async={async} feeds={feeds} roundtrip={(back == first ? "equal" : "DIFFERENT")}");
Console.WriteLine(json);
