using System.Buffers;
using System.Text;
using System.Text.Unicode;
using PaperFeed.IO;

namespace PaperFeed.Text;

/// <summary>
/// Splits UTF-8 bytes into lines without decoding them: the one line splitter of every text reader (the listing, the
/// captures, text given as characters after <see cref="IO.TextReaderUtf8Stream"/>) and of the cut-finder
/// (<see cref="Partitioning.SnapshotScanner"/>). A BOM opens the input or any line and is dropped;
/// LF, CRLF and a lone CR end lines; a NUL stops the read; a line longer than the limit (counted in UTF-16
/// characters) is skipped as it streams past. Invalid UTF-8 is replaced, as it arrives, by U+FFFD (EF BF BD) for
/// each maximal invalid subsequence, as the decoder does, so the grammar only ever sees valid UTF-8 and equal bytes
/// mean equal text.
/// </summary>
internal sealed class Utf8LineReader : ILineReader<byte>
{
    private const int InitialBufferSize = 256 * 1024;
    private static readonly SearchValues<byte> LineEndOrNul = SearchValues.Create("\r\n\0"u8);
    private static ReadOnlySpan<byte> ByteOrderMark => "\uFEFF"u8;
    private static ReadOnlySpan<byte> Replacement => "\uFFFD"u8;

    private readonly Stream _stream;
    private readonly int _maxLineLength;
    private readonly string? _sourceName;
    private byte[] _buffer;
    private int _pos;
    private int _end;     // [_pos, _end): valid UTF-8, ready to split
    private int _rawEnd;  // [_end, _rawEnd): read, not yet checked (an incomplete sequence waiting for its next bytes)
    private long _bufferOffset;
    private bool _streamDone;
    private bool _bomChecked;
    private bool _skipLeadingLf;
    private bool _skipping;
    private long _skippedLength;

    // How many bytes after _pos are known to hold no line end, and how many UTF-16 characters the first _counted
    // of them make: a long line arriving in many reads is searched and counted once, not once per read.
    private int _searched;
    private int _counted;
    private long _countedChars;

    // Offsets (in the checked bytes) of each U+FFFD that replaced invalid bytes, oldest first, and how many bytes
    // longer the replacement is than what it replaced (U+FFFD is 3 bytes; 1 to 3 were replaced).
    private readonly Queue<(long Offset, int Growth)> _invalidOffsets = new();
    private int _invalidColumn;

    // The growth of the replacements in the lines consumed so far: a checked offset minus it is an input offset.
    private long _growth;
    private long _lineStart;

