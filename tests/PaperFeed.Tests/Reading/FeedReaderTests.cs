using System.Text;
using PaperFeed.Html;
using PaperFeed.Testing;
using PaperFeed.Tests.Formats;

namespace PaperFeed.Tests.Reading;

/// <summary>The front door: every input shape, sync and async, gives what the format's own reader gives.</summary>
public class FeedReaderTests
{
    private static readonly FeedReader WithHtml = new(FeedReaderOptions.Default.WithFormat(HtmlFeedFormat.Default));

    public static TheoryData<string> Inputs => new()
    {
        TestData.Corpus000,
        TestData.Corpus001,
        Fixtures.DailyPapersJson,
        Fixtures.ArchiveJsonLines,
        Fixtures.DailyHtml,
        Formats.Fixtures.Path("Json", "000_8204dcf02e091c26.json"),
    };

    /// <summary>The same input made in each of the five ways <see cref="FeedInput"/> takes.</summary>
    private static IEnumerable<(string Shape, Func<FeedInput> Make)> Shapes(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        yield return ("file", () => FeedInput.FromFile(path));
        yield return ("stream", () => FeedInput.FromStream(new MemoryStream(bytes), path));
        yield return ("reader", () => FeedInput.FromReader(new StreamReader(new MemoryStream(bytes)), path));
        yield return ("text", () => FeedInput.FromText(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), path));
        yield return ("bytes", () => FeedInput.FromBytes(bytes, path));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Every_input_shape_sync_and_async_reads_the_same_feeds_papers_and_counts(string path)
    {
        var expected = await WithHtml.ReadFeedsAsync(FeedInput.FromFile(path)).ToListAsync();
        expected.Should().NotBeEmpty();
        var expectedPapers = expected.SelectMany(feed => feed.Papers).ToList();
        expectedPapers.Should().NotBeEmpty();

        foreach (var (shape, make) in Shapes(path))
        {
            WithHtml.ReadFeeds(make()).Should().Equal(expected, $"sync feeds from a {shape}");
            (await WithHtml.ReadFeedsAsync(make()).ToListAsync()).Should().Equal(expected, $"async feeds from a {shape}");
            WithHtml.ReadPapers(make()).Should().Equal(expectedPapers, $"sync papers from a {shape}");
            (await WithHtml.ReadPapersAsync(make()).ToListAsync()).Should().Equal(expectedPapers, $"async papers from a {shape}");
            var items = WithHtml.ReadItems(make()).ToList();
            items.SelectMany(item => item.Feed?.Papers ?? [item.Paper!]).Should().Equal(expectedPapers, $"items from a {shape}");
            items.Should().OnlyContain(item => (item.Feed == null) != (item.Paper == null));
            var count = WithHtml.Count(make());
            (count.Papers, count.Feeds).Should().Be((expectedPapers.Count, (long)expected.Count), $"sync count of a {shape}");
            (await WithHtml.CountAsync(make())).Should().Be(count, $"async count of a {shape}");
        }
    }

    [Fact]
    public void The_text_listing_reads_as_FeedParser_reads_it()
    {
        string text = File.ReadAllText(TestData.Corpus000);

        FeedReader.Default.ReadFeeds(FeedInput.FromText(text)).Should().Equal(FeedParser.Parse(text));
    }

