using Parquet;
using Parquet.Schema;
using PaperFeed.Http;

namespace PaperFeed.Cli;

/// <summary>
/// <c>history --format parquet</c>: one row group per 100,000 rows, Snappy, columns named as in the JSON Lines form;
/// <c>observedAt</c> is a UTC timestamp (microseconds), <c>day</c> a date. Only column types PaperFeed.Parquet
/// already uses (string, int?, DateOnly?, DateTime?), which the native executable is proven to hold.
/// </summary>
internal static class HistoryParquet
{
    private const int RowGroupSize = 100_000;

    private static readonly DataField<string> ArxivId = new("arxivId", nullable: true);
    private static readonly DataField<DateOnly?> Day = new("day");
    private static readonly DateTimeDataField ObservedAt = new("observedAt", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true);
    private static readonly DataField<int?> Upvotes = new("upvotes");
    private static readonly DataField<int?> Comments = new("comments");
    private static readonly DataField<int?> GithubStars = new("githubStars");
    private static readonly DataField<int?> Rank = new("rank");
    private static readonly DataField<string> Title = new("title", nullable: true);
    private static readonly ParquetSchema Schema = new(ArxivId, Day, ObservedAt, Upvotes, Comments, GithubStars, Rank, Title);

    public static async Task WriteAsync(Stream destination, IAsyncEnumerable<ArchiveHistoryRow> rows, CancellationToken cancellationToken)
    {
        // Parquet.Net flushes synchronously and takes offsets from the stream's position: the file is made in memory
        // (a history row is about 100 bytes), then copied out.
        using var buffer = new MemoryStream();
        var pending = new List<ArchiveHistoryRow>(RowGroupSize);
        await using (var writer = await ParquetWriter.CreateAsync(Schema, buffer, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await foreach (var row in rows.ConfigureAwait(false))
            {
                pending.Add(row);
                if (pending.Count < RowGroupSize) continue;
                await WriteGroupAsync(writer, pending, cancellationToken).ConfigureAwait(false);
                pending.Clear();
            }
            if (pending.Count > 0) await WriteGroupAsync(writer, pending, cancellationToken).ConfigureAwait(false);
        }
        await DrainAsync(buffer, destination, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteGroupAsync(ParquetWriter writer, List<ArchiveHistoryRow> rows, CancellationToken cancellationToken)
    {
        using var group = writer.CreateRowGroup();
        await WriteStringsAsync(group, ArxivId, rows.Select(r => r.ArxivId), cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<DateOnly>(Day, rows.Select(r => (DateOnly?)r.Day).ToArray(), repetitionLevels: null, customMetadata: null, cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<DateTime>(ObservedAt, rows.Select(r => (DateTime?)r.ObservedAt.UtcDateTime).ToArray(), repetitionLevels: null, customMetadata: null, cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<int>(Upvotes, rows.Select(r => r.Upvotes).ToArray(), repetitionLevels: null, customMetadata: null, cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<int>(Comments, rows.Select(r => r.Comments).ToArray(), repetitionLevels: null, customMetadata: null, cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<int>(GithubStars, rows.Select(r => r.GithubStars).ToArray(), repetitionLevels: null, customMetadata: null, cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<int>(Rank, rows.Select(r => (int?)r.Rank).ToArray(), repetitionLevels: null, customMetadata: null, cancellationToken).ConfigureAwait(false);
        await WriteStringsAsync(group, Title, rows.Select(r => (string?)r.Title), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An optional string column with its definition levels (Parquet.Net writes a null memory as an empty string otherwise).</summary>
    private static Task WriteStringsAsync(ParquetRowGroupWriter group, DataField field, IEnumerable<string?> values, CancellationToken cancellationToken)
    {
        var present = new List<ReadOnlyMemory<char>>();
        var levels = new List<int>();
        foreach (string? value in values)
        {
            levels.Add(value is null ? 0 : 1);
            if (value is not null) present.Add(value.AsMemory());
        }
        return group.WriteAllPartsAsync<ReadOnlyMemory<char>>(field, present.ToArray(), levels.ToArray(), repetitionLevels: null, cancellationToken);
    }

    private static async Task DrainAsync(MemoryStream buffer, Stream destination, CancellationToken cancellationToken) =>
        await destination.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
}
