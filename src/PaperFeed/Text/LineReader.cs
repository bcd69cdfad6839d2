using System.Buffers;

namespace PaperFeed.Text;

/// <summary>What <see cref="LineReader.TryReadLine"/> found.</summary>
internal enum LineStatus
{
    /// <summary>A line is ready.</summary>
    Line,

    /// <summary>A line longer than the limit was skipped; only its length is known.</summary>
    TooLong,

    /// <summary>The buffer holds no whole line: call <see cref="LineReader.Fill"/> or <see cref="LineReader.FillAsync"/>.</summary>
    NeedData,

    /// <summary>The input is exhausted.</summary>
    End,
}

/// <summary>
/// Splits characters into lines (LF, CRLF or lone CR) over one pooled buffer. Lines are spans into that buffer,
/// valid until the next call; no string is made here. A line longer than the limit is skipped as it streams
/// past, so memory stays bounded by the limit whatever the input.
/// </summary>
internal sealed class LineReader : ILineReader<char>
{
    // 128K characters: after a partial line moves to the front, at least 64K stay free, so a StreamReader with
    // a 64 KB buffer decodes straight into this buffer instead of into its own and then copying (3-7% faster).
    private const int InitialBufferSize = 128 * 1024;

    private readonly CharSource _source;
    private readonly int _maxLineLength;
    private readonly int _maxBufferSize;
    private char[] _buffer;
    private int _pos;
    private int _end;
    private long _bufferOffset;
    private bool _sourceDone;
    private bool _skipLeadingLf;
    private bool _skipping;
    private long _skippedLength;

    // How many characters after _pos are known to hold no line end: a long line arriving in many reads is searched
    // once, not once per read (which made a 200 MB line quadratic at a high --max-line-length).
    private int _searched;

    // Where the first NUL in the buffer is (int.MaxValue: none). Each read is searched for one as it arrives, so
    // lines are split on CR and LF alone, a search the runtime packs to bytes (\0 would keep it on 16-bit lanes,
    // about twice the cost); a NUL still ends the read exactly where a search for all three would stop.
    private int _nul = int.MaxValue;

    private readonly string? _sourceName;
    private long _lineStartOffset;
    private int _invalidColumn;

    public LineReader(CharSource source, int maxLineLength, string? sourceName = null)
    {
        _source = source;
        _sourceName = sourceName;
        _maxLineLength = maxLineLength;
        // Room for a longest allowed line plus a CRLF; the buffer grows to this only when lines need it.
        _maxBufferSize = (int)Math.Min(Array.MaxLength, (long)maxLineLength + 2);
        _buffer = ArrayPool<char>.Shared.Rent(Math.Min(InitialBufferSize, Math.Max(_maxBufferSize, 16)));
    }

    /// <summary>The 1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The length of the line last returned as <see cref="LineStatus.TooLong"/>.</summary>
    public long SkippedLength { get; private set; }

    /// <summary>True when the line last returned contained a U+FFFD that replaced invalid UTF-8.</summary>
    public bool LineHadInvalidUtf8 { get; private set; }

    /// <summary>The 1-based column of the first replaced character in the line last returned.</summary>
    public int InvalidUtf8Column { get; private set; }

    /// <summary>Characters searched for line ends, and characters copied (moved to the front, or into a larger buffer): both stay linear in the input.</summary>
    internal long CharsSearched { get; private set; }

    /// <inheritdoc cref="CharsSearched"/>
    internal long CharsCopied { get; private set; }

    /// <summary>How many characters have been consumed.</summary>
    public long Position => _bufferOffset + _pos;

