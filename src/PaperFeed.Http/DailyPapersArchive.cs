using System.IO.Compression;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace PaperFeed.Http;

/// <summary>
/// A directory of fetched Daily Papers (docs/fetch.md): every response body byte for byte (gzip-compressed, named by
/// its SHA-256) and <c>manifest.jsonl</c>, an append-only log of every exchange. Reads give the latest complete
/// observation of each listing day as one feed dated by that day (each paper's <see cref="Paper.Featured"/> is the
/// listing day), or every observation as upvote history; <see cref="FetchAsync"/> adds to it.
/// </summary>
/// <example>
/// <code>
/// var archive = DailyPapersArchive.Open("daily-papers");
/// await foreach (var feed in archive.ReadFeedsAsync()) Console.WriteLine($"{feed.Date}: {feed.Papers.Count} papers");
/// </code>
/// </example>
public sealed class DailyPapersArchive
{
    private DailyPapersArchive(string directory) => Directory = directory;

    /// <summary>The archive's directory.</summary>
    public string Directory { get; }

    /// <summary>True when <paramref name="directory"/> holds an archive (a <c>manifest.jsonl</c>).</summary>
    /// <param name="directory">A path.</param>
    public static bool IsArchive(string directory) =>
        !string.IsNullOrEmpty(directory) && File.Exists(Path.Combine(directory, ArchiveWriter.ManifestName));

