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
    public static Stream Decompress(string kind, Stream compressed, string? sourceName)
    {
        if (kind != "gzip") return new Decompressed(kind, new ZstdSharp.DecompressionStream(compressed), null, sourceName);
        var tail = new TailStream(compressed);
        return new Decompressed(kind, new GZipStream(tail, CompressionMode.Decompress), tail, sourceName);
    }

    /// <summary>
    /// The decompressor's reads, with its exceptions about bad data turned into the typed error. GZipStream ends
    /// quietly on a file cut short, so the end of a gzip input is checked against the trailer: the last member's ISIZE
    /// (RFC 1952: the uncompressed length mod 2^32) must equal the bytes read, or be at most that for concatenated
    /// members. A cut file's last four bytes are compressed data, which passes that test only by chance (less than one
    /// in 40,000 for 100 MiB; the check is skipped past 4 GiB, where every value passes).
    /// </summary>
    private sealed class Decompressed(string kind, Stream inner, TailStream? gzipTail, string? sourceName) : ReadOnlyForwardStream
    {
        private long _total;

        public override int Read(Span<byte> buffer)
        {
            try
            {
                return Checked(inner.Read(buffer), buffer.Length);
            }
            catch (Exception e) when (IsBadData(e))
            {
                throw Damaged(e.Message, e);
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return Checked(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false), buffer.Length);
            }
            catch (Exception e) when (IsBadData(e))
            {
                throw Damaged(e.Message, e);
            }
        }

        private int Checked(int read, int requested)
        {
            _total += read;
            // A read of 0 bytes for a non-empty buffer is the end of the input.
            if (read == 0 && requested > 0 && !_checked && gzipTail is { } tail && _total < 1L << 32)
            {
                long isize = tail.LastFour;
                if (isize < 0 || (isize != _total && isize > _total)) throw Damaged("the gzip trailer is missing: the file was cut short", null);
            }
            if (read == 0 && requested > 0) _checked = true;
            return read;
        }

        private bool _checked;

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        // GZipStream throws InvalidDataException; ZstdSharp throws ZstdException, and EndOfStreamException for a cut frame.
        private static bool IsBadData(Exception e) => e is InvalidDataException or EndOfStreamException or ZstdSharp.ZstdException;

        private FeedFormatException Damaged(string why, Exception? e) => new(new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.DamagedCompressedInput,
            DiagnosticLocation.None, $"the input is {kind}-compressed, and its compressed data is damaged or cut short ({why})", sourceName), e);
    }

    /// <summary>Passes reads through and keeps the last four bytes read (a gzip trailer's ISIZE, little-endian).</summary>
    private sealed class TailStream(Stream inner) : ReadOnlyForwardStream
    {
        private readonly byte[] _last = new byte[4];
        private long _read;

        /// <summary>The last four bytes as an unsigned little-endian number; -1 when fewer were read.</summary>
        public long LastFour => _read < 4 ? -1 : System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(_last);

        public override int Read(Span<byte> buffer) => Keep(buffer, inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int read = await FileReads.ReadAsync(inner, buffer, cancellationToken).ConfigureAwait(false);
            return Keep(buffer.Span, read);
        }

        private int Keep(ReadOnlySpan<byte> buffer, int read)
        {
            if (read >= 4)
            {
                buffer.Slice(read - 4, 4).CopyTo(_last);
            }
            else if (read > 0)
            {
                // Shift the kept bytes left and append the new ones.
                _last.AsSpan(read).CopyTo(_last);
                buffer[..read].CopyTo(_last.AsSpan(4 - read));
            }
            _read += read;
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
