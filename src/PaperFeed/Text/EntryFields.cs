using System.Runtime.InteropServices;

namespace PaperFeed.Text;

/// <summary>
/// The fields of one entry of the listing, copied into pooled buffers while the entry is read: title, abstract
/// (and its collapsed form when sentences repeat), metadata, and the lines they came from. The grammar keeps two
/// and swaps them when an entry is complete, so a finished entry stays readable while the next one starts.
/// </summary>
internal sealed class EntryFields<T> : IDisposable where T : unmanaged, IEquatable<T>
{
    private TextBuffer<T> _title;
    private TextBuffer<T> _abstract;
    private TextBuffer<T> _collapsed;

    // Characters only, when papers are made: the title line, and the abstract line when no sentence run was collapsed,
    // as the strings the paper will hold, made once from the line (no copy into a buffer first, none again at the
    // end); the spans read them.
    private string? _titleString;
    private string? _abstractString;

    // Otherwise the abstract line where the line reader holds it, until the reader refills its buffer (KeepLines then
    // copies it): most entries are complete before that, so their abstract is never copied.
    private ReadOnlyMemory<T> _lineAbstract;
    private bool _abstractInLine;

    public ReadOnlySpan<T> Title => _titleString is null ? _title.Span : MemoryMarshal.Cast<char, T>(_titleString.AsSpan());

    /// <summary>The title as the paper's string, when it was made as one; else null.</summary>
    public string? TitleString => _titleString;

    /// <summary>The abstract as the line gave it (trimmed).</summary>
    public ReadOnlySpan<T> RawAbstract =>
        _abstractString is not null ? MemoryMarshal.Cast<char, T>(_abstractString.AsSpan()) : _abstractInLine ? _lineAbstract.Span : _abstract.Span;

    /// <summary>The abstract as the paper's string, when it was made as one; else null.</summary>
    public string? AbstractString => _abstractString;

    /// <summary>The abstract as the paper has it: collapsed when sentences repeated; empty when <see cref="HasAbstract"/> is false.</summary>
    public ReadOnlySpan<T> Abstract => IsCollapsed ? _collapsed.Span : RawAbstract;

    public bool HasAbstract { get; private set; }

    /// <summary>True when <see cref="Abstract"/> is the collapsed text.</summary>
    public bool IsCollapsed { get; private set; }

    public int TitleLine { get; private set; }

    public int AbstractLine { get; set; }

    /// <summary>The abstract line's indentation in UTF-16 characters (columns of collapsed runs count from the line's start).</summary>
    public int AbstractIndent { get; private set; }

    /// <summary>True for an entry whose title line was too long: it keeps its place, and is dropped.</summary>
    public bool TitleSkipped { get; set; }

    public bool BlankSinceTitle { get; set; }

    public int MetadataLine { get; set; }

    public int? AuthorCount { get; set; }

    /// <summary>The published date as written (year resolved when the entry is complete).</summary>
    public PaperDate? Published { get; set; }

    public int? Upvotes { get; set; }

    /// <summary>The snapshot's page date when the entry was complete.</summary>
    public PaperDate? Featured { get; set; }

    /// <summary>Starts an entry at its title line (an empty title for an entry whose title line was too long).</summary>
    /// <param name="lineNumber">The title's line number.</param>
    /// <param name="title">The trimmed title line.</param>
    /// <param name="output">What the entry becomes: a paper's characters are kept as the string the paper will hold.</param>
    public void Begin(int lineNumber, ReadOnlySpan<T> title, EntryOutput output)
    {
        if (MakesStrings(output) && !title.IsEmpty)
        {
            _titleString = new string(MemoryMarshal.Cast<T, char>(title));
            _title.Clear();
        }
        else
        {
            _titleString = null;
            _title.Set(title);
        }
        _abstract.Clear();
        _abstractString = null;
        _abstractInLine = false;
        _lineAbstract = default;
        TitleLine = lineNumber;
        AbstractLine = 0;
        MetadataLine = 0;
        AbstractIndent = 0;
        HasAbstract = false;
        IsCollapsed = false;
        TitleSkipped = false;
        AuthorCount = null;
        Published = null;
        Upvotes = null;
        Featured = null;
        BlankSinceTitle = false;
    }

    /// <summary>A wrapped title's continuation line, joined with <paramref name="separator"/>.</summary>
    public void ContinueTitle(ReadOnlySpan<T> separator, ReadOnlySpan<T> line)
    {
        if (_titleString is not null)
        {
            // Rare: the title's first line was made a string; the joined title is built in the buffer instead.
            _title.Set(MemoryMarshal.Cast<char, T>(_titleString.AsSpan()));
            _titleString = null;
        }
        _title.Append(separator);
        _title.Append(line);
    }

    /// <summary>
    /// Sets the abstract, its repeated sentence runs collapsed first when <paramref name="droppedRuns"/> is given
    /// (the offsets of the runs dropped go there, for the diagnostics reported when the entry is complete).
    /// </summary>
    /// <param name="line">The trimmed abstract line.</param>
    /// <param name="lines">The line reader's buffer, which <paramref name="line"/> is part of.</param>
    /// <param name="lineNumber">Its line number.</param>
    /// <param name="indent">Its indentation in UTF-16 characters.</param>
    /// <param name="droppedRuns">Where collapsed runs go; null when sentences are kept as they are.</param>
    /// <param name="output">What the entry becomes: a paper's characters are kept as the string the paper will hold.</param>
    public void SetAbstract<TUnits>(ReadOnlySpan<T> line, ReadOnlyMemory<T> lines, int lineNumber, int indent, List<int>? droppedRuns, EntryOutput output)
        where TUnits : ITextUnits<T>
    {
        // Collapsed straight from the line, before it is kept: the line is what the abstract is.
        IsCollapsed = droppedRuns is not null &&
            DuplicateSentenceCollapser<T, TUnits>.Collapse(line, droppedRuns, ref _collapsed, rebuild: output != EntryOutput.Count);
        _abstract.Clear();
        _abstractString = null;
        _abstractInLine = false;
        if (MakesStrings(output) && !IsCollapsed)
        {
            _abstractString = new string(MemoryMarshal.Cast<T, char>(line));
        }
        else if (lines.Span.Overlaps(line, out int offset))
        {
            _lineAbstract = lines.Slice(offset, line.Length);
            _abstractInLine = true;
        }
        else
        {
            _abstract.Set(line);
        }
        HasAbstract = true;
        AbstractLine = lineNumber;
        AbstractIndent = indent;
    }

    /// <summary>The line reader is about to refill its buffer: an abstract still read from there is copied.</summary>
    public void KeepLines()
    {
        if (!_abstractInLine) return;
        _abstract.Set(_lineAbstract.Span);
        _abstractInLine = false;
        _lineAbstract = default;
    }

    /// <summary>True when characters become a paper's strings.</summary>
    private static bool MakesStrings(EntryOutput output) => typeof(T) == typeof(char) && output is EntryOutput.Papers or EntryOutput.Feeds;

    public void Dispose()
    {
        _title.Release();
        _abstract.Release();
        _collapsed.Release();
    }
}
