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
            progress.OnRead.Should().BeNull();
        }
        stderr.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Large_input_on_a_terminal_shows_one_line_redrawn_then_erased()
    {
        var stderr = new StringWriter();
        using (var progress = Progress.Start(stderr, stderrIsTerminal: true, Progress.Threshold * 2))
        {
            progress.OnRead!((int)Progress.Threshold);
            progress.Draw();
            stderr.ToString().Should().StartWith("\rpaperfeed:  50% (50 of 100 MiB)");
        }
        stderr.ToString().Should().EndWith("\r").And.NotContain("\n");
    }
}
