// Merges several Daily Papers snapshots (text, PaperFeed JSON or Hugging Face API JSON, detected per file) into
// de-duplicated JSON Lines on standard output: each paper once, with its latest upvotes.
//   dotnet run samples/merge-snapshots.cs -- day1.txt day2.txt > papers.jsonl
// Outside this repo, replace the #:project line with:  #:package PaperFeed@1.0.0
#:project ../src/PaperFeed/PaperFeed.csproj

using PaperFeed;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: dotnet run samples/merge-snapshots.cs -- FILE...");
    return 2;
}

var merger = new PaperMerger(diagnostic => Console.Error.WriteLine(diagnostic));
var reader = new FeedReader(FeedReaderOptions.Default with { Diagnostics = new() { OnDiagnostic = d => Console.Error.WriteLine(d) } });
foreach (string path in args)
{
    await foreach (Feed feed in reader.ReadFeedsAsync(FeedInput.FromFile(path)))
    {
        merger.Add(feed, path);
    }
}

await using var stdout = Console.OpenStandardOutput();
FeedJson.WritePapers(stdout, merger.GetResults().Select(merged => merged.Paper));
Console.Error.WriteLine($"{merger.Count} distinct papers from {args.Length} snapshots");
return 0;
