namespace PaperFeed.Tests;

/// <summary>Paths of the real snapshots copied into the repo.</summary>
internal static class TestData
{
    /// <summary>ASCII, 78 papers, no metadata blocks, page date Aug 28.</summary>
    public static string Corpus000 => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", "browser-copy", "000_8204dcf02e091c26.txt");

    /// <summary>UTF-8, 53 papers, 50 with metadata, page date Dec 30.</summary>
    public static string Corpus001 => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", "browser-copy", "001_945d3c89aa4599f6.txt");
}
