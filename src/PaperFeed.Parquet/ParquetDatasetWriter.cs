using System.Globalization;

namespace PaperFeed.Parquet;

/// <summary>
/// Writes papers into a Hive-style partitioned dataset, streaming: at most <see cref="ParquetExportOptions.RowGroupSize"/>
/// papers are held across all partitions (the partition holding the most is written out as a row group when the
/// limit is reached), and at most <see cref="MaxOpenFiles"/> files are open (the one written least recently is
/// finished, and its partition's next papers start the next <c>part-NNNNN</c> file). Every decision depends only on
/// the papers and their order, so the same input gives the same files, byte for byte.
/// </summary>
internal sealed class ParquetDatasetWriter : IAsyncDisposable
{
    /// <summary>Open files at once: bounds file handles and per-file buffers when papers of many periods interleave.</summary>
    internal const int MaxOpenFiles = 16;

    private readonly string _directory;
    private readonly ParquetExportOptions _options;
    private readonly PaperColumns _columns = new();
    private readonly Dictionary<string, OpenFile> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nextPart = new(StringComparer.Ordinal);
    private readonly List<string> _files = [];
    private int _pending;
    private long _clock;

    public ParquetDatasetWriter(string directory, ParquetExportOptions options)
    {
        _directory = directory;
        _options = options;
    }

    /// <summary>The files written so far, relative to the dataset directory with <c>/</c> separators, in the order they were started.</summary>
    public IReadOnlyList<string> Files => _files;

    public async Task AddAsync(Paper paper, CancellationToken cancellationToken)
    {
        string partition = PartitionKey.Of(paper, _options.PartitionBy);
        if (!_open.TryGetValue(partition, out var open))
        {
            if (_open.Count == MaxOpenFiles) await CloseAsync(LeastRecentlyWritten(), cancellationToken).ConfigureAwait(false);
            open = await OpenAsync(partition, cancellationToken).ConfigureAwait(false);
        }
        open.File.Add(paper);
        open.LastWrite = ++_clock;
        if (++_pending >= _options.RowGroupSize)
        {
            var fullest = Fullest();
            _pending -= fullest.File.Pending;
            await fullest.File.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Finishes every open file. A dataset without partitions that got no paper is one file with no rows.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_options.PartitionBy == ParquetPartitioning.None && _files.Count == 0) await OpenAsync("", cancellationToken).ConfigureAwait(false);
        foreach (var open in _open.Values.OrderBy(o => o.Partition, StringComparer.Ordinal).ToList())
        {
            await CloseAsync(open, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var open in _open.Values) await open.File.DisposeAsync().ConfigureAwait(false);
        _open.Clear();
    }

    private async Task<OpenFile> OpenAsync(string partition, CancellationToken cancellationToken)
    {
        int part = _nextPart.GetValueOrDefault(partition);
        _nextPart[partition] = part + 1;
        string name = string.Create(CultureInfo.InvariantCulture, $"part-{part:00000}.parquet");
        string relative = partition.Length == 0 ? name : $"{partition}/{name}";
        string folder = Path.Combine(_directory, partition);
        Directory.CreateDirectory(folder);
        var stream = new FileStream(Path.Combine(folder, name), FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        PaperParquetFile file;
        try
        {
            file = await PaperParquetFile.CreateAsync(stream, ownsStream: true, _columns, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        _files.Add(relative);
        var open = new OpenFile(partition, file);
        _open.Add(partition, open);
        return open;
    }

    private async Task CloseAsync(OpenFile open, CancellationToken cancellationToken)
    {
        _pending -= open.File.Pending;
        _open.Remove(open.Partition);
        await using (open.File.ConfigureAwait(false))
        {
            await open.File.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private OpenFile LeastRecentlyWritten() => _open.Values.MinBy(o => o.LastWrite)!;

    // Ties go to the partition that sorts first, so the choice never depends on dictionary order.
    private OpenFile Fullest() => _open.Values.OrderByDescending(o => o.File.Pending).ThenBy(o => o.Partition, StringComparer.Ordinal).First();

    private sealed class OpenFile(string partition, PaperParquetFile file)
    {
        public string Partition { get; } = partition;
        public PaperParquetFile File { get; } = file;
        public long LastWrite { get; set; }
    }
}
