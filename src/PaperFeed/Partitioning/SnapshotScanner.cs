using System.Text;
using PaperFeed.Text;

namespace PaperFeed.Partitioning;

/// <summary>
/// Decides, line by line, where the text parser is sure to start a new snapshot: a header line (<c>new</c>, …,
/// <c>Daily Papers</c>) read while the parser cannot be inside a header. Splitting there is exact: the parser's state
/// at such a line is the state it starts in, so each piece parses on its own to what it holds in the whole. The lines
/// come from the parser's own splitter (<see cref="ScanReader"/> over <see cref="Utf8LineReader"/>) and are classified
/// by its own classifier, so the two cannot disagree on where a line ends or what it is. The scanner is conservative:
/// when unsure (the first, partial line of a window; a skipped long line; a line starting with something other than an
/// ASCII letter after a header), it does not cut.
/// </summary>
/// <remarks>
/// Why "after a line starting with an ASCII letter": such a line is a title, an abstract or a date to the parser,
/// and every one of those leaves the header state, while blank lines, author counts and the middle dot may not.
/// Page furniture (<c>Submitted by</c>) is skipped by the parser in every state, so it changes nothing here either.
/// </remarks>
internal sealed class SnapshotScanner(bool atLineStart, long firstLine)
{
    /// <summary>False only while the parser is certainly not inside a header: a header line then starts a snapshot.</summary>
    private bool _mayBeInHeader = !atLineStart;

    /// <summary>The next line's start was not seen (the scan began inside it).</summary>
    private bool _unknownLine = !atLineStart;

    /// <summary>True until the input's first line is read (after a byte order mark): a snapshot there needs no cut.</summary>
    private bool _atInputStart = atLineStart;

    /// <summary>The 1-based number of the next line.</summary>
    public long LineNumber { get; private set; } = firstLine;

    /// <summary>True when <c>onCut</c> asked to stop.</summary>
    public bool Stopped { get; private set; }

    /// <summary>
    /// A line as the parser reads it (terminator and a leading byte order mark dropped) that starts at the absolute
    /// <paramref name="offset"/>; calls <paramref name="onCut"/> with the offset and line number where a snapshot starts.
    /// Returns false when <paramref name="onCut"/> asked to stop.
    /// </summary>
    public bool OnLine(ReadOnlySpan<byte> line, long offset, Func<long, long, bool> onCut)
    {
        if (_unknownLine)
        {
            SkippedLine();
            return true;
        }
        bool first = _atInputStart;
        _atInputStart = false;
        var trimmed = TrimWhitespace(line);
        if (!trimmed.IsEmpty)
        {
            var kind = Utf8Units.Classify(trimmed).Kind;
            if (kind == LineKind.Header)
            {
                if (!_mayBeInHeader && !first && !onCut(offset, LineNumber))
                {
                    Stopped = true;
                    return false;
                }
                _mayBeInHeader = true;
            }
            else if (kind != LineKind.Furniture && char.IsAsciiLetter((char)trimmed[0]))
            {
                _mayBeInHeader = false;
            }
        }
        LineNumber++;
        return true;
    }

    /// <summary>A line the parser skips (longer than its limit) or whose start was not seen: no header, and what it is stays unknown.</summary>
    public void SkippedLine()
    {
        _atInputStart = false;
        _unknownLine = false;
        _mayBeInHeader = true;
        LineNumber++;
    }

    /// <summary>Trims what <see cref="MemoryExtensions.Trim(ReadOnlySpan{char})"/> trims (Unicode whitespace); invalid bytes are not whitespace.</summary>
    internal static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> line)
    {
        while (!line.IsEmpty && Rune.DecodeFromUtf8(line, out var rune, out int length) == System.Buffers.OperationStatus.Done && Rune.IsWhiteSpace(rune))
        {
            line = line[length..];
        }
        while (!line.IsEmpty && Rune.DecodeLastFromUtf8(line, out var rune, out int length) == System.Buffers.OperationStatus.Done && Rune.IsWhiteSpace(rune))
        {
            line = line[..^length];
        }
        return line;
    }
}
