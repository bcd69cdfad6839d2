namespace PaperFeed.Tests;

/// <summary>Paths in the repository checkout the tests run from (for golden files and committed docs).</summary>
internal static class SourceTree
{
    /// <summary>The directory holding PaperFeed.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The test project's directory (golden files are regenerated there).</summary>
    public static string TestProject => Path.Combine(Root, "tests", "PaperFeed.Tests");

    /// <summary>True when golden files should be rewritten instead of compared (PAPERFEED_UPDATE_GOLDEN=1).</summary>
    public static bool UpdateGolden => Environment.GetEnvironmentVariable("PAPERFEED_UPDATE_GOLDEN") == "1";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PaperFeed.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("The tests must run inside the repository (PaperFeed.sln not found above the test output).");
    }
}
