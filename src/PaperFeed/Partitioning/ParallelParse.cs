using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using PaperFeed.IO;
using PaperFeed.Text;

namespace PaperFeed.Partitioning;

/// <summary>
/// Parses one file on several threads: <see cref="SnapshotBoundaries.Split"/> cuts it at snapshot starts while
/// earlier pieces already parse; pieces come back strictly in input order, each with its papers, diagnostics (in
/// the order the parser reported them, line numbers of the whole file) and statistics. At most
/// <c>parallelism + 1</c> pieces are held at once, so memory does not grow with the file.
/// </summary>
internal static class ParallelParse
{
    /// <summary>
    /// The piece size. Pieces wait, parsed, for the consumer; at 4 MB their papers outlived gen0 and the GC's gen1/gen2
    /// work tripled the CPU cost. At 256 KB the waiting papers fit in gen0 and a piece is still about 4 snapshots.
    /// </summary>
    internal const long DefaultPieceLength = 256 << 10;

    /// <summary>
    /// The piece size of passes that keep no paper (counting, text to JSON Lines): the reason for small pieces does not
    /// hold, and 4 MiB pieces make a sixteenth of the sessions and tasks. Measured whole process on the 1 GB dump:
    /// <c>paperfeed stats</c> 0.81 s (was 1.01 s), <c>parse --format jsonl</c> 1.16 s (was 1.34 s), peaks 22 and 43 MiB.
    /// </summary>
    internal const long PaperlessPieceLength = 4L << 20;

    internal sealed class Piece
    {
        /// <summary>Papers and diagnostics, interleaved as the sequential parse would produce them.</summary>
        public List<object> Items { get; } = [];

        /// <summary>The piece's papers as JSON Lines (a JSON Lines parse), to write and dispose.</summary>
        public PooledBufferWriter? Json { get; set; }

        public FeedStatistics Statistics { get; set; } = new();

        public ExceptionDispatchInfo? Error { get; set; }
    }

    public static async IAsyncEnumerable<Piece> ParseAsync(string path, FeedParserOptions options, EntryOutput output, int parallelism, long pieceLength,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (parallelism <= 0) parallelism = Environment.ProcessorCount;
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<Task<Piece>>();
        try
        {
            long fileLength = RandomAccess.GetLength(handle);
            using var scan = new FileRangeStream(handle, 0, fileLength);
            foreach (var range in SnapshotBoundaries.Split(scan, pieceLength))
            {
                var token = stop.Token;
                inFlight.Enqueue(Task.Run(() => ParsePiece(handle, range, fileLength, options, output, token), token));
                if (inFlight.Count > parallelism) yield return await inFlight.Dequeue().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
            while (inFlight.Count > 0) yield return await inFlight.Dequeue().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            // The consumer stopped early or something failed: stop the pieces still parsing and wait for them, so
            // nothing reads the file after the handle is closed.
            await stop.CancelAsync().ConfigureAwait(false);
            while (inFlight.TryDequeue(out var task))
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
    }

    /// <summary>Replays a piece's diagnostics to the caller's callback and returns its papers, in order; rethrows its error.</summary>
    public static IEnumerable<Paper> Replay(Piece piece, FeedParserOptions options)
    {
        foreach (var item in piece.Items)
        {
            if (item is Paper paper) yield return paper;
            else options.OnDiagnostic?.Invoke((FeedDiagnostic)item);
        }
        piece.Error?.Throw();
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

    private static Piece ParsePiece(Microsoft.Win32.SafeHandles.SafeFileHandle handle, SnapshotRange range, long fileLength, FeedParserOptions options, EntryOutput output, CancellationToken cancellationToken)
    {
        var piece = new Piece();
        var pieceOptions = options.OnDiagnostic is null ? options : options with { OnDiagnostic = piece.Items.Add };
        try
        {
            // The piece numbers its lines from where it starts in the file: papers, diagnostics and errors carry
            // the whole file's line numbers with no copying.
            int firstLine = (int)Math.Min(range.FirstLine, int.MaxValue);
            using var session = ParseSession.Of(new FileRangeStream(handle, range.Offset, range.Length), pieceOptions, output, firstLine);
            session.EndsBeforeSnapshot = range.End < fileLength;
            using var json = output == EntryOutput.Entries ? new EntryJsonLines((int)Math.Min(range.Length + range.Length / 4 + 4096, int.MaxValue / 2)) : null;
            while (session.Advance())
            {
                cancellationToken.ThrowIfCancellationRequested();
                while (session.Assembler.TryTakePaper(out var paper)) piece.Items.Add(paper);
                if (session.Assembler.TryTakeEntry()) json!.Write(session.Assembler.Finished);
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
