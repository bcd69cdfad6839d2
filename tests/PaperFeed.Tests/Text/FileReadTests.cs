using PaperFeed.IO;

namespace PaperFeed.Tests.Text;

/// <summary>
/// A file opened without asynchronous IO is read on the caller's thread by the asynchronous paths (its ReadAsync would
/// only run the same blocking read on another thread): the result must be what any stream of the same bytes gives,
/// and cancellation must still arrive as it would from the stream's own ReadAsync.
/// </summary>
public sealed class FileReadTests
{
    private static IEnumerable<string> Fixtures => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Text"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_file_reads_as_its_bytes_do(bool asyncHandle)
    {
        foreach (string name in Fixtures)
        {
            byte[] bytes = await File.ReadAllBytesAsync(name);
            var expected = await FeedParser.ReadPapersAsync(new MemoryStream(bytes)).ToListAsync();
            await using var file = new FileStream(name, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0,
                asyncHandle ? FileOptions.Asynchronous : FileOptions.None);

            (await FeedParser.ReadPapersAsync(file).ToListAsync()).Should().Equal(expected, name);
            (await FeedParser.CountAsync(new MemoryStream(bytes))).Should().Be(await FeedParser.CountAsync(File.OpenRead(name)), name);
        }
    }

    [Fact]
    public async Task A_cancelled_read_of_a_file_is_cancelled()
    {
        using var folder = new TempFolder();
        string path = folder.File("feed.txt");
        await File.WriteAllTextAsync(path, "Title\n\nAn abstract.\n");
        await using var file = File.OpenRead(path);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var read = FileReads.ReadAsync(file, new byte[16], cancelled.Token);

        read.IsCanceled.Should().BeTrue();
        file.Position.Should().Be(0, "nothing was read");
        (await FileReads.ReadAsync(file, new byte[16], CancellationToken.None)).Should().Be(16);
    }

    [Fact]
    public async Task The_front_door_reads_a_file_where_the_parse_runs()
    {
        // FeedReader opens the file itself, then replays the bytes it read to detect the format: the file must be opened
        // for synchronous reads, and the replay must read the rest through FileReads, or every read is a thread-pool hop.
        string path = Fixtures.First();
        await using var stream = FeedInput.FromFile(path).Open(out bool owned);
        owned.Should().BeTrue();
        stream.Should().BeOfType<FileStream>().Which.IsAsync.Should().BeFalse();
        var head = await ReplayStream.ReadHeadAsync(stream, 16, synchronous: false, CancellationToken.None);
        var replay = new ReplayStream(head, stream);
        (await replay.ReadAsync(new byte[16])).Should().Be(16);

        var rest = replay.ReadAsync(new byte[4096]);

        rest.IsCompleted.Should().BeTrue("a read of a regular file completes where it is asked for");
        (await rest).Should().BeGreaterThan(0);
    }
}
