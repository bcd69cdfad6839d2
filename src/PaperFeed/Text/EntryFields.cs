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

    public ReadOnlySpan<T> Title => _title.Span;

    /// <summary>The abstract as the line gave it (trimmed).</summary>
    public ReadOnlySpan<T> RawAbstract => _abstract.Span;

    /// <summary>The abstract as the paper has it: collapsed when sentences repeated; empty when <see cref="HasAbstract"/> is false.</summary>
    public ReadOnlySpan<T> Abstract => IsCollapsed ? _collapsed.Span : _abstract.Span;

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
    public void Begin(int lineNumber, ReadOnlySpan<T> title)
    {
        _title.Set(title);
        _abstract.Clear();
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
        _title.Append(separator);
        _title.Append(line);
    }

    public void SetAbstract(ReadOnlySpan<T> line, int lineNumber, int indent)
    {
        _abstract.Set(line);
        HasAbstract = true;
        AbstractLine = lineNumber;
        AbstractIndent = indent;
    }

    /// <summary>Collapses the abstract's repeated sentences; the runs dropped go to <paramref name="droppedRuns"/>.</summary>
    public void CollapseAbstract<TUnits>(List<int> droppedRuns, bool rebuild) where TUnits : ITextUnits<T> =>
        IsCollapsed = DuplicateSentenceCollapser<T, TUnits>.Collapse(_abstract.Span, droppedRuns, ref _collapsed, rebuild);

    public void Dispose()
    {
        _title.Release();
        _abstract.Release();
        _collapsed.Release();
    }
}
