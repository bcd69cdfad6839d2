using System.Globalization;

namespace PaperFeed.Html;

/// <summary>
/// Reads a page's bytes whole, refusing it (<c>PF924</c>) as soon as more than the limit has arrived: a seekable
/// stream that is too long is refused before any read, and bytes are gathered in chunks, so at the refusal the
/// reader holds about the limit, never a doubled buffer or its UTF-16 copy.
/// </summary>
internal static class HtmlPageBytes
{
    private const int FirstChunk = 64 * 1024;
    private const int LargestChunk = 16 * 1024 * 1024;

    /// <summary>The stream's bytes, up to its end.</summary>
    /// <exception cref="FeedFormatException">PF924: more than <paramref name="maxBytes"/> bytes.</exception>
    public static Task<ReadOnlyMemory<byte>> ReadAsync(Stream stream, long maxBytes, FeedReadContext context, CancellationToken cancellationToken) =>
        ReadCoreAsync(stream, maxBytes, context, synchronous: false, cancellationToken);

    /// <summary>The stream's bytes, up to its end, read on the caller's thread.</summary>
    /// <exception cref="FeedFormatException">PF924: more than <paramref name="maxBytes"/> bytes.</exception>
    public static ReadOnlyMemory<byte> Read(Stream stream, long maxBytes, FeedReadContext context)
    {
        var reading = ReadCoreAsync(stream, maxBytes, context, synchronous: true, CancellationToken.None);
        // Synchronous mode reads with Stream.Read only: the task has completed.
        return reading.IsCompleted ? reading.GetAwaiter().GetResult() : throw new InvalidOperationException("A synchronous page read went asynchronous.");
    }

    private static async Task<ReadOnlyMemory<byte>> ReadCoreAsync(Stream stream, long maxBytes, FeedReadContext context, bool synchronous, CancellationToken cancellationToken)
    {
        long? known = KnownLength(stream);
        if (known > maxBytes) throw TooLarge(maxBytes, context);
        // A known length sizes the first chunk; one byte more tells whether the stream holds more than it said.
        long size = known is long length ? length + 1 : Math.Min(FirstChunk, maxBytes + 1);
        var chunks = new List<(byte[] Bytes, int Length)>();
        long total = 0;
        while (true)
        {
            var chunk = new byte[(int)size];
            int filled = await FillAsync(stream, chunk, synchronous, cancellationToken).ConfigureAwait(false);
            total += filled;
            if (total > maxBytes) throw TooLarge(maxBytes, context);
            chunks.Add((chunk, filled));
            if (filled < chunk.Length) break;
            // Never past the limit's next byte: the chunk that passes it is the last one read.
            size = Math.Min(Math.Min(size * 2, LargestChunk), maxBytes + 1 - total);
        }
        return Join(chunks, total);
    }

    private static async Task<int> FillAsync(Stream stream, byte[] chunk, bool synchronous, CancellationToken cancellationToken)
    {
        int filled = 0;
        while (filled < chunk.Length)
        {
            int read = synchronous ? stream.Read(chunk.AsSpan(filled)) : await stream.ReadAsync(chunk.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            filled += read;
        }
        return filled;
    }

    private static long? KnownLength(Stream stream)
    {
        if (!stream.CanSeek) return null;
        try
        {
            return Math.Max(0, stream.Length - stream.Position);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static ReadOnlyMemory<byte> Join(List<(byte[] Bytes, int Length)> chunks, long total)
    {
        if (chunks.Count == 1) return chunks[0].Bytes.AsMemory(0, chunks[0].Length);
        var bytes = new byte[total];
        int at = 0;
        for (int i = 0; i < chunks.Count; i++)
        {
            chunks[i].Bytes.AsSpan(0, chunks[i].Length).CopyTo(bytes.AsSpan(at));
            at += chunks[i].Length;
            chunks[i] = ([], 0); // each chunk can go as soon as it is copied
        }
        return bytes;
    }

    private static FeedFormatException TooLarge(long limit, FeedReadContext context) => new(new FeedDiagnostic(
        DiagnosticSeverity.Error, DiagnosticCodes.InputTooLarge, DiagnosticLocation.None,
        string.Create(CultureInfo.InvariantCulture, $"the HTML page is larger than {limit} bytes, the most read into memory"), context.SourceName));
}
