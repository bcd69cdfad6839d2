using PaperFeed.Cli;

namespace PaperFeed.Tests.Faults;

/// <summary>
/// <c>--output</c> replaces only what it should (issue 14, item 1), through the real executable: a regular file or a
/// new path is replaced atomically; a symlink's target is updated and the link kept; a device or FIFO is written in
/// place and stays what it was; a read-only file or a directory is refused with exit 1 and one line.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OutputTargetTests : IDisposable
{
    // The corpus holds 53 papers (counted in its PROVENANCE.md): --format jsonl writes 53 lines.
    private const int CorpusPapers = 53;

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_new_path_is_created_with_nothing_left_beside_it()
    {
        string target = _folder.File("out.jsonl");

        var run = await ParseToAsync(target);

        run.ExitCode.Should().Be(0, run.Stderr);
        File.ReadAllLines(target).Should().HaveCount(CorpusPapers);
        Directory.GetFileSystemEntries(_folder.Path).Should().Equal(target);
    }

    [SkippableFact]
    public async Task A_regular_file_is_replaced_and_keeps_its_permissions()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions");
        string target = _folder.File("out.jsonl");
        File.WriteAllText(target, "old\n");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var run = await ParseToAsync(target);

        run.ExitCode.Should().Be(0, run.Stderr);
        File.ReadAllLines(target).Should().HaveCount(CorpusPapers);
        FileKind.Run("stat", "-c", "%a", target).Output.Trim().Should().Be("640");
        Directory.GetFileSystemEntries(_folder.Path).Should().Equal(target);
    }

    [Fact]
    public async Task A_symlink_stays_a_link_and_its_target_is_updated()
    {
        Directory.CreateDirectory(_folder.File("elsewhere"));
        string real = _folder.File("elsewhere/real.jsonl");
        File.WriteAllText(real, "old\n");
        string link = _folder.File("link.jsonl");
        File.CreateSymbolicLink(link, "elsewhere/real.jsonl");

        var run = await ParseToAsync(link);

        run.ExitCode.Should().Be(0, run.Stderr);
        FileKind.Of(link).Should().Be("symbolic link");
        new FileInfo(link).LinkTarget.Should().Be("elsewhere/real.jsonl");
        File.ReadAllLines(real).Should().HaveCount(CorpusPapers);
        Directory.GetFileSystemEntries(_folder.File("elsewhere")).Should().Equal(real);
    }

    [SkippableFact]
    public async Task A_fifo_is_written_in_place_streaming()
    {
        string fifo = _folder.File("pipe");
        Skip.If(FileKind.Run("mkfifo", fifo).ExitCode != 0, "mkfifo is not available here");

        using var run = PaperfeedProcess.Start("parse", "--quiet", "--format", "jsonl", "--output", fifo, TestData.Corpus001);
        var read = Task.Run(() => File.ReadAllLines(fifo));
        var lines = await read.WaitAsync(PaperfeedProcess.Timeout);
        var result = await run.WaitAsync();

        result.ExitCode.Should().Be(0, result.Stderr);
        lines.Should().HaveCount(CorpusPapers);
        FileKind.Of(fifo).Should().Be("fifo", "the old code renamed a regular file over it");
        Directory.GetFileSystemEntries(_folder.Path).Should().Equal(fifo);
    }

    [SkippableFact]
    public async Task A_character_device_is_written_in_place_and_stays_a_device()
    {
        string device = _folder.File("null");
        // A copy of /dev/null (major 1, minor 3): making one needs root, as replacing the real one would.
        Skip.If(FileKind.Run("mknod", device, "c", "1", "3").ExitCode != 0, "mknod is not permitted here (needs root)");

        var run = await ParseToAsync(device);

        run.ExitCode.Should().Be(0, run.Stderr);
        FileKind.Of(device).Should().Be("character special file", "the old code replaced the device with a regular file");
        Directory.GetFileSystemEntries(_folder.Path).Should().Equal(device);
    }

    [SkippableFact]
    public async Task A_device_that_fails_to_write_is_exit_1_naming_it()
    {
        Skip.IfNot(File.Exists("/dev/full"), "no /dev/full here");

        var run = await ParseToAsync("/dev/full");

        run.ExitCode.Should().Be(ExitCodes.InputError);
        run.StderrLines.Should().ContainSingle().Which.Should().Be("paperfeed: error: /dev/full: cannot write: No space left on device");
        FileKind.Of("/dev/full").Should().Be("character special file");
    }

    [SkippableFact]
    public async Task A_read_only_file_is_refused_and_left_alone()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions");
        string target = _folder.File("out.jsonl");
        File.WriteAllText(target, "old\n");
        // chmod a-w. The tests run as root, whom the kernel lets write anything: the rule reads the permission bits.
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var run = await ParseToAsync(target);

        run.ExitCode.Should().Be(ExitCodes.InputError);
        run.StderrLines.Should().ContainSingle().Which.Should().Be($"paperfeed: error: {target}: read-only file (no write permission); nothing written");
        File.ReadAllText(target).Should().Be("old\n");
        Directory.GetFileSystemEntries(_folder.Path).Should().Equal(target);
    }

    [Fact]
    public async Task A_directory_is_refused()
    {
        var run = await ParseToAsync(_folder.Path);

        run.ExitCode.Should().Be(ExitCodes.InputError);
        run.StderrLines.Should().ContainSingle().Which.Should().Be($"paperfeed: error: {_folder.Path}: is a directory");
        Directory.GetFileSystemEntries(_folder.Path).Should().BeEmpty();
    }

    private static Task<PaperfeedProcess.Result> ParseToAsync(string target) =>
        PaperfeedProcess.RunAsync("parse", "--quiet", "--format", "jsonl", "--output", target, TestData.Corpus001);

    public void Dispose() => _folder.Dispose();
}
