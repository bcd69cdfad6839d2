using Parquet;

namespace PaperFeed.Parquet;

/// <summary>
/// One Parquet file being written: papers are buffered and go out as a row group when <see cref="FlushAsync"/> is
/// called; <see cref="CompleteAsync"/> writes the last row group and the footer. Parquet.Net writes into an
/// <see cref="OutputBatch"/> (it flushes its stream synchronously after every page, which a stream that refuses
/// synchronous I/O, such as an ASP.NET Core response body, rejects), and the batch goes to the stream asynchronously,
/// in 64 KiB batches or more, after each row group and at the end.
/// </summary>
internal sealed class PaperParquetFile : IAsyncDisposable
{
    // Snappy: read by every engine (DuckDB, Spark, Trino, pyarrow, fastparquet), and fast to write. Parquet.Net pools
    // its buffers without limit unless told: bounded here, so memory stays flat however long the run.
    private static readonly ParquetOptions WriterOptions = new()
    {
        CompressionMethod = CompressionMethod.Snappy,
        MaximumSmallPoolFreeBytes = 8 << 20,
        MaximumLargePoolFreeBytes = 32 << 20,
    };

    private readonly ParquetWriter _writer;
    private readonly Stream _stream;
    private readonly OutputBatch _batch;
    private readonly bool _ownsStream;
    private readonly PaperColumns _columns;
    private readonly List<Paper> _pending = [];
    private bool _completed;

    private PaperParquetFile(ParquetWriter writer, OutputBatch batch, bool ownsStream, PaperColumns columns)
    {
        _writer = writer;
        _batch = batch;
        _stream = batch.Destination;
        _ownsStream = ownsStream;
        _columns = columns;
    }

    /// <summary>Papers added and not yet written.</summary>
    public int Pending => _pending.Count;

    /// <summary>Starts a file on <paramref name="stream"/>; <paramref name="columns"/> holds the reusable column buffers.</summary>
    public static async Task<PaperParquetFile> CreateAsync(Stream stream, bool ownsStream, PaperColumns columns, CancellationToken cancellationToken)
    {
        var batch = new OutputBatch(stream);
        var writer = await ParquetWriter.CreateAsync(PaperSchema.Schema, batch, WriterOptions, append: false, cancellationToken).ConfigureAwait(false);
        return new PaperParquetFile(writer, batch, ownsStream, columns);
    }

    public void Add(Paper paper) => _pending.Add(paper);

    /// <summary>Writes the pending papers as one row group.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0) return;
        await _columns.WriteRowGroupAsync(_writer, _pending, cancellationToken).ConfigureAwait(false);
        _pending.Clear();
        await _batch.DrainIfFullAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes what is pending, then the footer (a file that got no paper still carries the schema).</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        _completed = true;
        // Disposing the writer is what writes the footer.
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _batch.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        // An incomplete file (a failed or cancelled run) gets no footer: it is not a valid file, and is not passed off as one.
        if (!_completed)
        {
            _completed = true;
            _pending.Clear();
        }
        if (_ownsStream) await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
