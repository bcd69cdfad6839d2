using System.Text;
using PaperFeed.Cli;
using Xunit.Abstractions;

namespace PaperFeed.Tests.Faults;

/// <summary>
/// Write failures (issue 14, item 3): the temporary file is removed, the old output kept, and the run exits 1 with
/// one line that names the output the user gave (never the temporary file).
/// </summary>
public sealed class WriteFailureTests(LargeDump dump, ITestOutputHelper output) : IClassFixture<LargeDump>, IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_full_disk_in_process_keeps_the_old_output_and_leaves_no_temporary(bool failOnFlush)
    {
        string target = _folder.File("out.json");
        File.WriteAllText(target, "old output\n");

        // Twice: the old code left one more temporary file per run.
        for (int i = 0; i < 2; i++)
        {
            using var error = new StringWriter();
            var context = new CliContext(new MemoryStream(), new MemoryStream(), error, StderrIsTerminal: false)
            {
                CreateFile = path => new NoSpaceStream(OutputTarget.CreateFile(path), capacity: 10_000, failOnFlush),
            };
            int exitCode = await PaperFeed.Cli.Cli.InvokeAsync(["parse", "--quiet", "--output", target, TestData.Corpus001], context, CancellationToken.None);

            exitCode.Should().Be(ExitCodes.InputError);
            error.ToString().Should().Be($"paperfeed: error: {target}: cannot write: No space left on device\n".ReplaceLineEndings());
            File.ReadAllText(target).Should().Be("old output\n");
            Directory.GetFileSystemEntries(_folder.Path).Should().Equal(target);
        }
    }

    [SkippableFact]
    public async Task A_full_tmpfs_keeps_the_old_output_and_leaves_no_temporary()
    {
        string disk = _folder.File("disk");
        Directory.CreateDirectory(disk);
        var mount = FileKind.Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk);
        Skip.If(mount.ExitCode != 0, "mounting a 1 MiB tmpfs is not permitted here (needs root, or CAP_SYS_ADMIN); the in-process ENOSPC test still runs");
        try
        {
            string target = Path.Combine(disk, "out.jsonl");
            File.WriteAllText(target, "old output\n");

            var run = await PaperfeedProcess.RunAsync("parse", "--quiet", "--format", "jsonl", "--output", target, dump.Path);
            output.WriteLine(run.Stderr);

            run.ExitCode.Should().Be(ExitCodes.InputError);
            run.StderrLines.Should().ContainSingle().Which.Should().Be($"paperfeed: error: {target}: cannot write: No space left on device");
            File.ReadAllText(target).Should().Be("old output\n");
            Directory.GetFileSystemEntries(disk).Should().Equal(target);
        }
        finally
        {
            FileKind.Run("umount", disk);
        }
    }

    public void Dispose() => _folder.Dispose();
}
