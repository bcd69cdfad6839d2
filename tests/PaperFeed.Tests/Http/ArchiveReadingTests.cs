using PaperFeed.Http;

namespace PaperFeed.Tests.Http;

/// <summary>Reading an archive that was altered or is not one: a clear error naming the file, never silent data.</summary>
public sealed class ArchiveReadingTests : IAsyncLifetime
{
    private ApiServer _server = null!;
    private readonly TempFolder _temp = new();

    public async Task InitializeAsync() => _server = (await ApiServer.StartAsync()).Serve("2024-07-05", ApiServer.RealApi("2024-07-05.json"));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    private async Task<string> FetchAsync()
    {
        string archive = _temp.File("archive");
        using var http = new HttpClient();
        using var client = new DailyPapersClient(http, Fetching.Options(_server, new FastTime(FastTime.DefaultStart, 200)));
        var result = await DailyPapersArchive.FetchAsync(archive, client, [new DateOnly(2024, 7, 5)]);
        result.DaysStored.Should().Be(1);
        return archive;
    }

    [Fact]
    public async Task A_body_altered_after_the_fetch_is_an_error_naming_it()
    {
        string archive = await FetchAsync();
        string body = Directory.GetFiles(Path.Combine(archive, "bodies"), "*.gz", SearchOption.AllDirectories)
            .OrderByDescending(f => new FileInfo(f).Length).First();
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(body), System.IO.Compression.CompressionLevel.Fastest)) gzip.Write("[]"u8);

        var act = () => DailyPapersArchive.Open(archive).ReadFeedsAsync().ToBlockingEnumerable().ToList();

        act.Should().Throw<IOException>().WithMessage($"*{Path.GetFileName(body)}*the archive was altered*");
    }

    [Fact]
    public async Task The_archive_reads_the_real_day_as_the_API_gave_it()
    {
        string archive = await FetchAsync();

        var feed = DailyPapersArchive.Open(archive).ReadFeedsAsync().ToBlockingEnumerable().Single();
        var observation = DailyPapersArchive.Open(archive).ReadObservations().Single();

        // PROVENANCE.md of Fixtures/Real/api: 3 papers, 35 upvotes in all.
        feed.Papers.Should().HaveCount(3);
        feed.Papers.Sum(p => p.Upvotes).Should().Be(35);
        feed.Date.Should().Be(new PaperDate(new DateOnly(2024, 7, 5)));
        observation.Pages.Select(p => p.ItemCount).Should().Equal(3, 0);
        observation.PaperCount.Should().Be(3);
        // Records compare by value, pages included: two reads of the manifest give equal observations.
        DailyPapersArchive.Open(archive).ReadObservations().Single().Should().Be(observation);
        (observation == (observation with { Pages = [.. observation.Pages.Take(1)] })).Should().BeFalse();
    }

    [Fact]
    public void A_directory_without_a_manifest_is_not_an_archive()
    {
        DailyPapersArchive.IsArchive(_temp.Path).Should().BeFalse();
        var act = () => DailyPapersArchive.Open(_temp.Path);
        act.Should().Throw<DirectoryNotFoundException>().WithMessage("*no PaperFeed archive here*");
    }

    [Fact]
    public async Task A_second_fetch_into_an_archive_in_use_is_refused()
    {
        string archive = await FetchAsync();
        using var held = new FileStream(Path.Combine(archive, ".lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        using var http = new HttpClient();
        using var client = new DailyPapersClient(http, Fetching.Options(_server, new FastTime(FastTime.DefaultStart, 200)));

        var act = () => DailyPapersArchive.FetchAsync(archive, client, [new DateOnly(2024, 7, 5)]);

        (await act.Should().ThrowAsync<IOException>()).WithMessage("*in use by another fetch*");
    }
}
