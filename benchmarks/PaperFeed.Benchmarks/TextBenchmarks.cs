using System.Text;
using BenchmarkDotNet.Attributes;

namespace PaperFeed.Benchmarks;

/// <summary>
/// The text parser against its baselines, on the same generated dump. Every case reads the file from the page
/// cache and consumes everything it produces; the naive parser is the baseline, so the Ratio column reads
/// "time relative to what a user would write".
/// </summary>
public class TextBenchmarks
{
    private static readonly FeedReader AllCores = new(FeedReaderOptions.Default with { MaxDegreeOfParallelism = -1 });

    private const int BufferSize = 1 << 16;
    private string _path = "";
    private string _jsonLinesPath = "";
    private long _expectedPapers;

    /// <summary>The input size in MB (10^6 bytes); the smoke run uses only the first.</summary>
    [ParamsSource(nameof(Sizes))]
    public int SizeMB { get; set; }

    public static IEnumerable<int> Sizes => Program.Smoke ? [1] : [1, 100];

    [GlobalSetup]
    public void Setup()
    {
        (_path, var summary) = DumpCache.Text(SizeMB);
        _jsonLinesPath = DumpCache.JsonLines(SizeMB);
        _expectedPapers = summary.Expected.Papers;
    }

    [Benchmark(Description = "Floor: count \\n (vectorised)")]
    public long Floor() => Baselines.CountNewlines(_path);

    [Benchmark(Description = "ReadAllText + Split")]
    public int ReadAllTextSplit() => Baselines.ReadAllTextSplit(_path);

    [Benchmark(Baseline = true, Description = "Naive: ReadLine + Regex")]
    public long Naive()
    {
        using var reader = OpenText();
        return Consume(NaiveParser.ReadPapers(reader));
    }

    [Benchmark]
    public long ReadPapers()
    {
        using var reader = OpenText();
        return Check(Consume(FeedReader.Default.ReadPapers(FeedInput.FromReader(reader))));
    }

    [Benchmark]
    public async Task<long> ReadPapersAsync()
    {
        await using var stream = OpenStream();
        long papers = 0;
        await foreach (var paper in FeedReader.Default.ReadPapersAsync(FeedInput.FromStream(stream))) papers += paper.Title.Length > 0 ? 1 : 0;
        return Check(papers);
    }

    [Benchmark(Description = "FeedReader.ReadPapers (file)")]
    public long FrontDoorReadPapers() => Check(Consume(new FeedReader().ReadPapers(FeedInput.FromFile(_path))));

    [Benchmark(Description = "FeedReader.ReadPapers (file, all cores)")]
    public long FrontDoorReadPapersAllCores() =>
        Check(Consume(AllCores.ReadPapers(FeedInput.FromFile(_path))));

    [Benchmark(Description = "Count (stats)")]
    public long Count()
    {
        using var reader = OpenText();
        return Check(FeedReader.Default.Count(FeedInput.FromReader(reader)).Papers);
    }

    [Benchmark(Description = "CountAsync (stats)")]
    public async Task<long> CountAsync()
    {
        await using var stream = OpenStream();
        return Check((await FeedReader.Default.CountAsync(FeedInput.FromStream(stream))).Papers);
    }

    [Benchmark(Description = "ReadPapersParallelAsync (all cores)")]
    public async Task<long> ReadPapersParallelAsync()
    {
        long papers = 0;
        await foreach (var paper in AllCores.ReadPapersAsync(FeedInput.FromFile(_path))) papers += paper.Title.Length > 0 ? 1 : 0;
        return Check(papers);
    }

    [Benchmark(Description = "CountParallelAsync (all cores)")]
    public async Task<long> CountParallelAsync() => Check((await AllCores.CountAsync(FeedInput.FromFile(_path))).Papers);

    [Benchmark(Description = "Text -> JSON Lines")]
    public long TextToJsonLines()
    {
        using var reader = OpenText();
        using var output = new CountingStream();
        FeedJson.WritePapers(output, FeedReader.Default.ReadPapers(FeedInput.FromReader(reader)));
        return output.Length;
    }

    [Benchmark(Description = "Utf8ListingReader (spans)")]
    public long SpanReader()
    {
        using var stream = OpenStream();
        using var reader = FeedReader.Default.CreateListingReader(stream);
        long papers = 0;
        while (reader.Read()) papers += reader.Title.Length > 0 ? 1 : 0;
        return Check(papers);
    }

    [Benchmark(Description = "Text -> JSON Lines (UTF-8, no strings)")]
    public long TextToJsonLinesUtf8()
    {
        using var stream = OpenStream();
        using var output = new CountingStream();
        FeedReader.Default.WriteJsonLines(FeedInput.FromStream(stream), output);
        return output.Length;
    }

    [Benchmark(Description = "Text -> JSON Lines (UTF-8, all cores)")]
    public async Task<long> TextToJsonLinesParallel()
    {
        using var output = new CountingStream();
        await AllCores.WriteJsonLinesAsync(FeedInput.FromFile(_path), output);
        return output.Length;
    }

    [Benchmark(Description = "JSON Lines -> records")]
    [Input(InputKind.JsonLines)]
    public async Task<long> JsonLinesToRecords()
    {
        await using var stream = OpenStream(_jsonLinesPath);
        long papers = 0;
        await foreach (var paper in FeedJson.ReadPapersAsync(stream)) papers += paper.Title.Length > 0 ? 1 : 0;
        return Check(papers);
    }

    private FileStream OpenStream() => OpenStream(_path);

    private static FileStream OpenStream(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);

    private StreamReader OpenText() => new(OpenStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);

    private static long Consume(IEnumerable<Paper> papers)
    {
        long count = 0;
        foreach (var paper in papers) count += paper.Title.Length > 0 ? 1 : 0;
        return count;
    }

    /// <summary>A case that parses wrong is not measured: the count must be the generator's.</summary>
    private long Check(long papers) =>
        papers == _expectedPapers ? papers : throw new InvalidOperationException($"parsed {papers} papers, the dump holds {_expectedPapers}");
}
