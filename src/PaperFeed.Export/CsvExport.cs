using System.Globalization;
using System.Text;

namespace PaperFeed.Export;

/// <summary>
/// CSV exactly per RFC 4180: a header row, CRLF after every record, a field quoted (quotes doubled) when it holds a
/// quote, a comma, CR or LF. Absent values are empty fields; lists are joined with <c>"; "</c>.
/// </summary>
internal static class CsvExport
{
    /// <summary>The columns, in order: header and value of each.</summary>
    public static readonly (string Header, Func<ExportItem, string?> Value)[] Columns =
    [
        ("id", i => i.Id),
        ("title", i => i.Paper.Title),
        ("arxivId", i => i.Paper.GetCanonicalArxivId()),
        ("url", i => i.Link),
        ("published", i => i.Paper.Published?.ToString()),
        ("featured", i => i.Paper.Featured?.ToString()),
        ("upvotes", i => Number(i.Paper.Upvotes)),
        ("authorCount", i => Number(i.Paper.AuthorCount)),
        ("authors", i => Join(i.Paper.Authors.Select(a => a.Name))),
        ("abstract", i => i.Paper.Abstract),
        ("aiKeywords", i => Join(i.Paper.Details?.AiKeywords ?? [])),
        ("githubRepo", i => i.Paper.Details?.GithubRepo),
        ("githubStars", i => Number(i.Paper.Details?.GithubStars)),
        ("projectPage", i => i.Paper.Details?.ProjectPage),
        ("organization", i => i.Paper.Details?.Organization?.Name),
        ("commentCount", i => Number(i.Paper.Details?.CommentCount)),
    ];

    public static void Write(TextWriter writer, IEnumerable<Paper> papers)
    {
        WriteRecord(writer, Columns.Select(c => c.Header));
        foreach (var paper in papers)
        {
            var item = ExportItem.From(paper);
            WriteRecord(writer, Columns.Select(c => c.Value(item)));
        }
    }

    private static void WriteRecord(TextWriter writer, IEnumerable<string?> fields)
    {
        bool first = true;
        foreach (string? field in fields)
        {
            if (!first) writer.Write(',');
            first = false;
            WriteField(writer, field ?? string.Empty);
        }
        writer.Write("\r\n");
    }

    internal static void WriteField(TextWriter writer, string field)
    {
        if (field.AsSpan().IndexOfAny("\",\r\n") < 0)
        {
            writer.Write(field);
            return;
        }
        writer.Write('"');
        writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Join(IEnumerable<string> values)
    {
        string joined = string.Join("; ", values);
        return joined.Length == 0 ? null : joined;
    }
}
