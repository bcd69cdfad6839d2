using System.Text;
using PaperFeed.Text;

namespace PaperFeed.Partitioning;

/// <summary>
/// Finds, in UTF-8 bytes, the lines where the text parser is sure to start a new snapshot: a header line
/// (<c>new</c>, …, <c>Daily Papers</c>) read while the parser cannot be inside a header. Splitting there is exact:
/// the parser's state at such a line is the state it starts in, so each piece parses on its own to what it holds
/// in the whole. The scanner is conservative: when unsure (the first partial line of a window, a line starting with
/// something other than an ASCII letter after a header), it does not cut.
/// </summary>
/// <remarks>
/// Why "after a line starting with an ASCII letter": such a line is a title, an abstract or a date to the parser,
/// and every one of those leaves the header state, while blank lines, author counts and the middle dot may not.
/// Lines split like the parser's (LF, CRLF, lone CR), lose a leading byte order mark like the parser's, and trim the same
/// Unicode whitespace.
/// </remarks>
internal sealed class SnapshotScanner
{
    /// <summary>False only while the parser is certainly not inside a header: a header line then starts a snapshot.</summary>
    private bool _mayBeInHeader;

    /// <param name="offset">The absolute offset of the first byte the scanner will see.</param>
    /// <param name="atLineStart">True when that byte starts a line whose context is known (the start of the input).</param>
    /// <param name="firstLine">The 1-based number of the first line seen (meaningful when <paramref name="atLineStart"/>).</param>
    /// <param name="maxLineLength">The parser's longest line (<see cref="TextOptions.MaxLineLength"/>): a longer line is skipped by the parser, so it is no header here either.</param>
    public SnapshotScanner(long offset, bool atLineStart, long firstLine, int maxLineLength)
    {
        _maxLineLength = maxLineLength;
        Offset = offset;
        LineNumber = firstLine;
        _mayBeInHeader = !atLineStart;
        _unknownLine = !atLineStart;
    }

    /// <summary>The absolute offset of the next byte to scan.</summary>
    public long Offset { get; private set; }

    /// <summary>The 1-based number of the next line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>True when <c>onCut</c> asked to stop.</summary>
    public bool Stopped { get; private set; }

    private readonly int _maxLineLength;

    /// <summary>The current line's start was not seen (the scan began inside it, or it was too long to buffer).</summary>
    private bool _unknownLine;

    /// <summary>
    /// Scans the whole lines at the start of <paramref name="data"/> (all of it when <paramref name="final"/>),
    /// calling <paramref name="onCut"/> with the offset and line number of each snapshot start. Returns the bytes
    /// consumed; the caller keeps the rest and calls again with more.
    /// </summary>
    public int Scan(ReadOnlySpan<byte> data, bool final, Func<long, long, bool> onCut)
    {
        int pos = 0;
        while (pos < data.Length)
        {
            var rest = data[pos..];
            int index = rest.IndexOfAny((byte)'\r', (byte)'\n');
            int terminator;
            if (index < 0)
            {
                if (!final) break;
                index = rest.Length;
                terminator = 0;
            }
            else if (rest[index] == '\n')
            {
                terminator = 1;
            }
            else if (index + 1 < rest.Length)
            {
                terminator = rest[index + 1] == '\n' ? 2 : 1;
            }
            else if (final)
            {
                terminator = 1;
            }
            else
            {
                break;
            }
            if (!OnLine(rest[..index], onCut))
            {
                Stopped = true;
                return pos;
            }
            pos += index + terminator;
            Offset += index + terminator;
        }
        return pos;
    }

    /// <summary>Skips the bytes of a line too long to buffer: it is not a header, and what it is stays unknown.</summary>
    public void SkipLongLinePart(int length)
    {
        Offset += length;
        _unknownLine = true;
    }

    /// <summary>Returns false when <paramref name="onCut"/> asked to stop (the line is not consumed).</summary>
    private bool OnLine(ReadOnlySpan<byte> line, Func<long, long, bool> onCut)
    {
        // A line the parser skips as too long (counted in UTF-16 characters, as the parser counts) is unknown here too.
        if (_unknownLine || (line.Length > _maxLineLength && Utf8Units.CharCount(line) > _maxLineLength))
        {
            _unknownLine = false;
            _mayBeInHeader = true;
            LineNumber++;
            return true;
        }
        // The parser drops one byte order mark at the start of any line (concatenated files keep theirs); so must
        // the scan, or "new" would hide behind it.
        if (line.StartsWith("\uFEFF"u8)) line = line[3..];
        var trimmed = TrimWhitespace(line);
        if (!trimmed.IsEmpty)
        {
            if (Utf8Units.Classify(trimmed).Kind == LineKind.Header)
            {
                if (!_mayBeInHeader && Offset > 0 && !onCut(Offset, LineNumber)) return false;
                _mayBeInHeader = true;
            }
            else if (char.IsAsciiLetter((char)trimmed[0]))
            {
                _mayBeInHeader = false;
            }
        }
        LineNumber++;
        return true;
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
