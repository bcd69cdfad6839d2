using System.Buffers;
using System.Text.Json;

namespace PaperFeed.Json;

/// <summary>
/// Cuts a UTF-8 stream into top-level JSON values: the elements of one top-level array, or a sequence of
/// values (JSON Lines, or a single value). Each value is handed out whole from a pooled buffer that grows
/// only to the largest value, so an array of many papers or a long JSON Lines file reads in flat memory.
/// </summary>
internal sealed class JsonValueSplitter : IDisposable
{
    /// <summary>No single value (a paper, or a whole feed) may be larger than this: bounds memory on hostile input.</summary>
    internal const int MaxValueLength = 256 * 1024 * 1024;

    /// <summary>
    /// No single string may be longer than this many bytes (System.Text.Json's limit for one token: 1,000,000,000 / 6),
    /// because no JSON writer could write it back out: a longer one fails here, with its place, not when written.
    /// </summary>
    internal const int MaxStringLength = 1_000_000_000 / 6;

    private enum Mode { Start, ArrayFirst, ArrayNext, ArrayAfterComma, ArrayDone, Values }

    private readonly Stream _stream;
    private readonly string? _source;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _bomChecked;
    private Mode _mode;
    private long _line = 1;
    private long _column = 1;

    /// <summary>
    /// Measuring a value only finds where it ends: it follows nesting as deep as a value can be, so one item nested
    /// deeper than its reader accepts is that reader's to refuse, alone, not the end of the input.
    /// </summary>
    private static readonly JsonReaderOptions MeasureOptions = new() { MaxDepth = MaxValueLength };

    // How far the value at _start has been scanned, and the reader's state there (see TryMeasureValue).
    private int _scanned;
    private JsonReaderState _scanState = new(MeasureOptions);

    private readonly bool _arraySequence;

    // Reads the stream with Read, not ReadAsync: every ReadAsync of the splitter then completes synchronously (the
    // sync paths, see IO.Synchronously).
    private readonly bool _synchronous;

    /// <param name="stream">The input.</param>
    /// <param name="source">The input's name, for errors.</param>
    /// <param name="initialBufferSize">The buffer's first size; it grows to the largest value.</param>
    /// <param name="arraySequence">Accept several top-level arrays one after another (JSON Lines whose every line is
    /// an array), each split into its elements; see <see cref="ArrayCount"/>.</param>
    /// <param name="synchronous">Read the stream synchronously, for the sync paths.</param>
    public JsonValueSplitter(Stream stream, string? source, int initialBufferSize = 16 * 1024, bool arraySequence = false, bool synchronous = false)
    {
        _synchronous = synchronous;
        _stream = stream;
        _source = source;
        _arraySequence = arraySequence;
        _buffer = ArrayPool<byte>.Shared.Rent(initialBufferSize);
    }

    /// <summary>The 1-based line where the current value starts.</summary>
    public long ValueLine { get; private set; }

    /// <summary>The 1-based byte column where the current value starts.</summary>
    public long ValueColumn { get; private set; }

    /// <summary>Lines read so far, counted as the text parser counts them (a final line without a newline counts).</summary>
    public long LineCount => _column == 1 ? _line - 1 : _line;

    /// <summary>How many top-level arrays have been opened so far (0 for a sequence of values).</summary>
    public int ArrayCount { get; private set; }

    /// <summary>True once the input turned out to be a sequence of values (JSON Lines, or one value), not one top-level array.</summary>
    public bool IsValueSequence => _mode == Mode.Values;