    /// <summary>Opens an archive for reading (nothing is read until asked).</summary>
    /// <param name="directory">The archive's directory.</param>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    /// <exception cref="DirectoryNotFoundException">The directory holds no archive.</exception>
    public static DailyPapersArchive Open(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!IsArchive(directory)) throw new DirectoryNotFoundException($"{directory}: no PaperFeed archive here (no {ArchiveWriter.ManifestName})");
        return new DailyPapersArchive(directory);
    }

    /// <summary>Every complete observation, in the order they were committed.</summary>
    /// <exception cref="IOException">The manifest cannot be read, or holds a line that is not a manifest record.</exception>
    public IReadOnlyList<ArchiveObservation> ReadObservations() => ArchiveManifest.Read(Directory);

    /// <summary>The latest complete observation of each listing day, in day order.</summary>
    /// <inheritdoc cref="ReadObservations" path="/exception"/>
    public IReadOnlyList<ArchiveObservation> ReadLatestObservations() =>
        [.. ReadObservations().GroupBy(o => o.Day).Select(g => g.Last()).OrderBy(o => o.Day)];

    /// <summary>
    /// The papers of one observation, read from its bodies through <see cref="FeedReader"/> (Hugging Face API JSON, the
    /// listing day given), in the order served; a paper on two pages (a server that ignores <c>p</c>) comes once. Each
    /// paper's <see cref="Paper.Featured"/> is the listing day.
    /// </summary>
    /// <param name="observation">An observation of this archive.</param>
    /// <param name="options">Reader options (diagnostics, text handling); the format and listing date are set here.</param>
    /// <param name="cancellationToken">Stops between bodies.</param>
    /// <exception cref="IOException">(While enumerating.) A body is missing or its SHA-256 is not the manifest's.</exception>
    public async IAsyncEnumerable<Paper> ReadPapersAsync(ArchiveObservation observation, FeedReaderOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observation);
        await foreach (var (paper, _) in ReadObservationAsync(observation, options, cancellationToken).ConfigureAwait(false)) yield return paper;
    }

    /// <summary>The latest complete observation of each listing day as one feed dated by that day, in day order.</summary>
    /// <param name="options">Reader options for the bodies (see <see cref="ReadPapersAsync"/>).</param>
    /// <param name="cancellationToken">Stops between bodies.</param>
    /// <exception cref="IOException">(While enumerating.) The manifest cannot be read, or a body is missing or altered.</exception>
    public async IAsyncEnumerable<Feed> ReadFeedsAsync(FeedReaderOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var observation in ReadLatestObservations())
        {
            var papers = new List<Paper>();
            await foreach (var paper in ReadPapersAsync(observation, options, cancellationToken).ConfigureAwait(false)) papers.Add(paper);
            yield return new Feed { Date = new PaperDate(observation.Day), Papers = papers };
        }
    }

    /// <summary>
    /// Every complete observation's papers, one row per paper per observation, ordered by observation time (then rank):
    /// how upvotes, comments and stars moved.
    /// </summary>
    /// <param name="options">Reader options for the bodies.</param>
    /// <param name="cancellationToken">Stops between bodies.</param>
    /// <inheritdoc cref="ReadFeedsAsync" path="/exception"/>
    public async IAsyncEnumerable<ArchiveHistoryRow> ReadHistoryAsync(FeedReaderOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var observation in ReadObservations().OrderBy(o => o.ObservedAt).ThenBy(o => o.Day))
        {
            int rank = 0;
            await foreach (var (paper, observedAt) in ReadObservationAsync(observation, options, cancellationToken).ConfigureAwait(false))
            {
                yield return new ArchiveHistoryRow(paper.ArxivId, observation.Day, observedAt, paper.Upvotes, paper.Details?.CommentCount,
                    paper.Details?.GithubStars, ++rank, paper.Title);
            }
        }
    }

    /// <summary>
    /// The latest complete observation of each day as PaperFeed JSON (an array of feeds, <see cref="FeedJson.WriteFeedsAsync"/>),
    /// made as it is read: any <see cref="FeedReader"/> reads it (<c>FeedInput.FromStream</c>). Dispose the stream
    /// when done; an error reading the archive comes out of the stream's reads.
    /// </summary>
    /// <param name="options">Reader options for the bodies.</param>
    public Stream OpenFeedsAsJson(FeedReaderOptions? options = null)
    {
        var pipe = new Pipe();
        var stop = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            try
            {
                await using var destination = pipe.Writer.AsStream(leaveOpen: true);
                await FeedJson.WriteFeedsAsync(destination, ReadFeedsAsync(options, stop.Token), cancellationToken: stop.Token).ConfigureAwait(false);
                await pipe.Writer.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                await pipe.Writer.CompleteAsync(e).ConfigureAwait(false);
            }
            finally
            {
                stop.Dispose();
            }
        });
        return new StopOnDispose(pipe.Reader.AsStream(), stop);
    }

    private async IAsyncEnumerable<(Paper Paper, DateTimeOffset ObservedAt)> ReadObservationAsync(ArchiveObservation observation, FeedReaderOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var baseOptions = options ?? FeedReaderOptions.Default;
        var reader = new FeedReader(baseOptions with
        {
            Format = FeedFormat.HuggingFaceApiJson,
            Dates = baseOptions.Dates with { ListingDate = observation.Day, ListingDateFromSourceName = false },
        });
        var featured = new PaperDate(observation.Day);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in observation.Pages)
        {
            byte[] body = await ReadBodyAsync(page, cancellationToken).ConfigureAwait(false);
            var input = FeedInput.FromBytes(body, Path.Combine(Directory, page.File));
            await foreach (var paper in reader.ReadPapersAsync(input, cancellationToken).ConfigureAwait(false))
            {
                if (!seen.Add(paper.ArxivId ?? "title:" + paper.Title)) continue;
                yield return (paper with { Featured = featured }, page.ObservedAt);
            }
        }
    }

    /// <summary>A stored body, decompressed and checked against the SHA-256 the manifest gives.</summary>
    private async Task<byte[]> ReadBodyAsync(ArchivePage page, CancellationToken cancellationToken)
    {
        string path = Path.Combine(Directory, page.File);
        byte[] body;
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            await gzip.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
        {
            throw new IOException($"{path}: a body the manifest names is missing or not gzip ({e.Message})", e);
        }
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(body)), page.Sha256, StringComparison.Ordinal))
        {
            throw new IOException($"{path}: its content is not what the manifest recorded (SHA-256 {page.Sha256}); the archive was altered");
        }
        return body;
    }

    /// <summary>
    /// Fetches <paramref name="days"/> into the archive in <paramref name="directory"/> (created when missing): each day
    /// that is missing, failed, or not settled (<see cref="ArchiveFetchOptions.SettleDays"/>), or every day with
    /// <see cref="ArchiveFetchOptions.Refresh"/>, gets a new observation; a day that fails is recorded as failed and the
    /// others go on. Crash-safe at every moment (docs/fetch.md).
    /// </summary>
    /// <param name="directory">The archive's directory.</param>
    /// <param name="client">The client to fetch with.</param>
    /// <param name="days">The listing days.</param>
    /// <param name="options">What to ask for again; <see cref="ArchiveFetchOptions.Default"/> when null.</param>
    /// <param name="progress">Told after each day and each failed attempt.</param>
    /// <param name="cancellationToken">Stops the fetch; what was committed stays, a day in progress stays invisible.</param>
    /// <returns>What was stored, skipped and failed.</returns>
    /// <exception cref="DailyPapersException">The server could not be reached at all (no response to any request of the run).</exception>
    /// <exception cref="IOException">The archive is in use by another fetch, or cannot be read or written.</exception>
    public static Task<ArchiveFetchResult> FetchAsync(string directory, DailyPapersClient client, IEnumerable<DateOnly> days, ArchiveFetchOptions? options = null,
        IProgress<ArchiveFetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(days);
        return new ArchiveFetch(directory, client, options ?? ArchiveFetchOptions.Default, progress).RunAsync([.. days.Distinct().Order()], cancellationToken);
    }

    /// <summary>The reading end of the pipe; disposing it stops the writer.</summary>
    private sealed class StopOnDispose(Stream inner, CancellationTokenSource stop) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                try
                {
                    stop.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The writer finished and disposed it.
                }
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
