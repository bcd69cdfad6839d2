using System.IO.Compression;

namespace PaperFeed.IO;

/// <summary>
/// Compressed inputs, told by their magic bytes (never by a file name: standard input and streams have none): gzip
/// (RFC 1952; concatenated members, as <c>cat a.gz b.gz</c> makes, are read through) and Zstandard (RFC 8878 frames,
/// through ZstdSharp, a pure managed port that is trim- and AOT-safe). What comes out is read as if never compressed;
/// damaged compressed data is a <see cref="FeedFormatException"/> (<see cref="DiagnosticCodes.DamagedCompressedInput"/>).
/// </summary>
internal static class Compression
{
    /// <summary>Bytes enough to tell every supported magic.</summary>
    public const int MagicLength = 4;

    /// <summary>The name of the compression the bytes start with ("gzip", "zstd"), or null.</summary>
    public static string? Detect(ReadOnlySpan<byte> start) => start switch
    {
        [0x1F, 0x8B, 0x08, ..] => "gzip",
        [0x28, 0xB5, 0x2F, 0xFD, ..] => "zstd",
        _ => null,
    };

    /// <summary>A stream of the decompressed bytes of <paramref name="compressed"/> (which it disposes).</summary>
    public static Stream Decompress(string kind, Stream compressed, string? sourceName) =>
        new Decompressed(kind, kind == "gzip" ? new GZipStream(compressed, CompressionMode.Decompress) : new ZstdSharp.DecompressionStream(compressed), sourceName);

    /// <summary>The decompressor's reads, with its exceptions about bad data turned into the typed error.</summary>
    private sealed class Decompressed(string kind, Stream inner, string? sourceName) : ReadOnlyForwardStream
    {
        public override int Read(Span<byte> buffer)
        {
            try
            {
                return inner.Read(buffer);
            }
            catch (Exception e) when (IsBadData(e))
            {
                throw Damaged(e);
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsBadData(e))
            {
                throw Damaged(e);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        // GZipStream throws InvalidDataException; ZstdSharp throws ZstdException, and EndOfStreamException for a cut frame.
        private static bool IsBadData(Exception e) => e is InvalidDataException or EndOfStreamException or ZstdSharp.ZstdException;

        private FeedFormatException Damaged(Exception e) => new(new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.DamagedCompressedInput,
            DiagnosticLocation.None, $"the input is {kind}-compressed, and its compressed data is damaged or cut short ({e.Message})", sourceName), e);
    }
}