    [Fact]
    public void Sync_reads_of_bytes_report_invalid_utf8_with_its_line()
    {
        byte[] bytes = [.. "Daily Papers\n\nA title "u8, 0xFF, .. "\nThe abstract.\n\u2022 2 authors\n\u00b7\nAug 25\n"u8];
        var diagnostics = new List<FeedDiagnostic>();
        var reader = new FeedReader(FeedReaderOptions.Default with { Diagnostics = new() { OnDiagnostic = diagnostics.Add } });

        var papers = reader.ReadPapers(FeedInput.FromBytes(bytes, "bad.txt")).ToList();

        papers.Should().ContainSingle().Which.Title.Should().Be("A title \uFFFD");
        diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.InvalidUtf8).Which.ToString().Should().StartWith("bad.txt:3:");
    }

    [Fact]
    public void Arguments_are_checked_when_called_not_when_enumerated()
    {
        var reader = FeedReader.Default;

        FluentActions.Invoking(() => reader.ReadPapers(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => reader.ReadPapersAsync(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => reader.ReadFeeds(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => reader.ReadFeedsAsync(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => reader.ReadItemsAsync(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => { _ = reader.CountAsync(null!); }).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => FeedInput.FromFile("")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => FeedInput.FromText(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => FeedInput.FromStream(new UnreadableStream())).Should().Throw<ArgumentException>().WithParameterName("stream");
        FluentActions.Invoking(() => new TextOptions { MaxLineLength = 0 }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => FeedReaderOptions.Default with { MaxDegreeOfParallelism = 0 }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => FeedReaderOptions.Default with { Formats = [null!] }).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => FeedReaderOptions.Default with { Text = null! }).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Options_are_immutable_and_never_overwritten()
    {
        var formats = new List<FeedFormat> { HtmlFeedFormat.Default };
        var options = FeedReaderOptions.Default with { Formats = formats };
        formats.Clear();

        options.Formats.Should().Equal(HtmlFeedFormat.Default);
        var reader = new FeedReader(options);
        _ = reader.ReadFeeds(FeedInput.FromFile(TestData.Corpus000)).ToList();
        reader.Options.Should().Be(options);
        FeedReaderOptions.Default.Formats.Should().BeEmpty();
        FeedReaderOptions.Default.WithFormat(HtmlFeedFormat.Default).Should().NotBeSameAs(FeedReaderOptions.Default);
    }

    [Fact]
    public void Detection_judges_a_last_line_only_when_the_input_is_entire()
    {
        // A metadata line cut at the head's end could be anything; the same bytes as the whole input are a listing.
        byte[] head = "A title\nThe abstract.\n\u2022 2 authors"u8.ToArray();

        FeedReader.Default.DetectFormat(head, isEntireInput: true).Should().Be(FeedFormat.TextListing);
        FeedReader.Default.DetectFormat(head, isEntireInput: false).Should().BeNull();
    }

    [Fact]
    public void Html_is_detected_only_when_its_format_is_registered()
    {
        byte[] page = File.ReadAllBytes(Fixtures.DailyHtml);

        FeedReader.Default.DetectFormat(page).Should().BeNull();
        WithHtml.DetectFormat(page).Should().BeSameAs(HtmlFeedFormat.Default);
        FeedReader.Default.DetectFormat("[{\"paper\": {\"id\": \"1\"}}]"u8).Should().BeSameAs(FeedFormat.HuggingFaceApiJson);
        FeedFormat.BuiltIn.Select(f => f.Name).Should().OnlyHaveUniqueItems().And.NotContain("html");
    }

    [Fact]
    public async Task A_forced_format_is_used_and_a_contradicting_json_format_is_refused()
    {
        var asText = new FeedReader(FeedReaderOptions.Default with { Format = FeedFormat.TextListing });
        (await asText.CountAsync(FeedInput.FromText("{\"title\": \"T\"}\n"))).Feeds.Should().Be(1, "forced text reads JSON leniently as one snapshot");

        var asPaperFeed = new FeedReader(FeedReaderOptions.Default with { Format = FeedFormat.PaperFeedJson });
        var act = () => asPaperFeed.ReadPapersAsync(FeedInput.FromFile(Fixtures.DailyPapersJson, "daily.json")).ToListAsync();
        (await act.Should().ThrowAsync<FeedFormatException>()).Which.Code.Should().Be(DiagnosticCodes.UnknownFormat);
    }

    [Fact]
    public async Task Several_cores_give_the_papers_and_diagnostics_of_one_core_in_order()
    {
        using var folder = new TempFolder();
        string path = folder.File("dump.txt");
        DumpGenerator.WriteFile(path, new DumpOptions { Seed = 7, TargetBytes = 3_000_000, LineEndings = DumpLineEndings.Mixed });
        var (oneDiagnostics, manyDiagnostics) = (new List<string>(), new List<string>());
        var one = new FeedReader(FeedReaderOptions.Default with { Diagnostics = new() { OnDiagnostic = d => oneDiagnostics.Add(d.ToString()) } });
        var many = new FeedReader(FeedReaderOptions.Default with { MaxDegreeOfParallelism = -1, Diagnostics = new() { OnDiagnostic = d => manyDiagnostics.Add(d.ToString()) } });

        var sequential = await one.ReadPapersAsync(FeedInput.FromFile(path)).ToListAsync();
        var parallel = await many.ReadPapersAsync(FeedInput.FromFile(path)).ToListAsync();

        parallel.Should().Equal(sequential);
        parallel.Select(p => p.SourceLine).Should().Equal(sequential.Select(p => p.SourceLine));
        manyDiagnostics.Should().Equal(oneDiagnostics).And.NotBeEmpty();
        (await many.CountAsync(FeedInput.FromFile(path))).Should().Be(await one.CountAsync(FeedInput.FromFile(path)));

        // Feeds and items too: whole snapshots, their papers' lines moved to the whole file's.
        oneDiagnostics.Clear();
        manyDiagnostics.Clear();
        var sequentialFeeds = await one.ReadFeedsAsync(FeedInput.FromFile(path)).ToListAsync();
        var parallelFeeds = await many.ReadFeedsAsync(FeedInput.FromFile(path)).ToListAsync();
        parallelFeeds.Should().HaveCountGreaterThan(20).And.Equal(sequentialFeeds);
        parallelFeeds.SelectMany(f => f.Papers).Select(p => p.SourceLine).Should().Equal(sequential.Select(p => p.SourceLine));
        manyDiagnostics.Should().Equal(oneDiagnostics).And.NotBeEmpty();
        (await many.ReadItemsAsync(FeedInput.FromFile(path)).ToListAsync()).Should().Equal(await one.ReadItemsAsync(FeedInput.FromFile(path)).ToListAsync());
        many.ReadFeeds(FeedInput.FromFile(path)).Should().Equal(sequentialFeeds);
    }

    [Fact]
    public async Task Several_cores_leave_a_utf16_file_to_the_one_core_path_that_decodes_it()
    {
        using var folder = new TempFolder();
        string path = folder.File("unicode.txt");
        string text = File.ReadAllText(TestData.Corpus001);
        await File.WriteAllBytesAsync(path, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        var many = new FeedReader(FeedReaderOptions.Default with { MaxDegreeOfParallelism = -1 });

        (await many.ReadPapersAsync(FeedInput.FromFile(path)).ToListAsync()).Should().Equal(FeedParser.Parse(text).SelectMany(feed => feed.Papers));
        (await many.CountAsync(FeedInput.FromFile(path))).Papers.Should().Be(53);
    }

    private sealed class UnreadableStream : MemoryStream
    {
        public override bool CanRead => false;
    }
}
