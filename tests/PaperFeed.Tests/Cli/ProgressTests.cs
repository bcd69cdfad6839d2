using PaperFeed.Cli;

namespace PaperFeed.Tests.Cli;

public class ProgressTests
{
    [Theory]
    [InlineData(false, Progress.Threshold * 2)]
    [InlineData(true, Progress.Threshold)]
    [InlineData(true, null)]
    public void No_progress_when_redirected_small_or_of_unknown_size(bool terminal, long? total)
    {
        var stderr = new StringWriter();
        using (var progress = Progress.Start(stderr, terminal, total))
        {
            progress.IsShown.Should().BeFalse();
        }
        stderr.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Large_input_on_a_terminal_shows_the_bytes_read_and_the_papers_then_is_erased()
    {
        var stderr = new StringWriter();
        using (var progress = Progress.Start(stderr, stderrIsTerminal: true, Progress.Threshold * 2))
        {
            progress.Track(() => Progress.Threshold);
            for (int i = 0; i < 1500; i++) progress.OnPaper();
            progress.Draw();
            stderr.ToString().Should().StartWith("\rpaperfeed:  50% (4 of 8 MiB, 1,500 papers, ");
        }
        stderr.ToString().Should().EndWith("\r").And.NotContain("\n");
    }

    [Fact]
    public async Task The_bytes_the_library_reads_on_every_core_reach_the_pipeline()
    {
        // A text listing file read on every core reports its pieces' bytes: the progress line's source is never stuck at 0.
        string path = Path.Combine(Path.GetTempPath(), $"paperfeed-progress-{Guid.NewGuid():N}.txt");
        try
        {
            var summary = PaperFeed.Testing.DumpGenerator.WriteFile(path, new PaperFeed.Testing.DumpOptions { Seed = 7, TargetBytes = 6 << 20 });
            var inputs = Inputs.Resolve([path], Stream.Null);
            var pipeline = new InputPipeline(inputs, FeedReaderOptions.Default, new Reporter(TextWriter.Null, quiet: true));
            long papers = 0;
            await foreach (var (_, statistics) in pipeline.CountAsync(default)) papers += statistics.Papers;

            papers.Should().Be(summary.Expected.Papers);
            pipeline.BytesRead.Should().Be(new FileInfo(path).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
