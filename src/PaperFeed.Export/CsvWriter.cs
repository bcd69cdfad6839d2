using System.Globalization;

namespace PaperFeed.Export;

/// <summary>
/// CSV exactly per RFC 4180, a row per paper as it comes: a header row, CRLF after every record, a field quoted (quotes
/// doubled) when it holds a quote, a comma, CR or LF. Absent values are empty fields; lists are joined with <c>"; "</c>.
/// No NUL is written (spreadsheet and pandas readers cut a field there). A text cell that a spreadsheet would run as a
/// formula gets a leading apostrophe unless <see cref="ExportOptions.EscapeCsvFormulas"/> is off.
/// </summary>
internal sealed class CsvWriter(Stream destination, ExportOptions options) : DocumentWriter
{
    /// <summary>The columns, in order: header, value, and whether the value is free text (else a number we format).</summary>
    public static readonly (string Header, Func<ExportItem, string?> Value, bool IsText)[] Columns =
    [
        ("id", i => i.Id, true),
        ("title", i => i.Paper.Title, true),
        ("arxivId", i => i.Paper.GetCanonicalArxivId(), true),
        ("url", i => i.Link, true),
        ("published", i => i.Paper.Published?.ToString(), true),
        ("featured", i => i.Paper.Featured?.ToString(), true),
        ("upvotes", i => Number(i.Paper.Upvotes), false),
        ("authorCount", i => Number(i.Paper.AuthorCount), false),
        ("authors", i => Join(i.Paper.Authors.Select(a => a.Name)), true),
        ("abstract", i => i.Paper.Abstract, true),
        ("aiKeywords", i => Join(i.Paper.Details?.AiKeywords ?? []), true),
        ("githubRepo", i => i.Paper.Details?.GithubRepo, true),
        ("githubStars", i => Number(i.Paper.Details?.GithubStars), false),
        ("projectPage", i => i.Paper.Details?.ProjectPage, true),
        ("organization", i => i.Paper.Details?.Organization?.Name, true),
        ("commentCount", i => Number(i.Paper.Details?.CommentCount), false),
        ("submitter", i => i.Paper.Details?.Submitter, true),
    ];

    private readonly StreamWriter _writer = new(destination, FeedExporter.Utf8, bufferSize: 16 * 1024, leaveOpen: true);

    public override void Begin(DateTimeOffset? updated)
    {
        for (int c = 0; c < Columns.Length; c++)
        {
            if (c > 0) _writer.Write(',');
            WriteField(_writer, Columns[c].Header);
        }
        _writer.Write("\r\n");
    }

    public override void Write(ExportItem item)
    {
        for (int c = 0; c < Columns.Length; c++)
        {
            if (c > 0) _writer.Write(',');
            string field = Columns[c].Value(item) ?? string.Empty;
            if (field.Contains('\0', StringComparison.Ordinal)) field = field.Replace("\0", "", StringComparison.Ordinal);
            if (Columns[c].IsText && options.EscapeCsvFormulas && IsFormula(field)) field = "'" + field;
            WriteField(_writer, field);
        }
        _writer.Write("\r\n");
    }

    public override void End() => _writer.Flush();

    public override void Dispose() => _writer.Dispose();

    /// <summary>True when a spreadsheet would read the cell as a formula (OWASP: <c>= + - @</c>, tab, CR first).</summary>
    internal static bool IsFormula(string field) => field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static void WriteField(TextWriter writer, string field)
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
