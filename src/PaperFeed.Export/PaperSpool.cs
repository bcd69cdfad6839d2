using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PaperFeed.Export;

/// <summary>
/// Papers parked in a temporary file as JSON lines of the PaperFeed contract, then read back in order: a second pass
/// over a one-pass input without holding it in memory. Each line keeps the paper's <see cref="Paper.SourceLine"/> (not
/// part of the JSON contract) ahead of a tab. Lines are batched: the file gets one write per 64 KiB and is read back in
/// 64 KiB reads, synchronously by the synchronous export and asynchronously by the asynchronous one (through a file
/// opened for asynchronous I/O). A failed read or write of the file is an <see cref="IOException"/> that says it was
/// the temporary file and how to do without it. Disposing closes the file, which leaves nothing behind.
/// </summary>
internal sealed class PaperSpool : IDisposable
{
    private const int BatchBytes = 64 * 1024;

    private readonly Stream _file;
    private readonly ArrayBufferWriter<byte> _pending = new(BatchBytes + 16 * 1024);
    private readonly Utf8JsonWriter _json;
    private byte[] _read = [];
    private int _start;
    private int _end;

    /// <param name="file">An empty, readable, writable and seekable stream the spool owns (see <see cref="OpenTempFile"/>).</param>
    public PaperSpool(Stream file)
    {
        _file = file;
        _json = new Utf8JsonWriter(_pending);
    }

    /// <summary>
    /// A new temporary file that leaves nothing behind: on Unix its name is removed at once (the open file lives on
    /// until it is closed, even if the process is killed); elsewhere it is deleted when closed. Unbuffered: the spool
    /// batches its own writes and reads.
    /// </summary>
    /// <param name="asynchronous">Opens the file for asynchronous I/O (for the asynchronous export).</param>
    public static FileStream OpenTempFile(bool asynchronous)
    {
        string? path = null;
        try
        {
            path = Path.GetTempFileName(); // created empty, readable by its owner only
            var options = (asynchronous ? FileOptions.Asynchronous : FileOptions.None) | (OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None);
            var file = new FileStream(path, FileMode.Truncate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, options);
            if (!OperatingSystem.IsWindows()) File.Delete(path);
            return file;
        }
        catch (Exception e)
        {
            if (path is not null) File.Delete(path);
            if (IsFileFailure(e)) throw Failed(e);
            throw;
        }
    }

    /// <summary>Parks a paper; writes the batch to the file when it is full.</summary>
    public void Add(Paper paper)
    {
        if (!Append(paper)) return;
        try
        {
            _file.Write(_pending.WrittenSpan);
        }
        catch (Exception e) when (IsFileFailure(e))
        {
            throw Failed(e);
        }
        _pending.ResetWrittenCount();
    }

    /// <inheritdoc cref="Add"/>
    public async ValueTask AddAsync(Paper paper, CancellationToken cancellationToken)
    {
        if (!Append(paper)) return;
        await WriteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The parked papers, in order; called once, after the last <see cref="Add"/>.</summary>
    public IEnumerable<Paper> ReadBack()
    {
        try
        {
            _file.Write(_pending.WrittenSpan);
            _file.Flush();
        }
        catch (Exception e) when (IsFileFailure(e))
        {
            throw Failed(e);
        }
        Rewind();
        while (true)
        {
            while (NextBuffered() is Paper paper) yield return paper;
            int read;
            try
            {
                read = _file.Read(Room().Span);
            }
            catch (Exception e) when (IsFileFailure(e))
            {
                throw Failed(e);
            }
            if (read == 0) yield break;
            _end += read;
        }
    }

    /// <inheritdoc cref="ReadBack"/>
    public async IAsyncEnumerable<Paper> ReadBackAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await WriteAsync(cancellationToken).ConfigureAwait(false);
        Rewind();
        while (true)
        {
            while (NextBuffered() is Paper paper)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return paper;
            }
            int read;
            try
            {
                read = await _file.ReadAsync(Room(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsFileFailure(e))
            {
                throw Failed(e);
            }
            if (read == 0) yield break;
            _end += read;
        }
    }

    public void Dispose()
    {
        _json.Dispose();
        _file.Dispose();
    }

    /// <summary>Writes the paper's line into the batch; true when the batch is full.</summary>
    private bool Append(Paper paper)
    {
        if (paper.SourceLine is long line)
        {
            Utf8Formatter.TryFormat(line, _pending.GetSpan(20), out int written);
            _pending.Advance(written);
        }
        _pending.Write("\t"u8);
        JsonSerializer.Serialize(_json, paper, PaperFeedJsonContext.Default.Paper);
        _json.Flush();
        _json.Reset();
        _pending.Write("\n"u8);
        return _pending.WrittenCount >= BatchBytes;
    }

    /// <summary>Writes the batch to the file (and flushes it), asynchronously.</summary>
    private async ValueTask WriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _file.WriteAsync(_pending.WrittenMemory, cancellationToken).ConfigureAwait(false);
            await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsFileFailure(e))
        {
            throw Failed(e);
        }
        _pending.ResetWrittenCount();
    }

    /// <summary>Goes back to the start of the file to read it.</summary>
    private void Rewind()
    {
        _pending.ResetWrittenCount();
        _file.Position = 0;
        _read = new byte[BatchBytes];
        _start = _end = 0;
    }

    /// <summary>The next paper whose whole line has been read, or null.</summary>
    private Paper? NextBuffered()
    {
        var buffered = _read.AsSpan(_start, _end - _start);
        int newline = buffered.IndexOf((byte)'\n');
        if (newline < 0) return null;
        _start += newline + 1;
        var line = buffered[..newline];
        int tab = line.IndexOf((byte)'\t');
        var paper = JsonSerializer.Deserialize(line[(tab + 1)..], PaperFeedJsonContext.Default.Paper)!;
        if (tab == 0) return paper;
        Utf8Parser.TryParse(line[..tab], out long sourceLine, out _);
        return paper with { SourceLine = sourceLine };
    }

    /// <summary>Where the next read goes: after the line read in part, moved to the front (the buffer doubled when it fills it).</summary>
    private Memory<byte> Room()
    {
        int partial = _end - _start;
        var target = partial == _read.Length ? new byte[_read.Length * 2] : _read;
        _read.AsSpan(_start, partial).CopyTo(target);
        _read = target;
        _start = 0;
        _end = partial;
        return _read.AsMemory(_end);
    }

    /// <summary>
    /// A failure of the file itself: an <see cref="IOException"/> (a full disk), an <see cref="UnauthorizedAccessException"/>
    /// (a temporary folder that cannot be written), or the <see cref="ArgumentOutOfRangeException"/> .NET throws for a file
    /// grown past what the file system or the process's file size limit allows (the spool's own arguments are always valid).
    /// </summary>
    private static bool IsFileFailure(Exception e) => e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException;

    private static IOException Failed(Exception e) => new(
        $"The temporary file that an RSS or Atom export parks its papers in (to write the feed's date first) failed: {e.Message} " +
        $"Check that the temporary folder ({Path.GetTempPath()}) has room and can be written, or give the feed's own date (ExportOptions.Updated; paperfeed --updated DATE) to export in one pass without the file.", e);
}