    public LineStatus TryReadLine(out ReadOnlySpan<char> line)
    {
        line = default;
        if (_skipLeadingLf && _pos < _end)
        {
            if (_buffer[_pos] == '\n') _pos++;
            _skipLeadingLf = false;
        }
        var span = new ReadOnlySpan<char>(_buffer, _pos, _end - _pos);
        int index = span[_searched..].IndexOfAny('\r', '\n');
        CharsSearched += index < 0 ? span.Length - _searched : index + 1;
        if (index >= 0) index += _searched;
        _searched = 0;
        if (_nul != int.MaxValue && (uint)(_nul - _pos) < (uint)(index < 0 ? span.Length : index)) index = _nul - _pos;
        int consumed;
        if (index >= 0)
        {
            char c = span[index];
            if (c == '\0') throw NotText(index);
            consumed = index + 1;
            if (c == '\r')
            {
                if (index + 1 < span.Length)
                {
                    if (span[index + 1] == '\n') consumed++;
                }
                else if (!_sourceDone)
                {
                    _skipLeadingLf = true;
                }
            }
        }
        else if (_sourceDone)
        {
            if (span.IsEmpty && !_skipping) return LineStatus.End;
            index = span.Length;
            consumed = span.Length;
        }
        else
        {
            if (_skipping)
            {
                _skippedLength += span.Length;
                Discard();
            }
            else if (span.Length > _maxLineLength)
            {
                _skipping = true;
                _lineStartOffset = _bufferOffset + _pos;
                _skippedLength = span.Length;
                Discard();
            }
            else
            {
                _searched = span.Length;
            }
            return LineStatus.NeedData;
        }

        long lineStart = _skipping ? _lineStartOffset : _bufferOffset + _pos;
        var content = span[..index];
        DrainInvalidUtf8(_bufferOffset + _pos + index, lineStart);
        _pos += consumed;
        // Saturates rather than wrapping on inputs of more than int.MaxValue lines (statistics count in long).
        if (LineNumber < int.MaxValue) LineNumber++;
        LineHadInvalidUtf8 = _invalidColumn > 0;
        InvalidUtf8Column = _invalidColumn;
        _invalidColumn = 0;
        if (_skipping)
        {
            _skipping = false;
            SkippedLength = _skippedLength + index;
            return LineStatus.TooLong;
        }
        if (content.Length > _maxLineLength)
        {
            SkippedLength = content.Length;
            return LineStatus.TooLong;
        }
        // A byte order mark opens the input, or a file concatenated into a dump: never content.
        if (!content.IsEmpty && content[0] == '\uFEFF') content = content[1..];
        line = content;
        return LineStatus.Line;
    }

    public ReadOnlyMemory<char> Buffer => _buffer;

    /// <summary>Reads more characters; after it, <see cref="TryReadLine"/> can make progress.</summary>
    public void Fill()
    {
        PrepareFill();
        Completed(_source.Read(_buffer.AsSpan(_end)));
    }

    /// <inheritdoc cref="Fill"/>
    public async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        PrepareFill();
        Completed(await _source.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false));
    }

    private void PrepareFill()
    {
        if (_pos > 0)
        {
            CharsCopied += _end - _pos;
            _buffer.AsSpan(_pos, _end - _pos).CopyTo(_buffer);
            if (_nul != int.MaxValue) _nul -= _pos;
            _bufferOffset += _pos;
            _end -= _pos;
            _pos = 0;
        }
        if (_end == _buffer.Length)
        {
            // A partial line fills the buffer but is within the limit: grow, never past the limit.
            int size = (int)Math.Min(_maxBufferSize, (long)_buffer.Length * 2);
            if (size <= _buffer.Length) size = _buffer.Length + 1;
            var bigger = ArrayPool<char>.Shared.Rent(size);
            CharsCopied += _end;
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = bigger;
        }
    }

    private void Completed(int read)
    {
        if (read <= 0)
        {
            _sourceDone = true;
            return;
        }
        if (_nul == int.MaxValue)
        {
            int nul = _buffer.AsSpan(_end, read).IndexOf('\0');
            if (nul >= 0) _nul = _end + nul;
        }
        _end += read;
    }

    /// <summary>Drops the buffered part of a line being skipped (its replaced-byte offsets too, to bound memory).</summary>
    private void Discard()
    {
        DrainInvalidUtf8(_bufferOffset + _end, _lineStartOffset);
        _pos = _end;
    }

    /// <summary>Consumes the offsets of replaced invalid UTF-8 before <paramref name="upTo"/>, remembering the first column.</summary>
    private void DrainInvalidUtf8(long upTo, long lineStart)
    {
        var offsets = _source.InvalidOffsets;
        if (offsets is null) return;
        while (offsets.Count > 0 && offsets.Peek() < upTo)
        {
            long offset = offsets.Dequeue();
            if (_invalidColumn == 0) _invalidColumn = (int)Math.Min(int.MaxValue, Math.Max(1, offset - lineStart + 1));
        }
    }

    private FeedFormatException NotText(int index)
    {
        int column = (int)Math.Min(int.MaxValue, (_skipping ? _skippedLength : 0) + index + 1);
        return new FeedFormatException(new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.NotText, DiagnosticLocation.AtLine(LineNumber + 1L, column),
            "the input is not text: it contains a NUL character", _sourceName));
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = [];
        }
        _source.Dispose();
    }
}
