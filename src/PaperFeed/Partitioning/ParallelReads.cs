using System.Runtime.CompilerServices;

namespace PaperFeed.Partitioning;

/// <summary>
/// The text listing's reads of one UTF-8 file on several cores (<see cref="ParallelParse"/>), sync and async: papers,
/// feeds, counts and JSON Lines, each identical to the one-core read of the same file (papers, line numbers,
/// diagnostics in order, errors).
/// </summary>
internal static class ParallelReads
{
    public static async IAsyncEnumerable<T> ReadAsync<T>(string path, ReadSettings settings, ParallelParse.Output output, int parallelism, long pieceLength,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var piece in ParallelParse.ParseAsync(path, settings, output, parallelism, pieceLength, cancellationToken).ConfigureAwait(false))
        {
            foreach (T item in ParallelParse.Replay(piece, settings))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }
        }
    }

    public static IEnumerable<T> Read<T>(string path, ReadSettings settings, ParallelParse.Output output, int parallelism, long pieceLength, CancellationToken cancellationToken)
    {
        foreach (var piece in ParallelParse.Parse(path, settings, output, parallelism, pieceLength, cancellationToken))
        {
            foreach (T item in ParallelParse.Replay(piece, settings))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }
        }
    }

    public static IAsyncEnumerable<Paper> PapersAsync(string path, ReadSettings settings, int parallelism, CancellationToken cancellationToken) =>
        ReadAsync<Paper>(path, settings, ParallelParse.Output.Papers, parallelism, ParallelParse.PaperPieceLength, cancellationToken);

    public static IAsyncEnumerable<Feed> FeedsAsync(string path, ReadSettings settings, int parallelism, CancellationToken cancellationToken) =>
        ReadAsync<Feed>(path, settings, ParallelParse.Output.Feeds, parallelism, ParallelParse.ObjectPieceLength, cancellationToken);

    public static IEnumerable<Paper> Papers(string path, ReadSettings settings, int parallelism) =>
        Read<Paper>(path, settings, ParallelParse.Output.Papers, parallelism, ParallelParse.PaperPieceLength, CancellationToken.None);

    public static IEnumerable<Feed> Feeds(string path, ReadSettings settings, int parallelism) =>
        Read<Feed>(path, settings, ParallelParse.Output.Feeds, parallelism, ParallelParse.ObjectPieceLength, CancellationToken.None);

    public static async Task<FeedStatistics> CountAsync(string path, ReadSettings settings, int parallelism, long pieceLength, CancellationToken cancellationToken)
    {
        var total = new FeedStatistics();
        await foreach (var piece in ParallelParse.ParseAsync(path, settings, ParallelParse.Output.Count, parallelism, pieceLength, cancellationToken).ConfigureAwait(false))
        {
            total = Counted(total, piece, settings);
        }
        return total;
    }

    public static FeedStatistics Count(string path, ReadSettings settings, int parallelism)
    {
        var total = new FeedStatistics();
        foreach (var piece in ParallelParse.Parse(path, settings, ParallelParse.Output.Count, parallelism, ParallelParse.BytePieceLength, CancellationToken.None))
        {
            total = Counted(total, piece, settings);
        }
        return total;
    }

    public static async Task<FeedStatistics> WriteJsonLinesAsync(string path, Stream destination, ReadSettings settings, int parallelism, long pieceLength,
        CancellationToken cancellationToken)
    {
        var total = new FeedStatistics();
        await foreach (var piece in ParallelParse.ParseAsync(path, settings, ParallelParse.Output.JsonLines, parallelism, pieceLength, cancellationToken).ConfigureAwait(false))
        {
            using (piece.Json)
            {
                total = Counted(total, piece, settings);
                if (piece.Json is { WrittenCount: > 0 } json) await destination.WriteAsync(json.WrittenMemory, cancellationToken).ConfigureAwait(false);
            }
        }
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        return total;
    }

    public static FeedStatistics WriteJsonLines(string path, Stream destination, ReadSettings settings, int parallelism)
    {
        var total = new FeedStatistics();
        foreach (var piece in ParallelParse.Parse(path, settings, ParallelParse.Output.JsonLines, parallelism, ParallelParse.BytePieceLength, CancellationToken.None))
        {
            using (piece.Json)
            {
                total = Counted(total, piece, settings);
                if (piece.Json is { WrittenCount: > 0 } json) destination.Write(json.WrittenMemory.Span);
            }
        }
        destination.Flush();
        return total;
    }

    /// <summary>Replays the piece's diagnostics (and rethrows its error), then adds its statistics.</summary>
    private static FeedStatistics Counted(FeedStatistics total, ParallelParse.Piece piece, ReadSettings settings)
    {
        foreach (var _ in ParallelParse.Replay(piece, settings)) { }
        return ParallelParse.Add(total, piece.Statistics);
    }
}
