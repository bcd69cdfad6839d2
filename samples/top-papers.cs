// Prints the most-upvoted papers of one or more Daily Papers snapshots.
//   dotnet run samples/top-papers.cs -- samples/daily-papers.txt [COUNT]
// Outside this repo, replace the #:project line with:  #:package PaperFeed@1.1.0
#:project ../src/PaperFeed/PaperFeed.csproj

using PaperFeed;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: dotnet run samples/top-papers.cs -- FILE [COUNT]");
    return 2;
}
int count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;

var top = new List<Paper>();
await foreach (var paper in FeedReader.Default.ReadPapersAsync(FeedInput.FromFile(args[0])))
{
    if (paper.Upvotes is not null) top.Add(paper);
}

foreach (var paper in top.OrderByDescending(p => p.Upvotes).ThenBy(p => p.SourceLine).Take(count))
{
    Console.WriteLine($"{paper.Upvotes,5}  {paper.Title}");
}
return 0;
