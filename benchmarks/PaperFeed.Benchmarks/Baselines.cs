using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperFeed.Benchmarks;

/// <summary>What the parser is measured against: the cost of touching the bytes, and what a user would write.</summary>
public static class Baselines
{
    /// <summary>
    /// The floor: reads the file in 1 MiB chunks and counts <c>\n</c> with the vectorised span search. No parser
    /// that looks at every line can beat it.
    /// </summary>
    public static long CountNewlines(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            long offset = 0, count = 0;
            int read;
            while ((read = RandomAccess.Read(handle, buffer, offset)) > 0)
            {
                count += buffer.AsSpan(0, read).Count((byte)'\n');
                offset += read;
            }
            return count;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary><c>File.ReadAllText</c> then <c>Split</c>: counts the non-blank lines, and does nothing more.</summary>
    public static int ReadAllTextSplit(string path)
    {
        int count = 0;
        foreach (string line in File.ReadAllText(path).Split('\n'))
        {
            if (!string.IsNullOrWhiteSpace(line)) count++;
        }
        return count;
    }
}

/// <summary>
/// The parser a user would write in an afternoon: <see cref="StreamReader.ReadLine"/>, compiled regular
/// expressions for the metadata lines, a set of header lines, and papers built as lines come. It handles the happy
/// path of the format only (no repeated lines or sentences, no diagnostics).
/// </summary>
public static class NaiveParser
{
    private static readonly Regex Authors = new(@"^\s*•\s*(\d+)\s+authors?\s*$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly Regex Date = new(
        @"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{1,2})(?:,\s*(\d{4}))?(?:\s+(\d+))?\s*$",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly HashSet<string> Headers =
        ["new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers", "byAK and the research community"];

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static IEnumerable<Paper> ReadPapers(TextReader reader)
    {
        string? title = null, abstractText = null;
        int? authors = null, upvotes = null;
        PaperDate? published = null, featured = null;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            line = line.Trim();
            if (line.Length == 0 || line == "·") continue;
            if (Headers.Contains(line))
            {
                if (title is not null) yield return Make();
                featured = null;
                continue;
            }
            var match = Authors.Match(line);
            if (match.Success)
            {
                authors = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
                continue;
            }
            match = Date.Match(line);
            if (match.Success)
            {
                var date = new PaperDate(
                    match.Groups[3].Success ? int.Parse(match.Groups[3].ValueSpan, CultureInfo.InvariantCulture) : null,
                    Array.IndexOf(Months, match.Groups[1].Value) + 1,
                    int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture));
                if (title is null)
                {
                    featured = date;
                    continue;
                }
                published = date;
                upvotes = match.Groups[4].Success ? int.Parse(match.Groups[4].ValueSpan, CultureInfo.InvariantCulture) : null;
                yield return Make();
                continue;
            }
            if (title is null) title = line;
            else if (abstractText is null) abstractText = line;
            else
            {
                yield return Make();
                title = line;
            }
        }
        if (title is not null) yield return Make();

        Paper Make()
        {
            var paper = new Paper { Title = title!, Abstract = abstractText, AuthorCount = authors, Published = published, Upvotes = upvotes, Featured = featured };
            title = abstractText = null;
            authors = upvotes = null;
            published = null;
            return paper;
        }
    }
}
