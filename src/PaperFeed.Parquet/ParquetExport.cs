namespace PaperFeed.Parquet;

/// <summary>
/// Writes papers as Apache Parquet with a typed schema (docs/parquet.md): one file to a stream, or a dataset of
/// Hive-style partitions in a directory. Streaming: memory holds at most one row group of papers
/// (<see cref="ParquetExportOptions.RowGroupSize"/>), whatever the number of papers. Deterministic: the same papers
/// in the same order give the same files, byte for byte.
/// </summary>
public static class ParquetExport
{
    /// <summary>Writes the papers, in order, as one Parquet file (<see cref="ParquetExportOptions.PartitionBy"/> is not used).</summary>
    /// <param name="destination">A writable stream, seekable or not (a pipe works); it is flushed and left open.</param>
    /// <param name="papers">The papers, read once.</param>
    /// <param name="options">Row group size; <see cref="ParquetExportOptions.Default"/> when <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the export; the stream then holds an incomplete file.</param>
    /// <returns>The number of papers written.</returns>
    public static async Task<long> WriteAsync(Stream destination, IAsyncEnumerable<Paper> papers, ParquetExportOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(papers);
        options ??= ParquetExportOptions.Default;
        long count = 0;
        await using var file = await PaperParquetFile.CreateAsync(destination, ownsStream: false, new PaperColumns(), cancellationToken).ConfigureAwait(false);
        await foreach (var paper in papers.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            file.Add(paper);
            count++;
            if (file.Pending >= options.RowGroupSize) await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        await file.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>
    /// Writes the papers into <paramref name="directory"/> (created if missing) as <c>part-00000.parquet</c>, or, with
    /// <see cref="ParquetExportOptions.PartitionBy"/>, as Hive-style folders by featured period
    /// (<c>featured_month=2025-06/part-00000.parquet</c>; unknown or year-less dates in
    /// <c>featured_month=__HIVE_DEFAULT_PARTITION__</c>). Within a file, papers keep their input order. Files of the
    /// same names are replaced; nothing else in the directory is touched.
    /// </summary>
    /// <param name="directory">The dataset's root folder.</param>
    /// <param name="papers">The papers, read once.</param>
    /// <param name="options">Partitioning and row group size; <see cref="ParquetExportOptions.Default"/> when <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the export; files already started are left incomplete.</param>
    /// <returns>The files written, relative to <paramref name="directory"/> with <c>/</c> separators, in the order they were started.</returns>
    /// <exception cref="IOException">A folder or file cannot be created.</exception>
    public static async Task<IReadOnlyList<string>> WriteDatasetAsync(string directory, IAsyncEnumerable<Paper> papers, ParquetExportOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(papers);
        Directory.CreateDirectory(directory);
        await using var writer = new ParquetDatasetWriter(directory, options ?? ParquetExportOptions.Default);
        await foreach (var paper in papers.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await writer.AddAsync(paper, cancellationToken).ConfigureAwait(false);
        }
        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return writer.Files;
    }

    /// <summary>Reads a <c>--partition-by</c> value: <c>none</c>, <c>day</c>, <c>week</c> or <c>month</c> (any case).</summary>
    public static bool TryParsePartitioning(string? value, out ParquetPartitioning partitioning)
    {
        partitioning = value?.ToLowerInvariant() switch
        {
            "none" => ParquetPartitioning.None,
            "day" => ParquetPartitioning.Day,
            "week" => ParquetPartitioning.Week,
            "month" => ParquetPartitioning.Month,
            _ => (ParquetPartitioning)(-1),
        };
        return Enum.IsDefined(partitioning);
    }
}
