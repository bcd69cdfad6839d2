namespace PaperFeed.Text;

/// <summary>
/// Drives one parse: pulls lines from the <see cref="LineReader"/>, pushes them into the
/// <see cref="EntryAssembler"/>, and stops as soon as output is ready, so callers stream.
/// The sync and async paths share everything but the call that fills the buffer.
/// </summary>
internal sealed class ParseSession : IDisposable
{
    private readonly LineReader _lines;
    private readonly EntryAssembler _assembler;
    private bool _done;

    // firstLineNumber: 1, or where a piece of a larger input starts, so papers and diagnostics carry the whole
    // input's line numbers.
    public ParseSession(CharSource source, FeedParserOptions options, bool materialize, bool collectFeeds, int firstLineNumber = 1)
    {
        _lines = new LineReader(source, options.MaxLineLength, options.SourceName, firstLineNumber);
        _assembler = new EntryAssembler(options, materialize, collectFeeds);
    }

    public EntryAssembler Assembler => _assembler;

    /// <summary>True when the input is a piece cut just before a snapshot header (see <see cref="EntryAssembler.Complete"/>).</summary>
    public bool EndsBeforeSnapshot { get; init; }

    /// <summary>Parses until output is ready or the input ends; false when there is nothing more to take.</summary>
    public bool Advance()
    {
        while (!_done)
        {
            if (PumpBufferedLines()) return true;
            if (!_done) _lines.Fill();
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
            if (!_done) await _lines.FillAsync(cancellationToken).ConfigureAwait(false);
        }
        return _assembler.HasOutput;
    }

    /// <summary>Consumes whole lines already in the buffer; true as soon as output is ready.</summary>
    private bool PumpBufferedLines()
    {
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
