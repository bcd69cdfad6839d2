using PaperFeed.Partitioning;

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
        return ParallelReads.PapersAsync(path, Settings(options), maxDegreeOfParallelism, cancellationToken);
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
        return ParallelReads.CountAsync(path, Settings(options), maxDegreeOfParallelism, ParallelParse.BytePieceLength, cancellationToken);
    }
}
