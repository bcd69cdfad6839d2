using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using PaperFeed.IO;
using PaperFeed.Text;

namespace PaperFeed.Partitioning;

/// <summary>
/// Parses one file on several threads. The file is cut near every multiple of the piece length, at the first snapshot
/// start after it (<see cref="SnapshotCuts.FindNextFrom"/>, which reads a few kilobytes), so no thread reads the
/// whole file ahead of the pieces. Each piece parses with its lines numbered from 1; pieces come back strictly in input
/// order, and <see cref="Replay"/> moves their papers' and diagnostics' line numbers to the whole file's (the lines of
/// the pieces before are known by then). At most <c>2 × parallelism + 1</c> pieces are held at once, so memory does not
/// grow with the file.
/// </summary>
internal static class ParallelParse
{
    /// <summary>What the pieces of a parallel parse hold.</summary>
    internal enum Output
    {
        /// <summary>Statistics and diagnostics only.</summary>
        Count,

        /// <summary>Entries as bytes (<see cref="PieceEntries"/>), made into papers by the consumer.</summary>
        Papers,

        /// <summary>Whole feeds, made on the parsing threads.</summary>
        Feeds,

        /// <summary>The papers as JSON Lines, written from the bytes.</summary>
        JsonLines,
    }

    /// <summary>
    /// The piece size of passes that hold objects (feeds). Pieces wait, parsed, for the consumer: small enough that the
    /// waiting papers die young (in gen0), large enough to hold a few snapshots. Measurements: docs/benchmarks.md.
    /// </summary>
    internal const long ObjectPieceLength = 256 << 10;

    /// <summary>
    /// The piece size of passes that keep no paper (counting, JSON Lines): bigger pieces make fewer sessions and tasks,
    /// and at 2 MiB a piece's JSON Lines (its length and a quarter) still fits a 4 MiB rented array, which bounds the
    /// peak. Measurements: docs/benchmarks.md.
    /// </summary>
    internal const long BytePieceLength = 2L << 20;

    /// <summary>
    /// The piece size of a papers parse: its pieces hold their entries' text until the consumer makes the papers, so a
    /// larger piece raises the peak (buffers are rented in powers of two) for no gain in time. Measurements:
    /// docs/benchmarks.md.
    /// </summary>
    internal const long PaperPieceLength = 1L << 20;

    /// <summary>
    /// How far before a nominal cut the cut search starts reading, so the scan knows what precedes the cut (a few
    /// lines settle it); when it is unsure, it cuts at the next snapshot instead, which is as exact.
    /// </summary>
    private const int CutLookback = 8 << 10;

    private const int CutReadLength = 16 << 10;

    /// <summary>The longest output buffer a piece keeps in the parse's pool (longer ones are allocated and dropped).</summary>
    private const int MaxPieceBuffer = 16 << 20;

    /// <summary>The item that stands for the piece's next entry, made into a paper when replayed.</summary>
    private static readonly object NextPaper = new();

    internal sealed class Piece
    {
        /// <summary>Papers (or feeds) and diagnostics, interleaved as the sequential parse would produce them.</summary>
        public List<object> Items { get; } = [];

        /// <summary>The piece's papers as JSON Lines (a JSON Lines parse), to write and dispose.</summary>
        public PooledBufferWriter? Json { get; set; }

        /// <summary>The piece's entries (a papers parse), one per <see cref="NextPaper"/> in <see cref="Items"/>; disposed by <see cref="Replay"/>.</summary>
        public PieceEntries? Entries { get; set; }

        public FeedStatistics Statistics { get; set; } = new();

        public ExceptionDispatchInfo? Error { get; set; }

        /// <summary>The lines of the file before the piece: what its line numbers (from 1) are moved by.</summary>
        public long LinesBefore { get; set; }

        /// <summary>The offset in the file just after the piece.</summary>
        public long End { get; set; }
    }

