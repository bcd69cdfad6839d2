using System.Runtime.CompilerServices;
using PaperFeed.Partitioning;
using PaperFeed.Text;

namespace PaperFeed;

public static partial class FeedParser
{
    /// <summary>
    /// Reads the papers of one UTF-8 file on several threads: the file is cut at the snapshot start that follows each
    /// multiple of a piece length (<see cref="SnapshotBoundaries.FindNext"/>), pieces parse concurrently, and papers
    /// come out in input order. The
    /// result is identical to <see cref="ReadPapersAsync"/> on the same file: papers, <see cref="Paper.SourceLine"/>,
    /// diagnostics (delivered in order, on the consuming thread) and errors. Memory stays bounded by a few pieces of
    /// a few megabytes each, whatever the file's size.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.Default"/> when null.</param>
    /// <param name="maxDegreeOfParallelism">Pieces parsed at once; 0 or less means <see cref="Environment.ProcessorCount"/>.</param>
    /// <param name="cancellationToken">Stops the parse.</param>
    public static IAsyncEnumerable<Paper> ReadPapersParallelAsync(string path, FeedParserOptions? options = null, int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ReadPapersParallelIterator(path, options ?? FeedParserOptions.Default, maxDegreeOfParallelism, ParallelParse.PaperPieceLength, cancellationToken);
    }

    /// <summary>
    /// Counts the snapshots, papers and diagnostics of one UTF-8 file on several threads (see
    /// <see cref="ReadPapersParallelAsync"/>); the result equals <see cref="CountAsync"/> on the same file.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.Default"/> when null.</param>
    /// <param name="maxDegreeOfParallelism">Pieces counted at once; 0 or less means <see cref="Environment.ProcessorCount"/>.</param>
    /// <param name="cancellationToken">Stops the count.</param>
    public static Task<FeedStatistics> CountParallelAsync(string path, FeedParserOptions? options = null, int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return CountParallel(path, options ?? FeedParserOptions.Default, maxDegreeOfParallelism, ParallelParse.BytePieceLength, cancellationToken);
    }

    internal static IAsyncEnumerable<Paper> ReadPapersParallelIterator(string path, FeedParserOptions options, int maxDegreeOfParallelism, long pieceLength,
        CancellationToken cancellationToken) =>
        ReadParallel<Paper>(path, options, ParallelParse.Output.Papers, maxDegreeOfParallelism, pieceLength, cancellationToken);

    /// <summary>The feeds of one UTF-8 file, read on several threads (see <see cref="ReadPapersParallelAsync"/>): what <see cref="ReadFeedsAsync"/> gives.</summary>
    internal static IAsyncEnumerable<Feed> ReadFeedsParallelIterator(string path, FeedParserOptions options, int maxDegreeOfParallelism, CancellationToken cancellationToken) =>
        ReadParallel<Feed>(path, options, ParallelParse.Output.Feeds, maxDegreeOfParallelism, ParallelParse.ObjectPieceLength, cancellationToken);

    private static async IAsyncEnumerable<T> ReadParallel<T>(string path, FeedParserOptions options, ParallelParse.Output output, int maxDegreeOfParallelism, long pieceLength,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var piece in ParallelParse.ParseAsync(path, options, output, maxDegreeOfParallelism, pieceLength, cancellationToken).ConfigureAwait(false))
        {
            foreach (T item in ParallelParse.Replay(piece, options))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }
        }
    }

    internal static async Task<FeedStatistics> CountParallel(string path, FeedParserOptions options, int maxDegreeOfParallelism, long pieceLength, CancellationToken cancellationToken)
    {
        var total = new FeedStatistics();
        await foreach (var piece in ParallelParse.ParseAsync(path, options, ParallelParse.Output.Count, maxDegreeOfParallelism, pieceLength, cancellationToken).ConfigureAwait(false))
        {
            foreach (var _ in ParallelParse.Replay(piece, options)) { }
            total = ParallelParse.Add(total, piece.Statistics);
        }
        return total;
    }
}