    /// <summary>
    /// After <see cref="ReadAsync"/> threw on a value of a sequence, drops the rest of the line the value started on
    /// (so JSON Lines input can go on with its next line) and forgets the partial scan.
    /// </summary>
    public async ValueTask SkipLineAsync(CancellationToken cancellationToken)
    {
        _scanned = 0;
        _scanState = new JsonReaderState(MeasureOptions);
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                Consume(newline + 1);
                return;
            }
            Consume(_end - _start);
            if (_eof) return;
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The next value, valid until the next call; empty at the end of the input.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!_bomChecked)
        {
            while (_end - _start < 3 && !_eof) await FillAsync(cancellationToken).ConfigureAwait(false);
            _bomChecked = true;
            if (_buffer.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8)) _start += 3;
        }
        while (true)
        {
            SkipWhitespace();
            if (_start == _end)
            {
                if (_eof)
                {
                    if (_mode is Mode.ArrayFirst or Mode.ArrayNext or Mode.ArrayAfterComma) throw Error("the input ends inside the top-level array (']' expected)");
                    return null;
                }
                await FillAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            byte b = _buffer[_start];
            // A byte order mark at the start of a line: files that each start with one, joined with cat.
            if (b == 0xEF && _column == 1)
            {
                if (_end - _start < 3 && !_eof)
                {
                    await FillAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (_buffer.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8))
                {
                    _start += 3;
                    continue;
                }
            }
            switch (_mode)
            {
                case Mode.Start when b == (byte)'[':
                case Mode.ArrayDone when b == (byte)'[' && _arraySequence:
                    Consume(1);
                    _mode = Mode.ArrayFirst;
                    ArrayCount++;
                    continue;
                case Mode.Start:
                    _mode = Mode.Values;
                    break;
                case Mode.ArrayFirst when b == (byte)']':
                case Mode.ArrayNext when b == (byte)']':
                    Consume(1);
                    _mode = Mode.ArrayDone;
                    continue;
                case Mode.ArrayNext when b == (byte)',':
                    Consume(1);
                    _mode = Mode.ArrayAfterComma;
                    continue;
                case Mode.ArrayNext:
                    throw Error("',' or ']' expected after an array element");
                case Mode.ArrayDone:
                    throw Error("unexpected data after the end of the top-level array");
            }
            int length = TryMeasureValue();
            if (length == 0)
            {
                await FillAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (_mode is Mode.ArrayFirst or Mode.ArrayAfterComma) _mode = Mode.ArrayNext;
            ValueLine = _line;
            ValueColumn = _column;
            var value = _buffer.AsMemory(_start, length);
            LoneSurrogates.Repair(value.Span);
            Consume(length);
            return value;
        }
    }

    /// <summary>Turns a <see cref="JsonException"/> about the current value into a typed error at its place in the input.</summary>
    public FeedFormatException Wrap(JsonException exception)
    {
        long relativeLine = exception.LineNumber ?? 0;
        long relativeColumn = exception.BytePositionInLine ?? 0;
        long line = ValueLine + relativeLine;
        long column = relativeLine == 0 ? ValueColumn + relativeColumn : relativeColumn + 1;
        string message = StripPosition(exception.Message);
        if (!string.IsNullOrEmpty(exception.Path) && exception.Path != "$") message += $" (at {exception.Path})";
        return Error(message, line, column, inner: exception);
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>The length of the complete value at <see cref="_start"/>, or 0 when more input is needed.</summary>
    /// <remarks>
    /// Resumes where the previous call stopped (the reader's state is kept), so a value that arrives in many small
    /// reads, as from a pipe, is scanned once, not once per read.
    /// </remarks>
    private int TryMeasureValue()
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start + _scanned, _end - _start - _scanned), isFinalBlock: _eof, _scanState);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueSpan.Length > MaxStringLength)
                {
                    throw StringTooLarge(_scanned + reader.TokenStartIndex, reader.ValueSpan.Length);
                }
                if (reader.CurrentDepth > 0 || reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) continue;
                // A primitive, or the end of the object or array, at the top level: the value is complete.
                int length = checked(_scanned + (int)reader.BytesConsumed);
                _scanned = 0;
                _scanState = new JsonReaderState(MeasureOptions);
                return length;
            }
            _scanned += (int)reader.BytesConsumed;
            _scanState = reader.CurrentState;
            return 0;
        }
        catch (JsonException exception)
        {
            ValueLine = _line;
            ValueColumn = _column;
            throw Wrap(exception);
        }
    }

    private void SkipWhitespace()
    {
        while (_start < _end)
        {
            switch (_buffer[_start])
            {
                case (byte)'\n':
                    _line++;
                    _column = 1;
                    break;
                case (byte)' ' or (byte)'\t' or (byte)'\r':
                    _column++;
                    break;
                default:
                    return;
            }
            _start++;
        }
    }

    private void Consume(int length)
    {
        var consumed = _buffer.AsSpan(_start, length);
        int newlines = consumed.Count((byte)'\n');
        if (newlines == 0)
        {
            _column += length;
        }
        else
        {
            _line += newlines;
            _column = length - consumed.LastIndexOf((byte)'\n');
        }
        _start += length;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxValueLength) throw Error($"a JSON value is larger than {MaxValueLength / (1024 * 1024)} MiB", _line, _column, DiagnosticCodes.JsonValueTooLarge);
            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(MaxValueLength, _buffer.Length * 2));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        int read = _synchronous ? _stream.Read(_buffer.AsSpan(_end)) : await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0) _eof = true;
        _end += read;
    }

    private FeedFormatException Error(string message) => Error(message, _line, _column);

    /// <summary>PF903 at the string that starts <paramref name="offset"/> bytes into the current value.</summary>
    private FeedFormatException StringTooLarge(long offset, int length)
    {
        var before = _buffer.AsSpan(_start, (int)offset);
        int newlines = before.Count((byte)'\n');
        long line = _line + newlines;
        long column = newlines == 0 ? _column + offset : offset - before.LastIndexOf((byte)'\n');
        return Error(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"a JSON string of {length:N0} bytes is longer than the {MaxStringLength:N0} bytes a JSON writer can write"), line, column, DiagnosticCodes.JsonValueTooLarge);
    }

    private FeedFormatException Error(string message, long line, long column, string code = DiagnosticCodes.InvalidJson, JsonException? inner = null) =>
        new(new FeedDiagnostic(DiagnosticSeverity.Error, code, DiagnosticLocation.AtLine(line, column), message, _source), inner);

    /// <summary>System.Text.Json appends positions relative to the value; the caller reports absolute ones instead.</summary>
    private static string StripPosition(string message)
    {
        foreach (string marker in (ReadOnlySpan<string>)[" Path: ", " LineNumber: "])
        {
            int at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0) message = message[..at];
        }
        return message.TrimEnd();
    }
}
