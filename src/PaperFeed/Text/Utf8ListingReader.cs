using PaperFeed.Text;

namespace PaperFeed;

/// <summary>
/// A low-level, forward-only reader of the text listing in UTF-8 bytes, one entry at a time, in the spirit of
/// <see cref="System.Text.Json.Utf8JsonReader"/>: the fields are spans over the reader's own buffers, valid until the
/// next <see cref="Read"/>, and no string is made unless you ask (<see cref="ToPaper"/>). The grammar, the diagnostics
/// (through <see cref="ReadSettings.OnDiagnostic"/>) and the values are exactly those of
/// <see cref="FeedParser.ReadPapersAsync"/>: each entry read is the paper it would give.
/// </summary>
/// <example>
/// <code>
/// using var reader = new Utf8ListingReader(File.OpenRead("dump.txt"));
/// while (reader.Read())
/// {
///     if (reader.Title.StartsWith("LLM"u8)) Console.WriteLine(reader.Line);
/// }
/// </code>
/// </example>
public sealed class Utf8ListingReader : IDisposable
{
    private readonly ParseSession<byte, Utf8Units> _session;
    private bool _onEntry;

    /// <summary>Creates a reader over UTF-8 bytes (a BOM is skipped; invalid bytes become U+FFFD with a warning).</summary>
    /// <param name="stream">The bytes; not disposed.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    [Obsolete("Use FeedReader.CreateListingReader(stream), which reads with the reader's options; see docs/api.md.")]
    public Utf8ListingReader(Stream stream, FeedParserOptions? options = null)
        : this(stream, (options ?? FeedParserOptions.Default).ToSettings())
    {
    }

    /// <summary>Creates a reader with the settings of one input (the door's listing reader).</summary>
    internal Utf8ListingReader(Stream stream, ReadSettings settings)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _session = ParseSession.Of(stream, settings, EntryOutput.Entries);
    }

    /// <summary>Moves to the next entry; false at the end of the input.</summary>
    /// <exception cref="FeedFormatException">The input is not text, or a warning in strict mode.</exception>
    public bool Read() => _onEntry = _session.Advance() && _session.Assembler.TryTakeEntry();

    /// <inheritdoc cref="Read"/>
    /// <param name="cancellationToken">Stops between reads of the stream.</param>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default) =>
        _onEntry = await _session.AdvanceAsync(cancellationToken).ConfigureAwait(false) && _session.Assembler.TryTakeEntry();

    private EntryFields<byte> Entry => _onEntry ? _session.Assembler.Finished : throw new InvalidOperationException("The reader is not on an entry: call Read first, and only while it returns true.");

    /// <summary>The title (UTF-8, trimmed, a wrapped title's lines joined with one space).</summary>
    /// <exception cref="InvalidOperationException">The reader is not on an entry.</exception>
    public ReadOnlySpan<byte> Title => Entry.Title;

    /// <summary>True when the entry has an abstract (<see cref="Paper.Abstract"/> is not null).</summary>
    /// <exception cref="InvalidOperationException">The reader is not on an entry.</exception>
    public bool HasAbstract => Entry.HasAbstract;

    /// <summary>The abstract (UTF-8, trimmed, repeated sentences collapsed as the options say); empty when there is none.</summary>
    /// <exception cref="InvalidOperationException">The reader is not on an entry.</exception>
    public ReadOnlySpan<byte> Abstract => Entry.HasAbstract ? Entry.Abstract : default;

    /// <summary>The author count of the metadata block (<c>• 4 authors</c>), when there is one.</summary>
    /// <exception cref="InvalidOperationException">The reader is not on an entry.</exception>
    public int? AuthorCount => Entry.AuthorCount;

    /// <summary>The published date of the metadata block, its year resolved as <see cref="Paper.Published"/> is.</summary>
    /// <exception cref="InvalidOperationException">The reader is not on an entry.</exception>
    public PaperDate? Published => Entry.Published;

    /// <summary>The upvote count after the published date, when shown.</summary>
    /// <exception cref="InvalidOperationException">The reader is not on an entry.</exception>
    public int? Upvotes => Entry.Upvotes;

    /// <summary>The page date of the snapshot the entry is in (<see cref="Paper.Featured"/>).</summary>
    /// <exception cref="InvalidOperationException">The reader is not on an entry.</exception>
    public PaperDate? Featured => Entry.Featured;

    /// <summary>The 1-based line of the title (<see cref="Paper.SourceLine"/>).</summary>
    /// <exception cref="InvalidOperationException">The reader is not on an entry.</exception>
    public long Line => Entry.TitleLine;

    /// <summary>What was read so far (all of it once <see cref="Read"/> returned false), as <see cref="FeedParser.Count"/> reports it.</summary>
    public FeedStatistics Statistics => _session.Assembler.Statistics;

    /// <summary>The entry as a <see cref="Paper"/> (this makes its strings).</summary>
    /// <exception cref="InvalidOperationException">The reader is not on an entry.</exception>
    public Paper ToPaper() => _onEntry ? _session.Assembler.FinishedPaper() : throw new InvalidOperationException("The reader is not on an entry.");

    /// <summary>Returns the reader's buffers to the pool; the stream is not disposed.</summary>
    public void Dispose() => _session.Dispose();
}
