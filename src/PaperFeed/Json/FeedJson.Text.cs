using PaperFeed.Partitioning;
using PaperFeed.Text;

namespace PaperFeed;

public static partial class FeedJson
{
    /// <summary>
    /// Converts the text listing in UTF-8 bytes to PaperFeed JSON Lines without making a string: fields go from the
    /// input's bytes to the output's. The output is byte for byte what
    /// <c>WritePapers(destination, FeedParser.ReadPapers(reader))</c> writes for the same text, diagnostics included.
    /// </summary>
    /// <param name="text">The listing as UTF-8 (a BOM is skipped; invalid bytes become U+FFFD with a warning); not disposed.</param>
    /// <param name="destination">Where the lines go, in blocks of about 64 KB; flushed, not disposed.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.Default"/> when null.</param>
    /// <returns>What the parse found, as <see cref="FeedParser.Count"/> reports it.</returns>
    /// <exception cref="FeedFormatException">The input is not text, or a warning in strict mode.</exception>
    [Obsolete("Use FeedReader.WriteJsonLines(FeedInput.FromStream(text), destination), which reads every format; see docs/api.md.")]
    public static FeedStatistics ConvertTextToJsonLines(Stream text, Stream destination, FeedParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(destination);
        using var session = ParseSession.Of(text, (options ?? FeedParserOptions.Default).ToSettings(), EntryOutput.Entries);
        return EntryJsonLines.Convert(session, destination);
    }

    /// <inheritdoc cref="ConvertTextToJsonLines"/>
    /// <param name="text">The listing as UTF-8 (a BOM is skipped; invalid bytes become U+FFFD with a warning); not disposed.</param>
    /// <param name="destination">Where the lines go, in blocks of about 64 KB, written asynchronously; flushed, not disposed.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the conversion between reads.</param>
    [Obsolete("Use FeedReader.WriteJsonLinesAsync(FeedInput.FromStream(text), destination); see docs/api.md.")]
    public static Task<FeedStatistics> ConvertTextToJsonLinesAsync(Stream text, Stream destination, FeedParserOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(destination);
        return Convert();

        async Task<FeedStatistics> Convert()
        {
            using var session = ParseSession.Of(text, (options ?? FeedParserOptions.Default).ToSettings(), EntryOutput.Entries);
            return await EntryJsonLines.ConvertAsync(session, destination, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <see cref="ConvertTextToJsonLinesAsync"/> for one file, on several threads: the file is cut at snapshot starts
    /// (<see cref="SnapshotBoundaries"/>), pieces convert concurrently, and their lines are written in input order. The
    /// output, the diagnostics (delivered in order, on the calling thread's continuation) and errors are those of the
    /// sequential conversion; memory stays bounded by a few pieces of a few hundred kilobytes each.
    /// </summary>
    /// <param name="path">The file (UTF-8 text listing).</param>
    /// <param name="destination">Where the lines go, written asynchronously piece by piece; flushed, not disposed.</param>
    /// <param name="options">Parsing options; <see cref="FeedParserOptions.Default"/> when null.</param>
    /// <param name="maxDegreeOfParallelism">Pieces converted at once; 0 or less means <see cref="Environment.ProcessorCount"/>.</param>
    /// <param name="cancellationToken">Stops the conversion.</param>
    [Obsolete("Use FeedReader.WriteJsonLinesAsync(FeedInput.FromFile(path), destination) with MaxDegreeOfParallelism = -1; see docs/api.md.")]
    public static Task<FeedStatistics> ConvertTextFileToJsonLinesAsync(string path, Stream destination, FeedParserOptions? options = null, int maxDegreeOfParallelism = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(destination);
        return ParallelReads.WriteJsonLinesAsync(path, destination, (options ?? FeedParserOptions.Default).ToSettings(), maxDegreeOfParallelism, ParallelParse.BytePieceLength, cancellationToken);
    }
}
