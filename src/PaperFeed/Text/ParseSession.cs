namespace PaperFeed.Text;

/// <summary>
/// Drives one parse: pulls lines from the line reader, pushes them into the <see cref="EntryAssembler{T, TUnits}"/>,
/// and stops as soon as output is ready, so callers stream. The sync and async paths share everything but the call
/// that fills the buffer.
/// </summary>
internal sealed class ParseSession<T, TUnits> : IDisposable
    where T : unmanaged, IEquatable<T>
    where TUnits : ITextUnits<T>
{
    private readonly ILineReader<T> _lines;
    private readonly EntryAssembler<T, TUnits> _assembler;
    private bool _done;

    public ParseSession(ILineReader<T> lines, ReadSettings options, EntryOutput output)
    {
        _lines = lines;
        _assembler = new EntryAssembler<T, TUnits>(options, output, lines);
    }

    public EntryAssembler<T, TUnits> Assembler => _assembler;

    /// <summary>True when the input is a piece cut just before a snapshot header (see <see cref="EntryAssembler{T, TUnits}.Complete"/>).</summary>
    public bool EndsBeforeSnapshot { get; set; }

    /// <summary>Parses until output is ready or the input ends; false when there is nothing more to take.</summary>
    public bool Advance()
    {
        while (!_done)
        {
            if (PumpBufferedLines()) return true;
            if (!_done)
            {
                _assembler.BeforeFill();
                _lines.Fill();
            }
        }
        return _assembler.HasOutput;
    }

    /// <inheritdoc cref="Advance"/>
    public async ValueTask<bool> AdvanceAsync(CancellationToken cancellationToken)
    {
        while (!_done)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (PumpBufferedLines()) return true;
            if (!_done)
            {
                _assembler.BeforeFill();
                await _lines.FillAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        return _assembler.HasOutput;
    }

    /// <summary>Consumes whole lines already in the buffer; true as soon as output is ready.</summary>
    private bool PumpBufferedLines()
    {
        if (_assembler.HasOutput) return true;
        while (true)
        {
            switch (_lines.TryReadLine(out var line))
            {
                case LineStatus.Line:
                    _assembler.PushLine(line, _lines.LineNumber, _lines.LineHadInvalidUtf8 ? _lines.InvalidUtf8Column : 0);
                    break;
                case LineStatus.TooLong:
                    _assembler.PushTooLong(_lines.LineNumber, _lines.SkippedLength, _lines.LineHadInvalidUtf8 ? _lines.InvalidUtf8Column : 0);
                    break;
                case LineStatus.NeedData:
                    return false;
                default:
                    _assembler.ReportDamagedEnd(_lines.LineNumber, _lines.TrailingNulBytes, _lines.CutCharacterBytes);
                    _assembler.Complete(EndsBeforeSnapshot);
                    _done = true;
                    return _assembler.HasOutput;
            }
            if (_assembler.HasOutput) return true;
        }
    }

    public void Dispose()
    {
        _lines.Dispose();
        _assembler.Dispose();
    }
}

/// <summary>The way into the grammar: UTF-8 bytes from a stream, split by <see cref="Utf8LineReader"/> (text given as characters is encoded on the way in).</summary>
internal static class ParseSession
{
    /// <param name="reader">Characters, read as their UTF-8 encoding (<see cref="IO.TextReaderUtf8Stream"/>).</param>
    /// <param name="options">The options.</param>
    /// <param name="output">What finished entries become.</param>
    public static ParseSession<byte, Utf8Units> Of(TextReader reader, ReadSettings options, EntryOutput output) =>
        Of(new IO.TextReaderUtf8Stream(reader), options, output);

    /// <param name="stream">UTF-8 bytes.</param>
    /// <param name="options">The options.</param>
    /// <param name="output">What finished entries become.</param>
    public static ParseSession<byte, Utf8Units> Of(Stream stream, ReadSettings options, EntryOutput output) =>
        new(new Utf8LineReader(stream, options.MaxLineLength, options.SourceName), options, output);
}
