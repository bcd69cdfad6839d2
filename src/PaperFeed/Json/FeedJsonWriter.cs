using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PaperFeed;

/// <summary>
/// Writes feeds and papers as PaperFeed JSON, streaming: one <see cref="Utf8JsonWriter"/> is reused for the
/// whole output, and a stream receives what is written in batches of about 64 KiB (one write each, always after a whole
/// paper), so memory stays at the batch plus the largest paper, whatever the size of the input. The asynchronous
/// methods write and flush the stream only asynchronously (an ASP.NET Core response body refuses synchronous I/O).
/// </summary>
/// <remarks>
/// <para>In <see cref="FeedJsonFormat.Document"/> form the output is an array of feeds; call
/// <see cref="Complete"/> (or <see cref="CompleteAsync"/>) to close it. Papers written one by one with
/// <see cref="WritePaper"/> go into a feed dated by their <see cref="Paper.Featured"/> day: consecutive papers
/// featured the same day share a feed.</para>
/// <para>In <see cref="FeedJsonFormat.JsonLines"/> form every paper is one line ending with <c>\n</c>;
/// <see cref="WriteFeed"/> writes the feed's papers and nothing of the feed itself.</para>
/// <para><see cref="Flush"/> (or <see cref="FlushAsync"/>) hands what is batched to the stream at once, for a
/// reader waiting on the other end.</para>
/// <para>Not thread safe. Disposing does not complete the document, but hands what is still batched to the stream
/// (asynchronously from <see cref="DisposeAsync"/>), unless a write to the stream failed: a failed run leaves the
/// output as far as it got (JSON Lines stay valid line by line).</para>
/// </remarks>
public sealed class FeedJsonWriter : IDisposable, IAsyncDisposable
{
    private static readonly JsonWriterOptions CompactOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };
    private static readonly JsonWriterOptions IndentedOptions = CompactOptions with { Indented = true };
    private const string PapersProperty = "papers";

    private readonly Stream? _stream;
    private readonly bool _leaveOpen;
    private readonly OutputBatch? _batch;
    private readonly IBufferWriter<byte> _output;
    private readonly Utf8JsonWriter _writer;
    private readonly FeedJsonFormat _format;
    private bool _started;
    // The feed whose papers array is open (its properties after "papers" are written when it closes).
    private Feed? _openFeed;
    private bool _completed;
    // A write to the stream failed: disposing must not write again (nor hide the failure behind a second one).
    private bool _faulted;

    /// <summary>Creates a writer over a stream.</summary>
    /// <param name="stream">The destination; written in batches of about 64 KiB, flushed by <see cref="Complete"/> and <see cref="Flush"/>.</param>
    /// <param name="format">Document (array of feeds) or JSON Lines.</param>
    /// <param name="indented">Indent the document form for people (JSON Lines are never indented).</param>
    /// <param name="leaveOpen">Leave <paramref name="stream"/> open when this writer is disposed.</param>
    public FeedJsonWriter(Stream stream, FeedJsonFormat format = FeedJsonFormat.Document, bool indented = false, bool leaveOpen = false)
        : this(format, indented, stream, leaveOpen, null)
    {
        ArgumentNullException.ThrowIfNull(stream);
    }

    /// <summary>Creates a writer over a buffer writer (for example a pipe).</summary>
    /// <param name="output">The destination.</param>
    /// <param name="format">Document (array of feeds) or JSON Lines.</param>
    /// <param name="indented">Indent the document form for people (JSON Lines are never indented).</param>
    public FeedJsonWriter(IBufferWriter<byte> output, FeedJsonFormat format = FeedJsonFormat.Document, bool indented = false)
        : this(format, indented, null, false, output)
    {
        ArgumentNullException.ThrowIfNull(output);
    }

    private FeedJsonWriter(FeedJsonFormat format, bool indented, Stream? stream, bool leaveOpen, IBufferWriter<byte>? output)
    {
        if (format is not (FeedJsonFormat.Document or FeedJsonFormat.JsonLines)) throw new ArgumentOutOfRangeException(nameof(format));
        _format = format;
        _stream = stream;
        _leaveOpen = leaveOpen;
        if (stream is not null) _batch = new OutputBatch(stream);
        _output = (IBufferWriter<byte>?)_batch ?? output!;
        _writer = new Utf8JsonWriter(_output, indented && format == FeedJsonFormat.Document ? IndentedOptions : CompactOptions);
    }

    /// <summary>Writes a whole feed (in JSON Lines form: its papers).</summary>
    public void WriteFeed(Feed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        if (_format == FeedJsonFormat.JsonLines)
        {
            foreach (var paper in feed.Papers) WritePaper(paper);
            return;
        }
        StartFeed(feed);
        foreach (var paper in feed.Papers)
        {
            JsonSerializer.Serialize(_writer, paper, PaperFeedJsonContext.Default.Paper);
            Commit();
        }
        EndFeed();
        Commit();
    }

    /// <inheritdoc cref="WriteFeed"/>
    public async ValueTask WriteFeedAsync(Feed feed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        if (_format == FeedJsonFormat.JsonLines)
        {
            foreach (var paper in feed.Papers) await WritePaperAsync(paper, cancellationToken).ConfigureAwait(false);
            return;
        }
        StartFeed(feed);
        foreach (var paper in feed.Papers)
        {
            JsonSerializer.Serialize(_writer, paper, PaperFeedJsonContext.Default.Paper);
            await CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        EndFeed();
        await CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one paper: a line in JSON Lines form, an element of the current feed in document form.</summary>
    public void WritePaper(Paper paper)
    {
        WritePaperCore(paper);
        Commit();
    }

    /// <inheritdoc cref="WritePaper"/>
    public ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default)
    {
        WritePaperCore(paper);
        return CommitAsync(cancellationToken);
    }

    /// <summary>Closes the document (an empty array when nothing was written) and flushes; no-op in JSON Lines form after the flush.</summary>
    public void Complete()
    {
        CompleteCore();
        Flush();
    }

    /// <inheritdoc cref="Complete"/>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        CompleteCore();
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Hands everything written so far to the stream and flushes the stream (over a buffer writer: commits the written
    /// bytes to it). The output is then as far as the last paper written; a document stays open.
    /// </summary>
    public void Flush()
    {
        _writer.Flush();
        if (_batch is null) return;
        Guard(_batch.Complete);
    }

    /// <inheritdoc cref="Flush"/>
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        _writer.Flush();
        if (_batch is null) return;
        await GuardAsync(_batch.CompleteAsync(cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        if (_batch is not null && !_faulted) _batch.Drain();
        if (_stream is not null && !_leaveOpen) _stream.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        if (_batch is not null && !_faulted) await _batch.DrainAsync(CancellationToken.None).ConfigureAwait(false);
        if (_stream is not null && !_leaveOpen) await _stream.DisposeAsync().ConfigureAwait(false);
    }

    private void WritePaperCore(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_format == FeedJsonFormat.JsonLines)
        {
            JsonSerializer.Serialize(_writer, paper, PaperFeedJsonContext.Default.Paper);
            _writer.Flush();
            _output.Write("\n"u8);
            // Each line is a new top-level value: Reset keeps the writer (and its options) but clears its state.
            _writer.Reset();
            return;
        }
        if (_openFeed is null || _openFeed.Date != paper.Featured)
        {
            StartFeed(new Feed { Date = paper.Featured });
        }
        JsonSerializer.Serialize(_writer, paper, PaperFeedJsonContext.Default.Paper);
    }

    /// <summary>
    /// Writes the feed's properties up to its papers and opens the papers array. The properties come from the
    /// contract's own metadata, in its order, so the streamed feed is exactly what serializing the Feed gives.
    /// </summary>
    private void StartFeed(Feed feed)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        StartDocument();
        if (_openFeed is not null) EndFeed();
        _writer.WriteStartObject();
        var properties = PaperFeedJsonContext.Default.Feed.Properties;
        int i = 0;
        for (; i < properties.Count && properties[i].Name != PapersProperty; i++) WriteProperty(properties[i], feed);
        _writer.WritePropertyName(PapersProperty);
        _writer.WriteStartArray();
        _openFeed = feed;
    }

    /// <summary>Closes the papers array and writes the properties that follow it.</summary>
    private void EndFeed()
    {
        var feed = _openFeed!;
        _writer.WriteEndArray();
        var properties = PaperFeedJsonContext.Default.Feed.Properties;
        int i = 0;
        while (i < properties.Count && properties[i].Name != PapersProperty) i++;
        for (i++; i < properties.Count; i++) WriteProperty(properties[i], feed);
        _writer.WriteEndObject();
        _openFeed = null;
    }

    private void WriteProperty(JsonPropertyInfo property, Feed feed)
    {
        object? value = property.Get?.Invoke(feed);
        // The contract omits nulls (DefaultIgnoreCondition) and whatever a ShouldSerialize rule excludes.
        if (value is null || property.ShouldSerialize?.Invoke(feed, value) == false) return;
        _writer.WritePropertyName(property.Name);
        JsonSerializer.Serialize(_writer, value, PaperFeedJsonContext.Default.Options.GetTypeInfo(property.PropertyType));
    }

    private void StartDocument()
    {
        if (_started) return;
        _started = true;
        _writer.WriteStartArray();
    }

    private void CompleteCore()
    {
        if (_completed) return;
        if (_format == FeedJsonFormat.Document)
        {
            StartDocument();
            if (_openFeed is not null) EndFeed();
            _writer.WriteEndArray();
            _writer.Flush();
            _output.Write("\n"u8);
        }
        _completed = true;
    }

    /// <summary>Commits what was written to the batch and hands a full batch to the stream, so that no buffer grows with the input.</summary>
    private void Commit()
    {
        _writer.Flush();
        if (_batch is { Pending: >= OutputBatch.Threshold }) Guard(_batch.Drain);
    }

    private ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        _writer.Flush();
        return _batch is { Pending: >= OutputBatch.Threshold } ? GuardAsync(_batch.DrainAsync(cancellationToken)) : ValueTask.CompletedTask;
    }

    /// <summary>Runs a write to the stream, remembering when it fails.</summary>
    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }

    /// <inheritdoc cref="Guard"/>
    private async ValueTask GuardAsync(ValueTask write)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }
}
