using System.Text;
using PaperFeed.Export;
using PaperFeed.Parquet;

namespace PaperFeed.Tests.Writes;

/// <summary>
/// Every asynchronous writer against a destination that refuses synchronous I/O (as an ASP.NET Core response body
/// does): it must write and flush only asynchronously, give the same bytes as the synchronous writer, and hand the
/// output over in batches (far fewer writes than papers) without ever holding the whole output.
/// </summary>
public class AsyncWriteTests
{
    private const int Batch = 64 * 1024;
    private const int PaperCount = 3000;

    // ~1.3 KB of output per paper in every format: ~4 MB in all, so a whole-output buffer would show as one huge write.
    private static readonly IReadOnlyList<Paper> Papers = Enumerable.Range(0, PaperCount).Select(i => new Paper
    {
        Title = $"Paper {i}: streaming writes é",
        ArxivId = $"2509.{i:00000}",
        Abstract = string.Concat(Enumerable.Repeat($"Sentence {i} of an abstract. ", 40)),
        Authors = [new Author("Ada Lovelace"), new Author("Alan Turing")],
        Upvotes = i % 50,
        Featured = new PaperDate(2025, 9, 1 + i / 500),
    }).ToList();

    private static IEnumerable<Feed> Feeds => Papers.GroupBy(p => p.Featured).Select(g => new Feed { Date = g.Key, Papers = [.. g] });

