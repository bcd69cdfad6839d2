using BenchmarkDotNet.Attributes;
using PaperFeed.Parquet;

namespace PaperFeed.Benchmarks;

/// <summary>
/// Text dump to a Parquet dataset (<c>paperfeed parse --format parquet</c> without the command line): parse, then
/// write row groups, unpartitioned and by featured month. The MB/s column is of the text input.
/// </summary>
public class ParquetBenchmarks
{
    private string _path = "";
    private string _output = "";
    private long _expectedPapers;

    /// <summary>The input size in MB (10^6 bytes); the smoke run uses only the first.</summary>
    [ParamsSource(nameof(Sizes))]
    public int SizeMB { get; set; }

    public static IEnumerable<int> Sizes => Program.Smoke ? [1] : [1, 100];

    [GlobalSetup]
    public void Setup()
    {
        (_path, var summary) = DumpCache.Text(SizeMB);
        _expectedPapers = summary.Expected.Papers;
        _output = Directory.CreateTempSubdirectory("paperfeed-parquet-bench-").FullName;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_output, recursive: true);

    [Benchmark(Description = "Text -> Parquet")]
    public Task<long> TextToParquet() => WriteAsync(ParquetPartitioning.None);

    [Benchmark(Description = "Text -> Parquet by month")]
    public Task<long> TextToParquetByMonth() => WriteAsync(ParquetPartitioning.Month);

    private async Task<long> WriteAsync(ParquetPartitioning partitioning)
    {
        string dataset = Path.Combine(_output, partitioning.ToString());
        if (Directory.Exists(dataset)) Directory.Delete(dataset, recursive: true);
        await using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        // The reference date gives the text dump's year-less page dates a year, so month folders are real months.
        var reader = new FeedReader(FeedReaderOptions.Default with { Dates = new() { ReferenceDate = new DateOnly(2026, 12, 31) } });
        long papers = 0;
        var counted = reader.ReadPapersAsync(FeedInput.FromStream(stream)).Select(p =>
        {
            papers++;
            return p;
        });
        await ParquetExport.WriteDatasetAsync(dataset, counted, new ParquetExportOptions { PartitionBy = partitioning });
        return papers == _expectedPapers ? papers : throw new InvalidOperationException($"wrote {papers} papers, the dump holds {_expectedPapers}");
    }
}
