using System.Globalization;
using System.Text;
using System.Text.Json;
using PaperFeed.Http;

namespace PaperFeed.Cli;

/// <summary><c>history</c> as JSON Lines or CSV (RFC 4180, a header line), written row by row.</summary>
internal static class HistoryText
{
    public const string CsvHeader = "arxivId,day,observedAt,upvotes,comments,githubStars,rank,title";

    public static async Task WriteJsonLinesAsync(Stream destination, IAsyncEnumerable<ArchiveHistoryRow> rows, CancellationToken cancellationToken)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        await using var json = new Utf8JsonWriter(buffer);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            json.Reset();
            json.WriteStartObject();
            WriteStringOrNull(json, "arxivId", row.ArxivId);
            json.WriteString("day", row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("observedAt", Instant(row.ObservedAt));
            WriteNumberOrNull(json, "upvotes", row.Upvotes);
            WriteNumberOrNull(json, "comments", row.Comments);
            WriteNumberOrNull(json, "githubStars", row.GithubStars);
            json.WriteNumber("rank", row.Rank);
            json.WriteString("title", row.Title);
            json.WriteEndObject();
            json.Flush();
            await destination.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            destination.WriteByte((byte)'\n');
            buffer.ResetWrittenCount();
        }
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteCsvAsync(Stream destination, IAsyncEnumerable<ArchiveHistoryRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(destination, new UTF8Encoding(false), 65536, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(CsvHeader).ConfigureAwait(false);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            await writer.WriteLineAsync(string.Join(',',
                Quote(row.ArxivId ?? ""), row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Instant(row.ObservedAt),
                Number(row.Upvotes), Number(row.Comments), Number(row.GithubStars), row.Rank.ToString(CultureInfo.InvariantCulture), Quote(row.Title))).ConfigureAwait(false);
        }
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>UTC, ISO 8601 with milliseconds and Z.</summary>
    public static string Instant(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is int number) json.WriteNumber(name, number);
        else json.WriteNull(name);
    }
}
