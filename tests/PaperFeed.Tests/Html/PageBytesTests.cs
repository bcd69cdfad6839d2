using System.Text;
using PaperFeed.Html;
using PaperFeed.IO;
using PaperFeed.Tests.Formats;

namespace PaperFeed.Tests.Html;

/// <summary>
/// A page's bytes: decoded as the page declares (or reported as invalid UTF-8), and refused as soon as they pass
/// the size limit. The encoded variants are the real 2024 page (Fixtures/Real/html) saved in another charset.
/// </summary>
public class PageBytesTests
{
    private const string Utf8Meta = "<meta charset=\"utf-8\" />";

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>Names on the real page (its data-props) that need more than ASCII.</summary>
    private static readonly string[] AccentedAuthors = ["Onur Çelebi", "Francisco Guzmán", "Iker García-Ferrero"];

    [Theory]
    [InlineData("<meta charset=\"windows-1252\" />")]
    [InlineData("<meta charset='ISO-8859-1'>")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">")]
    public async Task A_page_saved_in_its_declared_charset_reads_like_the_utf8_original(string declaration)
    {
        string page = RealPageTests.Page2024;
        page.Should().Contain(Utf8Meta);
        byte[] bytes = Windows1252.GetBytes(page.Replace(Utf8Meta, declaration, StringComparison.Ordinal));
        var diagnostics = new List<FeedDiagnostic>();

        var feed = await HtmlPages.ReadFeedAsync(new MemoryStream(bytes), new FeedParserOptions { OnDiagnostic = diagnostics.Add });

        diagnostics.Should().BeEmpty();
        feed.Papers.Should().HaveCount(RealPageTests.Papers2024);
        feed.Papers.SelectMany(p => p.Authors).Select(a => a.Name).Should().Contain(AccentedAuthors);
        feed.Date.Should().Be(RealPageTests.Day2024);
    }

    [Fact]
    public async Task A_page_given_as_text_is_read_as_it_is_whatever_charset_it_declares()
    {
        // The text was decoded already: its declared charset must not decode it a second time (Ã¼ for ü).
        string page = RealPageTests.Page2024.Replace(Utf8Meta, "<meta charset=\"windows-1252\">", StringComparison.Ordinal);
        var reader = new FeedReader(FeedReaderOptions.Default.WithFormat(HtmlFeedFormat.Default));
        var fromBytes = reader.ReadFeeds(FeedInput.FromBytes(Windows1252.GetBytes(page))).Single();

        var fromText = reader.ReadFeeds(FeedInput.FromText(page)).Single();
        var fromReader = await reader.ReadFeedsAsync(FeedInput.FromReader(new StringReader(page))).SingleAsync();

        fromText.Papers.SelectMany(p => p.Authors).Select(a => a.Name).Should().Contain(AccentedAuthors);
        fromText.Should().Be(fromBytes);
        fromReader.Should().Be(fromBytes);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_without_a_declaration_warn_PF207_at_each_lines_first_one()
    {
        string page = RealPageTests.Page2024.Replace(Utf8Meta, "", StringComparison.Ordinal);
        byte[] bytes = Encoding.Latin1.GetBytes(page);
        var diagnostics = new List<FeedDiagnostic>();

        var feed = await HtmlPages.ReadFeedAsync(new MemoryStream(bytes), new FeedParserOptions { OnDiagnostic = diagnostics.Add, SourceName = "latin1.html" });

        // Expected from the text itself: each line with a character beyond ASCII, at the column of its first such character.
        var expected = page.Split('\n')
            .Select((text, index) => (Line: (long?)(index + 1), Column: (long)text.AsSpan().IndexOfAnyExceptInRange('\0', '\x7F') + 1))
            .Where(at => at.Column > 0)
            .ToList();
        expected.Should().HaveCountGreaterThan(10);
        diagnostics.Should().AllSatisfy(d => d.Should().BeEquivalentTo(new { Code = DiagnosticCodes.InvalidUtf8, Severity = DiagnosticSeverity.Warning, Source = "latin1.html" }));
        diagnostics.Select(d => (d.Line, d.Column ?? 0)).Should().Equal(expected);
        feed.Papers.Should().HaveCount(RealPageTests.Papers2024, "the page is still read, with U+FFFD for the bytes");
        feed.Papers.SelectMany(p => p.Authors).Select(a => a.Name).Should().Contain("Onur \uFFFDelebi");
    }

    [Fact]
    public async Task Invalid_utf8_is_an_error_in_strict_mode()
    {
        byte[] bytes = [.. "<article><h3><a href=\"/papers/1\">Caf"u8, 0xE9, .. "</a></h3></article>"u8];

        var act = () => HtmlPages.ReadFeedAsync(new MemoryStream(bytes), new FeedParserOptions { Strict = true });

        (await act.Should().ThrowAsync<FeedFormatException>()).Which.Diagnostic.Should().BeEquivalentTo(new { Code = DiagnosticCodes.InvalidUtf8, Line = 1, Column = (int?)37 });
    }

    [Fact]
    public async Task Byte_order_marks_decide_over_a_declaration()
    {
        const string page = "<meta charset=\"windows-1252\"><article><h3><a href=\"/papers/1\">Über 大規模</a></h3></article>";
        byte[] utf8 = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(page)];
        byte[] utf16 = [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(page)];

        var fromUtf8 = await HtmlPages.ReadFeedAsync(new MemoryStream(utf8));
        var fromUtf16 = await HtmlPages.ReadFeedAsync(new MemoryStream(utf16));

        fromUtf8.Papers.Single().Title.Should().Be("Über 大規模");
        fromUtf16.Papers.Single().Title.Should().Be("Über 大規模");
    }

    [Fact]
    public async Task A_seekable_page_longer_than_the_limit_is_refused_before_any_read()
    {
        var stream = new LongUnreadableStream(HtmlReaderOptions.Default.MaxPageBytes + 1);

        // The format itself (the front door reads a few bytes first, to tell a UTF-16 page, so its stream is no longer seekable).
        var act = () => HtmlFeedFormat.Default.ReadFeedsAsync(stream, new FeedReadContext(FeedReaderOptions.Default, "huge.html"), CancellationToken.None).ToListAsync();

        (await act.Should().ThrowAsync<FeedFormatException>()).Which.Diagnostic.Should().BeEquivalentTo(new { Code = DiagnosticCodes.InputTooLarge, Source = "huge.html" });
        stream.Reads.Should().Be(0);
    }

    [Fact]
    public async Task A_streamed_page_is_refused_once_the_limit_is_passed_holding_about_the_limit_in_memory()
    {
        const long limit = 8 * 1024 * 1024;
        var stream = new EndlessMarkupStream();
        // The reads complete synchronously, so the whole read runs on this thread and its allocations are counted here.
        long before = GC.GetAllocatedBytesForCurrentThread();

        var task = ReadWithLimit(stream, limit);

        task.IsCompleted.Should().BeTrue();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var act = () => task;
        (await act.Should().ThrowAsync<FeedFormatException>()).Which.Code.Should().Be(DiagnosticCodes.InputTooLarge);
        stream.BytesRead.Should().BeInRange(limit + 1, limit + 1, "reading stops at the first byte past the limit");
        allocated.Should().BeLessThan(limit + limit / 4, "the bytes are held once, not doubled or decoded to UTF-16 first");
    }

    [Fact]
    public async Task A_page_of_exactly_the_limit_is_read()
    {
        string html = "<article><h3><a href=\"/papers/1\">Fits</a></h3></article>";
        byte[] bytes = Encoding.UTF8.GetBytes(html);

        var exact = await ReadWithLimit(new ChunkedStream(bytes, 7), bytes.Length);
        var over = () => ReadWithLimit(new ChunkedStream(bytes, 7), bytes.Length - 1);

        exact.Single().Papers.Single().Title.Should().Be("Fits");
        (await over.Should().ThrowAsync<FeedFormatException>()).Which.Code.Should().Be(DiagnosticCodes.InputTooLarge);
    }

    /// <summary>Every listing of the page's bytes, read by the front door with the HTML format forced and a page size limit.</summary>
    private static Task<List<Feed>> ReadWithLimit(Stream page, long maxPageBytes) =>
        new FeedReader(FeedReaderOptions.Default with { Format = new HtmlFeedFormat(new HtmlReaderOptions { MaxPageBytes = maxPageBytes }) })
            .ReadFeedsAsync(FeedInput.FromStream(page)).ToListAsync();

    /// <summary>A seekable stream that says it is long and must never be read.</summary>
    private sealed class LongUnreadableStream(long length) : Stream
    {
        public int Reads { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }
        public override int Read(byte[] buffer, int offset, int count) => ++Reads > 0 ? throw new InvalidOperationException("read") : 0;
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Markup without end, counted, with no length to tell.</summary>
    private sealed class EndlessMarkupStream : ReadOnlyForwardStream
    {
        private static readonly byte[] Pattern = "<div class=\"x\">filler</div>\n"u8.ToArray();

        public long BytesRead { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            for (int i = 0; i < buffer.Length; i++) buffer[i] = Pattern[(int)((BytesRead + i) % Pattern.Length)];
            BytesRead += buffer.Length;
            return buffer.Length;
        }
    }

    /// <summary>Bytes handed out a few at a time, as a pipe would.</summary>
    private sealed class ChunkedStream(byte[] bytes, int chunk) : ReadOnlyForwardStream
    {
        private int _at;

        public override int Read(Span<byte> buffer)
        {
            int count = Math.Min(Math.Min(chunk, buffer.Length), bytes.Length - _at);
            bytes.AsSpan(_at, count).CopyTo(buffer);
            _at += count;
            return count;
        }
    }
}
