using PaperFeed.Testing;

namespace PaperFeed.Tests.Faults;

/// <summary>
/// One generated dump shared by a test class (made once: generating is the slow part), large enough that a parse
/// is still running when a test signals it or closes its pipe.
/// </summary>
public sealed class LargeDump : IDisposable
{
    private readonly TempFolder _folder = new();

    public LargeDump()
    {
        Path = _folder.File("dump.txt");
        Summary = DumpGenerator.WriteFile(Path, new DumpOptions { Seed = 14, TargetBytes = 64L << 20 });
    }

    public string Path { get; }

    public DumpSummary Summary { get; }

    public void Dispose() => _folder.Dispose();
}