    public static async IAsyncEnumerable<Piece> ParseAsync(string path, ReadSettings options, Output output, int parallelism, long pieceLength,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var schedule = new Schedule(path, options, output, parallelism, pieceLength, cancellationToken);
        try
        {
            while (schedule.Next() is { } oldest) yield return schedule.Numbered(await oldest.ConfigureAwait(false));
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            await schedule.StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <see cref="ParseAsync"/> for a synchronous caller: the pieces parse on worker threads, and the caller's thread
    /// waits for the oldest one, as <see cref="Parallel.ForEach{TSource}(IEnumerable{TSource}, Action{TSource})"/> waits
    /// for its workers; no input is read asynchronously.
    /// </summary>
    public static IEnumerable<Piece> Parse(string path, ReadSettings options, Output output, int parallelism, long pieceLength, CancellationToken cancellationToken)
    {
        using var schedule = new Schedule(path, options, output, parallelism, pieceLength, cancellationToken);
        try
        {
            while (schedule.Next() is { } oldest) yield return schedule.Numbered(oldest.GetAwaiter().GetResult());
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            schedule.Stop();
        }
    }

    /// <summary>
    /// The pieces of one parallel parse: cuts the file, starts pieces on the thread pool, and hands back the oldest
    /// piece's task whenever the window is full or the file is all cut. At most <c>2 × parallelism + 1</c> pieces are
    /// queued or parsing.
    /// </summary>
    private sealed class Schedule : IDisposable
    {
        private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _handle;
        private readonly CancellationTokenSource _stop;
        private readonly CancellationToken _cancellationToken;
        private readonly ReadSettings _options;
        private readonly Output _output;
        private readonly long _pieceLength;
        private readonly long _fileLength;
        private readonly int _window;
        private readonly ArrayPool<byte> _buffers;
        private readonly Queue<Task<Piece>> _inFlight = new();
        private long _start;
        private long _linesBefore;

        public Schedule(string path, ReadSettings options, Output output, int parallelism, long pieceLength, CancellationToken cancellationToken)
        {
            if (parallelism <= 0) parallelism = Environment.ProcessorCount;
            _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _cancellationToken = cancellationToken;
            _options = options;
            _output = output;
            _pieceLength = pieceLength;
            _fileLength = RandomAccess.GetLength(_handle);
            // Pieces that hold bytes queue two per core, so a slow piece does not leave the others' threads idle; feeds
            // hold objects, and wait as little as they can (docs/benchmarks.md has the measurements).
            _window = output == Output.Feeds ? parallelism + 1 : 2 * parallelism + 1;
            // The pieces' output buffers pass from the parsing threads to the consumer and back: a pool of this parse's
            // own, which any thread takes from (the shared pool keeps arrays per thread, so buffers freed by the
            // consumer were not found by the workers).
            _buffers = ArrayPool<byte>.Create(MaxPieceBuffer, _window + 1);
        }

        /// <summary>Starts pieces until the window is full, then gives the oldest one's task; null when all are handed out.</summary>
        public Task<Piece>? Next()
        {
            // An empty file is one empty piece, so its statistics and diagnostics come out as for any other.
            while (!_allCut)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                long end = _start + _pieceLength >= _fileLength ? _fileLength : NextCut(_handle, _fileLength, _start + _pieceLength, _options);
                var token = _stop.Token;
                long offset = _start;
                bool endsBeforeSnapshot = end < _fileLength;
                _inFlight.Enqueue(Task.Run(() => ParsePiece(_handle, offset, end - offset, endsBeforeSnapshot, _options, _output, _buffers, token), token));
                _start = end;
                _allCut = _start >= _fileLength;
                if (_inFlight.Count >= _window) return _inFlight.Dequeue();
            }
            return _inFlight.TryDequeue(out var oldest) ? oldest : null;
        }

        private bool _allCut;

        /// <summary>Gives the piece its place in the file: the lines before it.</summary>
        public Piece Numbered(Piece piece)
        {
            piece.LinesBefore = _linesBefore;
            _linesBefore += piece.Statistics.Lines;
            return piece;
        }

        /// <summary>
        /// The consumer stopped early or something failed: stops the pieces still parsing and waits for them, so
        /// nothing reads the file after the handle is closed.
        /// </summary>
        public async Task StopAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            while (_inFlight.TryDequeue(out var task))
            {
                try
                {
                    await task.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        /// <inheritdoc cref="StopAsync"/>
        public void Stop()
        {
            _stop.Cancel();
            while (_inFlight.TryDequeue(out var task))
            {
                try
                {
                    task.GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        public void Dispose()
        {
            _stop.Dispose();
            _handle.Dispose();
        }
    }

    /// <summary>
    /// Replays a piece's diagnostics to the caller's callback and returns its papers or feeds, in order, with the whole
    /// file's line numbers; rethrows its error (a format error at the whole file's line).
    /// </summary>
    public static IEnumerable<object> Replay(Piece piece, ReadSettings options)
    {
        long shift = piece.LinesBefore;
        options.Progress?.Report(piece.End);
        try
        {
            foreach (var item in piece.Items)
            {
                switch (item)
                {
                    case var _ when ReferenceEquals(item, NextPaper):
                        yield return piece.Entries!.TakePaper(shift);
                        break;
                    case FeedDiagnostic diagnostic:
                        options.OnDiagnostic?.Invoke(Moved(diagnostic, shift));
                        break;
                    case Feed feed:
                        foreach (var paper in feed.Papers) paper.MoveSourceLine(shift);
                        yield return feed;
                        break;
                }
            }
        }
        finally
        {
            piece.Entries?.Dispose();
        }
        if (piece.Error is { SourceException: FeedFormatException error } && shift != 0 && error.Location.Line is not null)
        {
            throw new FeedFormatException(Moved(error.Diagnostic, shift), error.InnerException);
        }
        piece.Error?.Throw();
    }

    private static FeedDiagnostic Moved(FeedDiagnostic diagnostic, long lines) =>
        lines == 0 || diagnostic.Location.Line is not { } line ? diagnostic : diagnostic with { Location = DiagnosticLocation.AtLine(line + lines, diagnostic.Location.Column) };

    /// <summary>The first snapshot start at or after <paramref name="position"/>; the file's end when none follows.</summary>
    private static long NextCut(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long fileLength, long position, ReadSettings settings)
    {
        long from = Math.Max(0, position - CutLookback);
        using var scan = new FileRangeStream(handle, from, fileLength - from);
        return SnapshotCuts.FindNextFrom(scan, from, position, CutReadLength, settings) ?? fileLength;
    }

    public static FeedStatistics Add(FeedStatistics a, FeedStatistics b) => new()
    {
        Feeds = a.Feeds + b.Feeds,
        Papers = a.Papers + b.Papers,
        PapersWithMetadata = a.PapersWithMetadata + b.PapersWithMetadata,
        Lines = a.Lines + b.Lines,
        Warnings = a.Warnings + b.Warnings,
        Infos = a.Infos + b.Infos,
    };

    private static Piece ParsePiece(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long offset, long length, bool endsBeforeSnapshot, ReadSettings options,
        Output output, ArrayPool<byte> buffers, CancellationToken cancellationToken)
    {
        var piece = new Piece { End = offset + length };
        var pieceOptions = options.OnDiagnostic is null ? options : options with { OnDiagnostic = piece.Items.Add };
        var entryOutput = output switch { Output.Count => EntryOutput.Count, Output.Feeds => EntryOutput.Feeds, _ => EntryOutput.Entries };
        int capacity = (int)Math.Min(length + length / 4 + 4096, int.MaxValue / 2);
        // Set before parsing: the papers before an error still come out.
        piece.Entries = output == Output.Papers ? new PieceEntries(capacity, buffers) : null;
        try
        {
            using var session = ParseSession.Of(new FileRangeStream(handle, offset, length), pieceOptions, entryOutput);
            session.EndsBeforeSnapshot = endsBeforeSnapshot;
            using var json = output == Output.JsonLines ? new EntryJsonLines(capacity, buffers) : null;
            while (session.Advance())
            {
                cancellationToken.ThrowIfCancellationRequested();
                while (session.Assembler.TryTakeFeed(out var feed)) piece.Items.Add(feed);
                if (!session.Assembler.TryTakeEntry()) continue;
                if (json is not null)
                {
                    json.Write(session.Assembler.Finished);
                }
                else
                {
                    piece.Entries!.Add(session.Assembler.Finished);
                    piece.Items.Add(NextPaper);
                }
            }
            piece.Json = json?.TakeOutput(1);
            piece.Statistics = session.Assembler.Statistics;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            piece.Error = ExceptionDispatchInfo.Capture(e);
        }
        return piece;
    }
}
