using System.Buffers;
using PaperFeed.IO;
using PaperFeed.Text;

namespace PaperFeed.Partitioning;

/// <summary>
/// The finished entries of one piece of a parallel parse, kept as UTF-8 bytes and values; each becomes a
/// <see cref="Paper"/> only when the consumer takes it. Papers made on the parsing threads waited in their pieces long
/// enough to outlive gen0, and the collector's gen1 work took the second core back (measured: every core was no
/// faster than one). Made on the consumer's thread, a paper is handed out young, as in the one-core parse, while the
/// grammar (most of the work) still runs on every core.
/// </summary>
internal sealed class PieceEntries(int capacity, ArrayPool<byte> pool) : IDisposable
{
    private readonly PooledBufferWriter _text = new(capacity, pool);
    private readonly List<Entry> _entries = [];
    private int _read;
    private int _next;

    private readonly record struct Entry(int TitleLength, int AbstractLength, int? AuthorCount, PaperDate? Published, int? Upvotes, PaperDate? Featured, int TitleLine);

    /// <summary>Keeps a finished entry (its fields are only readable until the grammar reads on).</summary>
    public void Add(EntryFields<byte> fields)
    {
        var title = fields.Title;
        var summary = fields.HasAbstract ? fields.Abstract : default;
        var span = _text.GetSpan(title.Length + summary.Length);
        title.CopyTo(span);
        summary.CopyTo(span[title.Length..]);
        _text.Advance(title.Length + summary.Length);
        _entries.Add(new Entry(title.Length, fields.HasAbstract ? summary.Length : -1, fields.AuthorCount, fields.Published, fields.Upvotes, fields.Featured, fields.TitleLine));
    }

    /// <summary>The next entry as the paper the one-core parse makes of it, its line moved by <paramref name="linesBefore"/>.</summary>
    public Paper TakePaper(long linesBefore)
    {
        var entry = _entries[_next++];
        var text = _text.WrittenSpan[_read..];
        int abstractLength = Math.Max(0, entry.AbstractLength);
        _read += entry.TitleLength + abstractLength;
        return EntryPaper.Create(
            Utf8Units.ToString(text[..entry.TitleLength]),
            entry.AbstractLength < 0 ? null : Utf8Units.ToString(text.Slice(entry.TitleLength, abstractLength)),
            entry.AuthorCount, entry.Published, entry.Upvotes, entry.Featured, entry.TitleLine + linesBefore);
    }

    public void Dispose() => _text.Dispose();
}
