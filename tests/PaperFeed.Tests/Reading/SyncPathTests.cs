using PaperFeed.Html;

namespace PaperFeed.Tests.Reading;

/// <summary>
/// FeedReader's sync methods read on the caller's thread: every built-in format and the HTML format read through a
/// stream whose asynchronous members throw, so a sync path that went through an async read (and blocked on it) fails.
/// </summary>
public class SyncPathTests
{
    private static readonly FeedReader Reader = new(FeedReaderOptions.Default.WithFormat(new HtmlFeedFormat()));

    public static TheoryData<string, string> RealInputs => new()
    {
        { "browser-copy/001_945d3c89aa4599f6.txt", "text" },
        { "api/2025-03-13.json", "hf-api" },
        { "captures/reference-links-search-long-context-asr.txt", "markdown" },
        { "captures/clipper-export-search-intercode-bash.txt", "clipper" },
        { "html/papers-2024-08-01.html", "html" },
    };

    private static string Real(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", name);

    [Theory]
    [MemberData(nameof(RealInputs))]
    public async Task Sync_reads_never_read_asynchronously_and_equal_the_async_reads(string name, string format)
    {
        byte[] bytes = File.ReadAllBytes(Real(name));
        Reader.DetectFormat(bytes)!.Name.Should().Be(format);

        var feeds = Reader.ReadFeeds(FeedInput.FromStream(new SyncOnlyStream(bytes), name)).ToList();
        var papers = Reader.ReadPapers(FeedInput.FromStream(new SyncOnlyStream(bytes), name)).ToList();
        var items = Reader.ReadItems(FeedInput.FromStream(new SyncOnlyStream(bytes), name)).ToList();
        var count = Reader.Count(FeedInput.FromStream(new SyncOnlyStream(bytes), name));

        var asyncPapers = await Reader.ReadPapersAsync(FeedInput.FromBytes(bytes, name)).ToListAsync();
        var asyncCount = await Reader.CountAsync(FeedInput.FromBytes(bytes, name));
        papers.Should().NotBeEmpty().And.Equal(asyncPapers);
        feeds.SelectMany(feed => feed.Papers).Should().Equal(asyncPapers);
        items.SelectMany(item => item.Feed?.Papers ?? [item.Paper!]).Should().Equal(asyncPapers);
        count.Should().Be(asyncCount);
    }

    [Fact]
    public void A_sync_read_of_json_lines_through_the_door_never_reads_asynchronously()
    {
        var jsonLines = new MemoryStream();
        Reader.WriteJsonLines(FeedInput.FromFile(TestData.Corpus001), jsonLines);

        var papers = Reader.ReadPapers(FeedInput.FromStream(new SyncOnlyStream(jsonLines.ToArray()))).ToList();

        papers.Should().HaveCount(53);
        papers.Select(p => p.Title).Should().Equal(Reader.ReadPapers(FeedInput.FromFile(TestData.Corpus001)).Select(p => p.Title));
    }

    /// <summary>A stream that can only be read synchronously: an async read is a test failure.</summary>
    private sealed class SyncOnlyStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the sync path read asynchronously");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the sync path read asynchronously");

        public override IAsyncResult BeginRead(byte[] buffer, int offset, int count, AsyncCallback? callback, object? state) =>
            throw new InvalidOperationException("the sync path read asynchronously");

        public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the sync path read asynchronously");
    }
}