    /// <param name="stream">UTF-8 bytes.</param>
    /// <param name="maxLineLength">The longest line read, in UTF-16 characters; a longer one is skipped as it streams past.</param>
    /// <param name="sourceName">The input's name, for errors.</param>
    /// <param name="initialBufferSize">The buffer's first size, which is also the most read at once until a line needs more
    /// (the cut-finder reads a few kilobytes around a position, not the default 256 KiB).</param>
    public Utf8LineReader(Stream stream, int maxLineLength, string? sourceName = null, int initialBufferSize = InitialBufferSize)
    {
        _stream = stream;
        _maxLineLength = maxLineLength;
        _sourceName = sourceName;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(16, initialBufferSize));
    }

    /// <summary>
    /// The most NUL bytes taken as padding at the end of an input (what a crash leaves in a file's last blocks): past
    /// it, the input is refused as a flood of NULs, in bounded time, however long it goes on.
    /// </summary>
    internal const int MaxNulPadding = 16 << 20;

    // NUL bytes met after some text that, so far, run to the end of what was read: padding if the input ends in them.
    private long _nulBytes;
    private long _nulAt = -1; // where they start, as an offset in the input's checked bytes
    private long _contentStart; // the offset of the input's first byte after a byte order mark

    public int LineNumber { get; private set; }

    /// <summary>
    /// The offset in the input (bytes from the stream's first byte, counted as they came, before any repair) where the
    /// line last returned starts, after a byte order mark that opens the input: the cut-finder cuts there.
    /// </summary>
    public long LineStart => _lineStart;

    /// <summary>The bytes read from the stream so far, as they came.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Bytes searched for line ends, and bytes copied (moved to the front, or into a larger buffer): both stay linear in the input.</summary>
    internal long BytesSearched { get; private set; }

    /// <inheritdoc cref="BytesSearched"/>
    internal long BytesCopied { get; private set; }

    /// <summary>The NUL bytes the input ended in (padding, dropped); 0 when none.</summary>
    public long TrailingNulBytes => _streamDone ? _nulBytes : 0;

    /// <summary>The bytes of a UTF-8 character the input ended inside (a cut file; dropped); 0 when none.</summary>
    public int CutCharacterBytes { get; private set; }

    public long SkippedLength { get; private set; }

    public bool LineHadInvalidUtf8 { get; private set; }

    public int InvalidUtf8Column { get; private set; }

    public LineStatus TryReadLine(out ReadOnlySpan<byte> line)
    {
        line = default;
        if (_skipLeadingLf && _pos < _end)
        {
            if (_buffer[_pos] == '\n') _pos++;
            _skipLeadingLf = false;
        }
        if (!_skipping) _lineStart = _bufferOffset + _pos - _growth;
        var span = new ReadOnlySpan<byte>(_buffer, _pos, _end - _pos);
        // Padding is only padding if nothing but NUL follows it.
        if (_nulAt >= 0 && (int)(_nulAt - _bufferOffset - _pos) is int at && span.Length > at && span[at] != 0) throw NotText(span, at);
        int index = span[_searched..].IndexOfAny(LineEndOrNul);
        BytesSearched += index < 0 ? span.Length - _searched : index + 1;
        if (index >= 0) index += _searched;
        _searched = 0;
        int consumed;
        if (index >= 0 && span[index] == 0 && IsPadding(span, index))
        {
            span = span[..index];
            index = -1;
        }
        if (index >= 0)
        {
            byte c = span[index];
            if (c == 0) throw NotText(span, index);
            consumed = index + 1;
            if (c == '\r')
            {
                if (index + 1 < span.Length)
                {
                    if (span[index + 1] == '\n') consumed++;
                }
                else if (!_streamDone)
                {
                    _skipLeadingLf = true;
                }
            }
        }
        else if (_streamDone)
        {
            if (span.IsEmpty && !_skipping) return LineStatus.End;
            index = span.Length;
            consumed = span.Length;
        }
        else
        {
            if (_skipping)
            {
                Discard(span, _skippedLength);
                _skippedLength += Utf8Units.CharCount(span);
            }
            else if (span.Length > _maxLineLength && PartialLineChars(span) > _maxLineLength)
            {
                _skipping = true;
                _skippedLength = _countedChars;
                Discard(span, 0);
            }
            else
            {
                _searched = span.Length;
            }
            return LineStatus.NeedData;
        }

        var content = span[..index];
        DrainInvalidUtf8(content, _skipping ? _skippedLength : 0);
        _pos += consumed;
        _counted = 0;
        _countedChars = 0;
        // Saturates rather than wrapping on inputs of more than int.MaxValue lines (statistics count in long).
        if (LineNumber < int.MaxValue) LineNumber++;
        LineHadInvalidUtf8 = _invalidColumn > 0;
        InvalidUtf8Column = _invalidColumn;
        _invalidColumn = 0;
        if (_skipping)
        {
            _skipping = false;
            SkippedLength = _skippedLength + Utf8Units.CharCount(content);
            return LineStatus.TooLong;
        }
        if (content.Length > _maxLineLength)
        {
            int chars = Utf8Units.CharCount(content);
            if (chars > _maxLineLength)
            {
                SkippedLength = chars;
                return LineStatus.TooLong;
            }
        }
        // A byte order mark opens the input, or a file concatenated into a dump: never content.
        if (content.StartsWith(ByteOrderMark)) content = content[ByteOrderMark.Length..];
        line = content;
        return LineStatus.Line;
    }

    /// <summary>
    /// True when the NUL at <paramref name="index"/> may be padding at the end of the input: text came before it and only
    /// NUL bytes after it so far. They are dropped from the buffer (memory stays bounded) and counted; at the end of the
    /// input they are <see cref="TrailingNulBytes"/>. False means the NUL is content: the input is not text.
    /// </summary>
    private bool IsPadding(ReadOnlySpan<byte> span, int index)
    {
        long offset = _bufferOffset + _pos + index;
        if (offset == _contentStart) return false; // nothing but NUL: not a listing padded by a crash
        var rest = _buffer.AsSpan(_pos + index, _rawEnd - _pos - index);
        if (rest.ContainsAnyExcept((byte)0)) return false;
        _nulBytes += rest.Length;
        if (_nulBytes > MaxNulPadding)
        {
            throw new FeedFormatException(new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.NotText, DiagnosticLocation.AtLine(LineNumber + 1L, Utf8Units.CharCount(span[..index]) + 1),
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the input is not text: more than {MaxNulPadding >> 20} MiB of NUL bytes from here"), _sourceName));
        }
        _end = _rawEnd = _pos + index;
        if (_nulAt < 0) _nulAt = offset;
        return true;
    }

    /// <summary>The UTF-16 length of the partial line <paramref name="span"/>, counting only the bytes not counted before.</summary>
    private long PartialLineChars(ReadOnlySpan<byte> span)
    {
        _countedChars += Utf8Units.CharCount(span[_counted..]);
        _counted = span.Length;
        return _countedChars;
    }

    public ReadOnlyMemory<byte> Buffer => _buffer;

    public void Fill()
    {
        PrepareFill();
        Completed(_stream.Read(_buffer.AsSpan(_rawEnd)));
    }

    public async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        PrepareFill();
        Completed(await FileReads.ReadAsync(_stream, _buffer.AsMemory(_rawEnd), cancellationToken).ConfigureAwait(false));
    }

    private void PrepareFill()
    {
        if (_pos > 0)
        {
            BytesCopied += _rawEnd - _pos;
            _buffer.AsSpan(_pos, _rawEnd - _pos).CopyTo(_buffer);
            _bufferOffset += _pos;
            _end -= _pos;
            _rawEnd -= _pos;
            _pos = 0;
        }
        if (_rawEnd == _buffer.Length) Grow(_buffer.Length * 2L);
    }

    private void Grow(long size)
    {
        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, size));
        BytesCopied += _rawEnd;
        _buffer.AsSpan(0, _rawEnd).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    private void Completed(int read)
    {
        if (read <= 0) _streamDone = true;
        else
        {
            _rawEnd += read;
            BytesRead += read;
        }
        Check();
    }

    /// <summary>Moves the bytes read into the checked region: valid UTF-8 as it is, invalid sequences replaced.</summary>
    private void Check()
    {
        if (!_bomChecked)
        {
            if (_rawEnd - _end < ByteOrderMark.Length && !_streamDone) return;
            if (_buffer.AsSpan(_end, _rawEnd - _end).StartsWith(ByteOrderMark))
            {
                _pos += ByteOrderMark.Length;
                _end += ByteOrderMark.Length;
                _contentStart = _bufferOffset + _end;
            }
            _bomChecked = true;
        }
        var raw = _buffer.AsSpan(_end, _rawEnd - _end);
        int tail = IncompleteTail(raw);
        // After a NUL, the cut bytes are not dropped: the NUL is then content (not text), whatever chunks the input came
        // in (the NUL may have been judged, as padding or as content, before these last bytes arrived).
        bool afterNul = _nulAt >= 0 || (raw.Length > tail ? raw[^(tail + 1)] == 0 : _end > 0 && _buffer[_end - 1] == 0);
        if (_streamDone && tail > 0 && !afterNul && Rune.DecodeFromUtf8(raw[^tail..], out _, out _) == OperationStatus.NeedMoreData)
        {
            // The input ends inside a character (a file cut short): its first bytes are dropped, not made a U+FFFD.
            CutCharacterBytes = tail;
            _rawEnd -= tail;
            raw = raw[..^tail];
            tail = 0;
        }
        else if (_streamDone)
        {
            tail = 0;
        }
        var complete = raw[..^tail];
        if (Utf8.IsValid(complete))
        {
            _end += complete.Length;
            return;
        }
        Repair(complete.Length, tail);
    }

    /// <summary>The length of a sequence cut off at the end of <paramref name="raw"/> (its next bytes not read yet); 0 when none.</summary>
    private static int IncompleteTail(ReadOnlySpan<byte> raw)
    {
        for (int i = raw.Length - 1; i >= Math.Max(0, raw.Length - 3); i--)
        {
            byte b = raw[i];
            if ((b & 0xC0) == 0x80) continue;
            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return raw.Length - i < needed ? raw.Length - i : 0;
        }
        return 0;
    }

    /// <summary>Rewrites <paramref name="length"/> bytes at <c>_end</c> that hold invalid UTF-8 (rare): each maximal invalid subsequence becomes U+FFFD.</summary>
    private void Repair(int length, int tail)
    {
        var repaired = ArrayPool<byte>.Shared.Rent(length * 3 + tail);
        var source = _buffer.AsSpan(_end, length + tail);
        var input = source[..length];
        int written = 0;
        while (!input.IsEmpty)
        {
            int ascii = input.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii < 0) ascii = input.Length;
            input[..ascii].CopyTo(repaired.AsSpan(written));
            written += ascii;
            input = input[ascii..];
            if (input.IsEmpty) break;
            if (Rune.DecodeFromUtf8(input, out _, out int runeLength) == OperationStatus.Done)
            {
                input[..runeLength].CopyTo(repaired.AsSpan(written));
                written += runeLength;
                input = input[runeLength..];
                continue;
            }
            _invalidOffsets.Enqueue((_bufferOffset + _end + written, Replacement.Length - Math.Max(1, runeLength)));
            Replacement.CopyTo(repaired.AsSpan(written));
            written += Replacement.Length;
            input = input[Math.Max(1, runeLength)..];
        }
        source[length..].CopyTo(repaired.AsSpan(written));
        if (_end + written + tail > _buffer.Length) Grow(_end + written + tail);
        repaired.AsSpan(0, written + tail).CopyTo(_buffer.AsSpan(_end));
        ArrayPool<byte>.Shared.Return(repaired);
        _end += written;
        _rawEnd = _end + tail;
    }

    /// <summary>Drops the buffered part of a line being skipped (its replaced-byte offsets too, to bound memory).</summary>
    private void Discard(ReadOnlySpan<byte> span, long charsBefore)
    {
        DrainInvalidUtf8(span, charsBefore);
        _pos = _end;
        _counted = 0;
        _countedChars = 0;
    }

    /// <summary>
    /// Consumes the offsets of replaced invalid UTF-8 in <paramref name="part"/> (the line's bytes from <c>_pos</c>,
    /// after <paramref name="charsBefore"/> characters of it already skipped), remembering the first one's column in
    /// UTF-16 characters from the line's start.
    /// </summary>
    private void DrainInvalidUtf8(ReadOnlySpan<byte> part, long charsBefore)
    {
        long start = _bufferOffset + _pos;
        long upTo = start + part.Length;
        while (_invalidOffsets.Count > 0 && _invalidOffsets.Peek().Offset < upTo)
        {
            var (offset, growth) = _invalidOffsets.Dequeue();
            _growth += growth;
            if (_invalidColumn != 0) continue;
            long column = charsBefore + Utf8Units.CharCount(part[..(int)(offset - start)]) + 1;
            _invalidColumn = (int)Math.Min(int.MaxValue, Math.Max(1, column));
        }
    }

    private FeedFormatException NotText(ReadOnlySpan<byte> span, int index)
    {
        long column = (_skipping ? _skippedLength : 0) + Utf8Units.CharCount(span[..index]) + 1;
        return new FeedFormatException(new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.NotText, DiagnosticLocation.AtLine(LineNumber + 1L, column),
            "the input is not text: it contains a NUL character", _sourceName));
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