    public static TheoryData<ExportFormat, bool> ExportCases()
    {
        var cases = new TheoryData<ExportFormat, bool>();
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            cases.Add(format, false);
            cases.Add(format, true);
        }
        return cases;
    }

    [Fact]
    public async Task Json_lines_async_are_batched_and_the_same_bytes()
    {
        var destination = new AsyncOnlyStream();
        await FeedJson.WritePapersAsync(destination, Papers.ToAsyncEnumerable());

        using var expected = new MemoryStream();
        FeedJson.WritePapers(expected, Papers);
        ShouldBeBatched(destination, expected.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Json_document_async_is_batched_and_the_same_bytes(bool indented)
    {
        var destination = new AsyncOnlyStream();
        await FeedJson.WriteFeedsAsync(destination, Feeds.ToAsyncEnumerable(), indented);

        using var expected = new MemoryStream();
        FeedJson.WriteFeeds(expected, Feeds, indented);
        ShouldBeBatched(destination, expected.ToArray());
    }

    [Fact]
    public async Task Papers_written_one_by_one_into_a_document_async_are_batched_and_the_same_bytes()
    {
        var destination = new AsyncOnlyStream();
        await using (var writer = new FeedJsonWriter(destination, FeedJsonFormat.Document, indented: true, leaveOpen: true))
        {
            foreach (var paper in Papers) await writer.WritePaperAsync(paper);
            await writer.CompleteAsync();
        }

        using var expected = new MemoryStream();
        using (var writer = new FeedJsonWriter(expected, FeedJsonFormat.Document, indented: true, leaveOpen: true))
        {
            foreach (var paper in Papers) writer.WritePaper(paper);
            writer.Complete();
        }
        ShouldBeBatched(destination, expected.ToArray());
    }

    [Fact]
    public async Task Disposing_async_hands_over_what_is_batched_without_a_synchronous_write()
    {
        var destination = new AsyncOnlyStream();
        await using (var writer = new FeedJsonWriter(destination, FeedJsonFormat.JsonLines, leaveOpen: true))
        {
            await writer.WritePaperAsync(new Paper { Title = "first" });
            destination.Writes.Should().Be(0, "one small paper stays in the batch");
        }

        Encoding.UTF8.GetString(destination.Bytes).Should().Be("{\"title\":\"first\"}\n", "a run that stops early keeps the papers it wrote");
    }

    [Fact]
    public async Task Nothing_is_written_again_after_the_stream_failed()
    {
        var destination = new FailingStream();
        var writer = new FeedJsonWriter(destination, FeedJsonFormat.JsonLines, leaveOpen: true);
        var write = async () =>
        {
            foreach (var paper in Papers) await writer.WritePaperAsync(paper);
        };

        await write.Should().ThrowAsync<IOException>();
        await writer.DisposeAsync();

        destination.Attempts.Should().Be(1, "disposing must not retry a failed stream (and hide the first failure)");
    }

    [Theory]
    [MemberData(nameof(ExportCases))]
    public async Task Exports_async_are_batched_and_the_same_bytes(ExportFormat format, bool updatedGiven)
    {
        // Without Updated, RSS and Atom spool the papers and write them in a second pass: both paths are covered.
        var options = ExportOptions.Default with { Updated = updatedGiven ? new DateTimeOffset(2025, 9, 30, 0, 0, 0, TimeSpan.Zero) : null };
        var destination = new AsyncOnlyStream();
        await FeedExporter.WriteAsync(destination, Papers.ToAsyncEnumerable(), format, options);

        using var expected = new MemoryStream();
        FeedExporter.Write(expected, Papers, format, options);
        ShouldBeBatched(destination, expected.ToArray());
    }

    [Theory]
    [InlineData(ExportFormat.Rss)]
    [InlineData(ExportFormat.Atom)]
    public async Task Exports_async_park_papers_in_their_temporary_file_with_asynchronous_io_only(ExportFormat format)
    {
        // The temporary file of RSS and Atom (no Updated) refuses synchronous I/O here, as the destination does.
        var spool = new AsyncOnlyStream(readable: true);
        var destination = new AsyncOnlyStream();
        await FeedExporter.RunAsync(destination, Papers.ToAsyncEnumerable(), format, ExportOptions.Default, () => spool, CancellationToken.None);

        using var expected = new MemoryStream();
        FeedExporter.Write(expected, Papers, format);
        ShouldBeBatched(destination, expected.ToArray());
        spool.Written.Should().BeGreaterThan(4 * Batch, "every paper was parked");
        spool.Writes.Should().BeLessThanOrEqualTo(MostWrites(spool.Written) + 1, "papers are parked in batches, not one write each");
        spool.Reads.Should().BeGreaterThan(1).And.BeLessThan(PaperCount / 20, "papers are read back in batches");
        spool.Disposed.Should().BeTrue("the run closes its temporary file");
    }

    [Theory]
    [InlineData(ExportFormat.Rss, false)]
    [InlineData(ExportFormat.Rss, true)]
    [InlineData(ExportFormat.Atom, false)]
    [InlineData(ExportFormat.Atom, true)]
    public async Task An_export_cancelled_midway_leaves_no_temporary_file(ExportFormat format, bool whileReadingBack)
    {
        using var cancel = new CancellationTokenSource();
        FileStream? spool = null;
        var destination = new CancellingStream(whileReadingBack ? cancel : null);
        var papers = Cancelled(Papers, whileReadingBack ? null : cancel, after: PaperCount / 2);

        var export = () => FeedExporter.RunAsync(destination, papers, format, ExportOptions.Default, () => spool = PaperSpool.OpenTempFile(asynchronous: true), cancel.Token);

        await export.Should().ThrowAsync<OperationCanceledException>();
        spool.Should().NotBeNull();
        spool!.IsAsync.Should().BeTrue("the asynchronous export opens its temporary file for asynchronous I/O");
        spool.SafeFileHandle.IsClosed.Should().BeTrue("a cancelled export closes its temporary file");
        File.Exists(spool.Name).Should().BeFalse("a cancelled export leaves no temporary file behind");
        if (whileReadingBack) destination.Written.Should().BeGreaterThan(0, "the cancellation came while the parked papers were written out");
        else destination.Written.Should().Be(0, "the cancellation came while the papers were parked");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_full_disk_under_the_temporary_file_is_a_clear_error_and_the_file_is_closed(bool fileTooLarge)
    {
        var spool = new AsyncOnlyStream(readable: true, capacity: 4 * Batch, fileTooLarge: fileTooLarge);
        var destination = new AsyncOnlyStream();

        var export = () => FeedExporter.RunAsync(destination, Papers.ToAsyncEnumerable(), ExportFormat.Rss, ExportOptions.Default, () => spool, CancellationToken.None);

        var thrown = (await export.Should().ThrowAsync<IOException>()).Which;
        thrown.Message.Should().Contain("temporary file").And.Contain(AsyncOnlyStream.DiskFull).And.Contain(nameof(ExportOptions.Updated), "the message says how to export without the file");
        thrown.InnerException.Should().BeOfType(fileTooLarge ? typeof(ArgumentOutOfRangeException) : typeof(IOException), "the system's own error is kept");
        thrown.InnerException!.Message.Should().StartWith(AsyncOnlyStream.DiskFull);
        spool.Disposed.Should().BeTrue("a failed export closes its temporary file");
        destination.Written.Should().Be(0, "nothing is written when the papers could not be parked");
    }

    [Fact]
    public void The_synchronous_export_leaves_no_temporary_file_when_the_destination_fails()
    {
        FileStream? spool = null;
        var export = () =>
        {
            using var run = new ExportRun(new AsyncOnlyStream(), ExportFormat.Atom, ExportOptions.Default, () => spool = PaperSpool.OpenTempFile(asynchronous: false));
            foreach (var paper in Papers) run.Add(paper);
            run.Complete();
        };

        export.Should().Throw<InvalidOperationException>("the destination refuses synchronous writes");
        spool!.IsAsync.Should().BeFalse();
        spool.SafeFileHandle.IsClosed.Should().BeTrue();
        File.Exists(spool.Name).Should().BeFalse();
    }

    [Fact]
    public async Task Diff_json_lines_async_are_batched_and_the_same_bytes()
    {
        var changes = Changes();
        var destination = new AsyncOnlyStream();
        await PaperDiff.WriteJsonLinesAsync(destination, changes);

        using var expected = new MemoryStream();
        PaperDiff.WriteJsonLines(expected, changes);
        ShouldBeBatched(destination, expected.ToArray());
    }

    [Fact]
    public async Task Diff_table_async_uses_only_asynchronous_writes_and_the_same_text()
    {
        var changes = Changes();
        var destination = new AsyncOnlyStream();
        await using (var writer = new StreamWriter(destination, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" })
        {
            await PaperDiff.WriteTableAsync(writer, changes);
        }
        var batched = new AsyncOnlyTextWriter();
        await PaperDiff.WriteTableAsync(batched, changes);

        var expected = new StringWriter { NewLine = "\n" };
        PaperDiff.WriteTable(expected, changes);
        Encoding.UTF8.GetString(destination.Bytes).Should().Be(expected.ToString());
        batched.Text.Should().Be(expected.ToString());
        expected.ToString().Length.Should().BeGreaterThan(2 * Batch);
        batched.Writes.Should().BeLessThanOrEqualTo(expected.ToString().Length / Batch + 1, "the table goes out in chunks, not line by line");
    }

    [Fact]
    public async Task Parquet_async_uses_only_asynchronous_writes_and_the_same_bytes()
    {
        var destination = new AsyncOnlyStream();
        await ParquetExport.WriteAsync(destination, Papers.ToAsyncEnumerable());

        using var expected = new MemoryStream();
        await ParquetExport.WriteAsync(expected, Papers.ToAsyncEnumerable());
        destination.Bytes.Should().Equal(expected.ToArray());
        destination.Writes.Should().BeLessThan(PaperCount / 20);
        destination.Flushes.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Synchronous_writers_are_batched_too()
    {
        var changes = Changes();
        var writers = new (string Name, Action<Stream> Write)[]
        {
            ("json lines", s => FeedJson.WritePapers(s, Papers)),
            ("json document", s => FeedJson.WriteFeeds(s, Feeds, indented: true)),
            ("csv", s => FeedExporter.Write(s, Papers, ExportFormat.Csv)),
            ("rss", s => FeedExporter.Write(s, Papers, ExportFormat.Rss)),
            ("diff", s => PaperDiff.WriteJsonLines(s, changes)),
        };
        foreach (var (name, write) in writers)
        {
            var destination = new AsyncOnlyStream(keep: false, allowSync: true);
            write(destination);
            destination.Written.Should().BeGreaterThan(4 * Batch, name);
            destination.Writes.Should().BeLessThanOrEqualTo(MostWrites(destination.Written), name);
        }
    }

    private static IReadOnlyList<PaperChange> Changes() =>
        PaperDiff.Compute(Papers.Where((_, i) => i % 3 != 0), Papers.Where((_, i) => i % 3 != 1).Select(p => p with { Upvotes = p.Upvotes + 1 }));

    /// <summary>One write per full batch, plus the last one.</summary>
    private static int MostWrites(long written) => (int)(written / Batch) + 1;

    private static void ShouldBeBatched(AsyncOnlyStream destination, byte[] expected)
    {
        destination.Bytes.Should().Equal(expected, "the asynchronous writer gives the synchronous writer's bytes");
        expected.Length.Should().BeGreaterThan(4 * Batch, "the output spans several batches");
        destination.Writes.Should().BeLessThanOrEqualTo(MostWrites(expected.Length)).And.BeLessThan(PaperCount / 20, "writes are batched, not one per paper");
        destination.LargestWrite.Should().BeLessThan(Batch + 16 * 1024, "no write holds more than a batch and one paper: the output is streamed, not buffered whole");
        destination.Flushes.Should().BeGreaterThan(0, "the end of the output is flushed");
    }

    /// <summary>The papers, one at a time, cancelling <paramref name="cancel"/> (when given) after <paramref name="after"/> of them.</summary>
    private static async IAsyncEnumerable<Paper> Cancelled(IEnumerable<Paper> papers, CancellationTokenSource? cancel, int after)
    {
        int count = 0;
        foreach (var paper in papers)
        {
            if (++count == after) await (cancel?.CancelAsync() ?? Task.CompletedTask);
            yield return paper;
        }
    }

    /// <summary>An asynchronous destination that cancels <paramref name="cancel"/> (when given) at its first write.</summary>
    private sealed class CancellingStream(CancellationTokenSource? cancel) : Stream
    {
        public long Written { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written;
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override void Flush() => throw new InvalidOperationException("synchronous flush");
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("synchronous write");

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written += buffer.Length;
            if (cancel is not null) await cancel.CancelAsync();
        }
    }

    /// <summary>A text writer that refuses synchronous writes and counts the asynchronous ones.</summary>
    private sealed class AsyncOnlyTextWriter : TextWriter
    {
        private readonly StringBuilder _text = new();
        public AsyncOnlyTextWriter() => NewLine = "\n";
        public override Encoding Encoding => Encoding.UTF8;
        public int Writes { get; private set; }
        public string Text => _text.ToString();
        public override void Write(char value) => throw new InvalidOperationException("synchronous write");
        public override Task WriteAsync(StringBuilder? value, CancellationToken cancellationToken = default) => Keep(value?.ToString());
        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) => Keep(buffer.ToString());
        public override Task WriteAsync(string? value) => Keep(value);

        private Task Keep(string? text)
        {
            Writes++;
            _text.Append(text);
            return Task.CompletedTask;
        }
    }

    /// <summary>A destination whose first write fails, counting every attempt.</summary>
    private sealed class FailingStream : Stream
    {
        public int Attempts { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => 0;
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Fail();
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Fail();
            return ValueTask.CompletedTask;
        }

        private void Fail()
        {
            Attempts++;
            throw new IOException("the disk is full");
        }
    }
}
