using System.Text;

namespace PaperFeed.Testing;

/// <summary>
/// Writes lines to the target and keeps the true byte and line counts. Terminators and blank lines are written
/// when the next text line starts, so the dump ends on its last text line, with or without a terminator.
/// </summary>
internal sealed class DumpLineWriter(TextWriter writer)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private bool _pendingTerminator;
    private int _pendingBlanks;

    public string NewLine { get; set; } = "\n";

    public long Bytes { get; private set; }

    /// <summary>The 1-based number of the line last written.</summary>
    public long Lines { get; private set; }

    public void ByteOrderMark()
    {
        writer.Write('\uFEFF');
        Bytes += 3;
    }

    public void Line(ReadOnlySpan<char> text)
    {
        if (_pendingTerminator) WriteTerminator();
        for (; _pendingBlanks > 0; _pendingBlanks--)
        {
            WriteTerminator();
            Lines++;
        }
        writer.Write(text);
        Bytes += Utf8.GetByteCount(text);
        Lines++;
        _pendingTerminator = true;
    }

    public void Blank()
    {
        if (Lines == 0) Line([]);
        else _pendingBlanks++;
    }

    public void Finish(bool finalNewline)
    {
        if (finalNewline && _pendingTerminator) WriteTerminator();
        _pendingTerminator = false;
        _pendingBlanks = 0;
        writer.Flush();
    }

    private void WriteTerminator()
    {
        writer.Write(NewLine);
        Bytes += NewLine.Length;
    }
}
