namespace PaperFeed.Parquet;

/// <summary>Settings of a Parquet export. Immutable: derive variants with <c>with { … }</c>.</summary>
public sealed record ParquetExportOptions
{
    /// <summary>The options used when none are given.</summary>
    public static ParquetExportOptions Default { get; } = new();

    /// <summary>How a dataset is split into folders; <see cref="ParquetPartitioning.None"/> by default.</summary>
    public ParquetPartitioning PartitionBy { get; init; } = ParquetPartitioning.None;

    /// <summary>
    /// The most papers held in memory before they are written out as a row group (across all partitions of a
    /// dataset); 10,000 by default. Memory grows with this number, never with the size of the input.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int RowGroupSize
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(RowGroupSize), value, "A row group holds at least one paper.");
    } = 10_000;
}
