// Proves the published package from the outside: every main entry point, and source-generated JSON, under Native AOT.
using System.Text.Json;
using PaperFeed;

string path = args[0];

var reader = FeedReader.Default;
int sync = reader.ReadPapers(FeedInput.FromFile(path)).Count();

int async = 0;
await foreach (var _ in reader.ReadPapersAsync(FeedInput.FromFile(path))) async++;

// Every core, and a gzip copy of the same file read from a stream: the same papers.
int allCores = new FeedReader(FeedReaderOptions.Default with { MaxDegreeOfParallelism = -1 }).ReadPapers(FeedInput.FromFile(path)).Count();
var gzip = new MemoryStream();
using (var compressor = new System.IO.Compression.GZipStream(gzip, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
{
    using var file = File.OpenRead(path);
    file.CopyTo(compressor);
}
gzip.Position = 0;
int compressed = reader.ReadPapers(FeedInput.FromStream(gzip)).Count();

var all = reader.ReadFeeds(FeedInput.FromFile(path)).ToList();
int feeds = all.Count;
Paper first = all[0].Papers[0];

string json = JsonSerializer.Serialize(first, PaperFeedJsonContext.Default.Paper);
var back = JsonSerializer.Deserialize(json, PaperFeedJsonContext.Default.Paper);

Console.WriteLine($"papers={sync} async={async} allCores={allCores} gzip={compressed} feeds={feeds} roundtrip={(back == first ? "equal" : "DIFFERENT")}");
Console.WriteLine(json);
