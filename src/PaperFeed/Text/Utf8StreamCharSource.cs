using System.Buffers;
using System.Text;
using System.Text.Unicode;
using PaperFeed.IO;

namespace PaperFeed.Text;

/// <summary>
/// Decodes a byte stream as UTF-8 (skipping a BOM) into characters. Unlike <see cref="StreamReader"/>, it
/// records where invalid bytes were replaced by U+FFFD, so the parser can warn with the line.
/// </summary>
internal sealed class Utf8StreamCharSource : CharSource
{
    private const int ByteBufferSize = 64 * 1024;
    private readonly Stream _stream;
    private byte[] _bytes;
    private int _start;
    private int _end;
    private bool _streamDone;
    private bool _bomChecked;
    private long _charsProduced;

    // The second half of a surrogate pair that did not fit the caller's last one-char destination.
    private char _pendingLowSurrogate;

    public Utf8StreamCharSource(Stream stream)
    {
        _stream = stream;
        _bytes = ArrayPool<byte>.Shared.Rent(ByteBufferSize);
        InvalidOffsets = new Queue<long>();
    }

    public override int Read(Span<char> destination)
    {
        while (true)
        {
            if (TryDecode(destination, out int written)) return written;
            Compact();
            RefillBytes(_stream.Read(_bytes.AsSpan(_end)));
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<char> destination, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryDecode(destination.Span, out int written)) return written;
            Compact();
            RefillBytes(await FileReads.ReadAsync(_stream, _bytes.AsMemory(_end), cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Decodes buffered bytes; false when more bytes are needed before anything can be produced.</summary>
    private bool TryDecode(Span<char> destination, out int written)
    {
        written = 0;
        if (!_bomChecked)
        {
            if (_end - _start < 3 && !_streamDone) return false;
            if (_bytes.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8)) _start += 3;
            _bomChecked = true;
        }
        if (destination.IsEmpty) return true;
        if (_pendingLowSurrogate != '\0')
        {
            destination[written++] = _pendingLowSurrogate;
            _pendingLowSurrogate = '\0';
        }
        while (written < destination.Length)
        {
            var source = _bytes.AsSpan(_start, _end - _start);
            if (source.IsEmpty) break;
            var status = Utf8.ToUtf16(source, destination[written..], out int read, out int produced,
                replaceInvalidSequences: false, isFinalBlock: _streamDone);
            _start += read;
            written += produced;
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                if (written == destination.Length) break;
                // Replace the maximal invalid subsequence by one U+FFFD, as the Unicode standard recommends.
                Rune.DecodeFromUtf8(_bytes.AsSpan(_start, _end - _start), out _, out int invalidLength);
                _start += Math.Max(1, invalidLength);
                InvalidOffsets!.Enqueue(_charsProduced + written);
                destination[written++] = '\uFFFD';
                continue;
            }
            if (status == System.Buffers.OperationStatus.NeedMoreData) break;
            if (status == System.Buffers.OperationStatus.DestinationTooSmall)
            {
                // Only a surrogate pair can fail to fit a non-empty destination: with no room for both halves and
                // nothing written yet, split it, or the caller would read "no progress" as the end of the input.
                if (written == 0 && destination.Length == 1 &&
                    Rune.DecodeFromUtf8(_bytes.AsSpan(_start, _end - _start), out var rune, out int runeLength) == System.Buffers.OperationStatus.Done)
                {
                    destination[written++] = (char)(0xD800 + ((rune.Value - 0x10000) >> 10));
                    _pendingLowSurrogate = (char)(0xDC00 + ((rune.Value - 0x10000) & 0x3FF));
                    _start += runeLength;
                }
                break;
            }
        }
        _charsProduced += written;
        return written > 0 || _streamDone;
    }

    private void RefillBytes(int read)
    {
        if (read == 0)
        {
            _streamDone = true;
            return;
        }
        _end += read;
    }

    /// <summary>Called before reading bytes: keeps the undecoded tail and makes room.</summary>
    private void Compact()
    {
        if (_start > 0)
        {
            _bytes.AsSpan(_start, _end - _start).CopyTo(_bytes);
            _end -= _start;
            _start = 0;
        }
    }

    public override void Dispose()
    {
        if (_bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = [];
        }
    }
}
