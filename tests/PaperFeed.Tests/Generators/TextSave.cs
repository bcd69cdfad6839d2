using System.Globalization;
using System.Text;

namespace PaperFeed.Tests.Generators;

/// <summary>One paper of a hand-made text save: what the card shows.</summary>
internal sealed record SavedPaper(string Title, string Abstract, int Authors = 3, string Published = "Sep 12, 2025", int? Upvotes = null);

/// <summary>Writes the plain-text copy of a Daily Papers page, in the layout of the real corpus files.</summary>
internal static class TextSave
{
    public static string Render(string pageDate, IEnumerable<SavedPaper> papers)
    {
        var text = new StringBuilder("Daily Papers\n\nbyAK and the research community\n\n").Append(pageDate).Append('\n');
        foreach (var paper in papers)
        {
            text.Append('\n').Append(paper.Title).Append("\n\n").Append(paper.Abstract).Append("\n\n");
            text.Append(CultureInfo.InvariantCulture, $"  \u2022 {paper.Authors} authors\n\u00B7\n{paper.Published}");
            if (paper.Upvotes is int upvotes) text.Append(CultureInfo.InvariantCulture, $" {upvotes}");
            text.Append('\n');
        }
        return text.ToString();
    }

    public static void Write(string path, string pageDate, params SavedPaper[] papers) =>
        File.WriteAllText(path, Render(pageDate, papers));
}
