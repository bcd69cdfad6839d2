using System.Runtime.CompilerServices;
using System.Text.Json;
using PaperFeed.IO;

namespace PaperFeed.Api;

/// <summary>
/// Streams the top-level values of API JSON as <see cref="ApiEntry"/> DTOs: the elements of an array with
/// <see cref="JsonSerializer.DeserializeAsyncEnumerable{TValue}(Stream, System.Text.Json.Serialization.Metadata.JsonTypeInfo{TValue}, CancellationToken)"/>,
/// otherwise every top-level value (one object, or JSON Lines) with <c>topLevelValues: true</c>. Either way only
/// one item is held at a time, so memory stays flat however large the archive.
/// </summary>
internal static class ApiEntryReader
{
    private const int PeekLength = 256;

    public static async IAsyncEnumerable<ApiEntry> ReadAsync(Stream stream, FeedParserOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var head = await ReplayStream.ReadHeadAsync(stream, PeekLength, cancellationToken).ConfigureAwait(false);
        bool isArray = InputStart.Content(head.Span) is [(byte)'[', ..];
        var replay = new ReplayStream(head, stream);
        var typeInfo = ApiJsonContext.Default.ApiEntry;
        var values = isArray
            ? JsonSerializer.DeserializeAsyncEnumerable(replay, typeInfo, cancellationToken)
            : JsonSerializer.DeserializeAsyncEnumerable(replay, typeInfo, topLevelValues: true, cancellationToken);
        var enumerator = values.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                ApiEntry? entry;
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false)) yield break;
                    entry = enumerator.Current;
                }
                catch (JsonException exception)
                {
                    throw InvalidJson(exception, options.SourceName);
                }
                // A literal null element carries nothing; it is not an error.
                if (entry is not null) yield return entry;
            }
        }
    }

    /// <summary>The JSON reader's position (0-based line and byte) as a 1-based line and column.</summary>
    internal static FeedFormatException InvalidJson(JsonException exception, string? sourceName, int lineOffset = 0, int columnOffset = 0)
    {
        int line = (int)Math.Min(int.MaxValue - 1, exception.LineNumber ?? 0) + 1 + lineOffset;
        int? column = exception.BytePositionInLine is long position ? (int)Math.Min(int.MaxValue - 1, position) + 1 + (exception.LineNumber is 0 or null ? columnOffset : 0) : null;
        string detail = exception.Message;
        int cut = detail.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) detail = detail[..cut];
        return new FeedFormatException(new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.InvalidJson, line, column,
            $"invalid JSON{(exception.Path is { Length: > 0 } path ? $" at {path}" : "")}: {detail}", sourceName));
    }
}
