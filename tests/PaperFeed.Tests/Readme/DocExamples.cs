using System.Text;
using System.Text.RegularExpressions;

namespace PaperFeed.Tests.Readme;

/// <summary>
/// The check that keeps a document's C# blocks compiled: each fenced C# block of the document must be exactly a region
/// of a test file (<c>// MARKER: name</c> … <c>// END MARKER</c>, dedented), in order, and every region must be shown.
/// The test file and the document are copied next to the tests (see the test project).
/// </summary>
internal static partial class DocExamples
{
    /// <param name="testFile">The test file holding the regions, relative to the output folder.</param>
    /// <param name="document">The Markdown document, relative to the output folder.</param>
    /// <param name="marker">The regions' marker: <c>README</c> for <c>// README: name</c> and <c>// END README</c>.</param>
    public static void EveryBlockIsARegion(string testFile, string document, string marker)
    {
        string source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, testFile)).ReplaceLineEndings("\n");
        string markdown = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, document)).ReplaceLineEndings("\n");

        var regionPattern = new Regex($@"^[ \t]*// {marker}: (\w+)\n(.*?)^[ \t]*// END {marker}\b", RegexOptions.Multiline | RegexOptions.Singleline);
        var regions = regionPattern.Matches(source).Select(m => (Name: m.Groups[1].Value, Code: Dedent(m.Groups[2].Value))).ToList();
        var blocks = BlockPattern().Matches(markdown).Select(m => m.Groups[1].Value).ToList();

        regions.Should().NotBeEmpty();
        regions.Select(r => r.Name).Should().OnlyHaveUniqueItems();
        // Both ways, byte for byte and in order: a block that no test compiles fails, and so does a region missing from
        // the document or shown there with any difference (a block holding more than its region too).
        blocks.Should().Equal(regions.Select(r => r.Code),
            "{0}'s C# blocks must be exactly {1}'s regions ({2}), in order", document, testFile, string.Join(", ", regions.Select(r => r.Name)));
    }

    private static string Dedent(string block)
    {
        var lines = block.TrimEnd().Split('\n');
        int indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var builder = new StringBuilder();
        foreach (var line in lines) builder.Append(line.Length >= indent ? line[indent..] : line.TrimStart()).Append('\n');
        return builder.ToString();
    }

    /// <summary>A fenced C# block, whichever name its fence gives the language.</summary>
    [GeneratedRegex(@"^```(?:csharp|cs|c#|C#)[ \t]*\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex BlockPattern();
}
