using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PaperFeed.Html;

namespace PaperFeed.Tests.Export;

/// <summary>
/// The independent readers the exports are checked with: Markdig (CommonMark), AngleSharp (HTML5), LINQ to XML and
/// DuckDB, plus the real fixtures as records.
/// </summary>
internal static class Consumers
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>CommonMark with no extensions, and with GitHub's pipe tables and strikethrough.</summary>
    public static readonly MarkdownPipeline[] MarkdownPipelines =
    [
        new MarkdownPipelineBuilder().Build(),
        new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough).Build(),
    ];

    /// <summary>The text a reader shows for some inline content: literals, decoded entities, code, link labels.</summary>
    public static string TextOf(Inline? inline)
    {
        var builder = new System.Text.StringBuilder();
        Append(inline);
        return builder.ToString();

        void Append(Inline? node)
        {
            switch (node)
            {
                case null: return;
                case LiteralInline literal: builder.Append(literal.Content.ToString()); break;
                case HtmlEntityInline entity: builder.Append(entity.Transcoded.ToString()); break;
                case CodeInline code: builder.Append(code.Content); break;
                case LineBreakInline: builder.Append('\n'); break;
                case HtmlInline html: builder.Append(html.Tag); break;
                case AutolinkInline autolink: builder.Append(autolink.Url); break;
                case ContainerInline container:
                    foreach (var child in container) Append(child);
                    break;
            }
        }
    }

    /// <summary>What a browser shows for an HTML fragment: the text content of the body it parses into.</summary>
    public static string HtmlText(string html) =>
        new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + html).Body!.TextContent;

    public static XDocument Xml(string xml) => XDocument.Parse(xml, LoadOptions.PreserveWhitespace);

    /// <summary>Runs one query in an in-process DuckDB and returns the rows, each column as a .NET value.</summary>
    public static List<object?[]> Query(string sql)
    {
        using var duck = new Parquet.DuckDbSession();
        return duck.Rows(sql);
    }

    /// <summary>A path as a DuckDB string literal.</summary>
    public static string Sql(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Every real fixture that reads (see Fixtures/Real), as records, with its expected.json entry.</summary>
    public static async Task<List<(string Name, List<Paper> Papers, JsonElement Expected)>> RealFixturesAsync()
    {
        string root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real");
        var result = new List<(string, List<Paper>, JsonElement)>();
        foreach (var dir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            string manifest = Path.Combine(dir, "expected.json");
            if (!File.Exists(manifest)) continue;
            var files = JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.GetProperty("files");
            foreach (var entry in files.EnumerateObject())
            {
                string path = Path.Combine(dir, entry.Name);
                if (!File.Exists(path) || entry.Value.TryGetProperty("error", out _)) continue;
                await using var stream = File.OpenRead(path);
                var papers = new List<Paper>();
                await foreach (var paper in TestReaders.ReadPapersAsync(stream)) papers.Add(paper);
                result.Add((Path.GetFileName(dir) + "/" + entry.Name, papers, entry.Value.Clone()));
            }
        }
        return result;
    }
}
