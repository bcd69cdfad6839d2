using PaperFeed.Tests.Faults;

namespace PaperFeed.Tests.Reading;

/// <summary>
/// Inputs that cannot seek, as they arise: a named pipe, a pipe given as /dev/stdin, and bash's process substitution.
/// The reader reads its detection bytes once and replays them, so each reads like the file itself (every core is for
/// regular files only).
/// </summary>
public sealed class UnseekableInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("paperfeed-pipes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Expected(string path)
    {
        var output = new MemoryStream();
        FeedReader.Default.WriteJsonLines(FeedInput.FromFile(path), output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public void A_named_pipe_read_by_the_cli_gives_the_files_papers()
    {
        string fifo = Path.Combine(_folder, "listing.fifo");
        var run = Shell.Bash($"mkfifo {Shell.Quoted(fifo)} && (cat {Shell.Quoted(TestData.Corpus001)} > {Shell.Quoted(fifo)} &) && {Shell.Cli} parse --format jsonl {Shell.Quoted(fifo)}");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Be(Expected(TestData.Corpus001));
    }

    [Fact]
    public void Process_substitution_of_a_decompressor_and_dev_stdin_read_like_files()
    {
        string packed = Path.Combine(_folder, "listing.txt.gz");
        Shell.Bash($"gzip -c {Shell.Quoted(TestData.Corpus000)} > {Shell.Quoted(packed)}").ExitCode.Should().Be(0);
        string cli = Shell.Cli;

        var substituted = Shell.Bash($"{cli} parse --format jsonl <(zcat {Shell.Quoted(packed)})");
        var devStdin = Shell.Bash($"zcat {Shell.Quoted(packed)} | {cli} parse --format jsonl /dev/stdin");

        substituted.ExitCode.Should().Be(0, substituted.Stderr);
        substituted.Stdout.Should().Be(Expected(TestData.Corpus000));
        devStdin.ExitCode.Should().Be(0, devStdin.Stderr);
        devStdin.Stdout.Should().Be(Expected(TestData.Corpus000));
    }

    [Fact]
    public async Task A_named_pipe_given_to_a_reader_of_every_core_is_read_once_from_its_start()
    {
        string fifo = Path.Combine(_folder, "library.fifo");
        Shell.Bash($"mkfifo {Shell.Quoted(fifo)}").ExitCode.Should().Be(0);
        var writer = Task.Run(() => File.WriteAllBytes(fifo, File.ReadAllBytes(TestData.Corpus001)));
        var reader = new FeedReader(FeedReaderOptions.Default with { MaxDegreeOfParallelism = -1 });

        var papers = await reader.ReadPapersAsync(FeedInput.FromFile(fifo)).ToListAsync();
        await writer;

        papers.Should().Equal(FeedReader.Default.ReadPapers(FeedInput.FromFile(TestData.Corpus001)));
    }
}
