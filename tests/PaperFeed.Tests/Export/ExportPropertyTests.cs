using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using CsCheck;
using PaperFeed.Export;
using Sylvan.Data.Csv;

namespace PaperFeed.Tests.Export;

/// <summary>Exports of arbitrary text: CSV reads back exactly, XML never breaks (a lone surrogate is U+FFFD everywhere).</summary>
public class ExportPropertyTests
{
    // Quotes, commas, CR, LF, spaces, a control character, a lone surrogate, an astral character.
    private static readonly Gen<string> Text = Gen.Char["\"\r\n, ;ab\u0001\uD800é"].Array[1, 12].Select(cs => new string(cs))
        .Select(s => s + "\U0001F600");

    private static readonly Gen<List<Paper>> Papers =
        Gen.Select(Text, Gen.Null(Text, 0.3), (title, text) => new Paper { Title = title, Abstract = text }).List[0, 8];

    [Fact]
    public void Csv_reads_back_field_for_field()
    {
        Papers.Sample(papers =>
        {
            using var reader = CsvDataReader.Create(new StringReader(FeedExporter.WriteToString(papers, ExportFormat.Csv, ExportOptions.Default with { EscapeCsvFormulas = false })));
            var rows = new List<(string, string)>();
            while (reader.Read()) rows.Add((reader.GetString(1), reader.GetString(9)));

            // UTF-8 cannot carry a lone surrogate: the writer's encoder puts U+FFFD in its place.
            rows.Should().Equal(papers.Select(p => (Utf8(p.Title), Utf8(p.Abstract ?? ""))));
        }, iter: 300);
    }

    [Fact]
    public void Rss_and_atom_load_back_with_only_xml_illegal_characters_dropped()
    {
        Papers.Sample(papers =>
        {
            foreach (var format in new[] { ExportFormat.Rss, ExportFormat.Atom })
            {
                string xml = FeedExporter.WriteToString(papers, format);
                var feed = SyndicationFeed.Load(XmlReader.Create(new StringReader(xml)));

                feed.Items.Select(i => i.Title.Text).Should().Equal(papers.Select(p => Legal(p.Title)));
                // Read with LINQ to XML: SyndicationFeed.Load drops the <description> of an RSS item whose guid has
                // isPermaLink="false" (a reader bug; the document is valid RSS 2.0). RSS descriptions are HTML.
                var summaries = XDocument.Parse(xml).Descendants().Where(e => e.Name.LocalName is "description" or "summary" && e.Parent!.Name.LocalName is "item" or "entry");
                summaries.Select(e => format == ExportFormat.Rss ? Consumers.HtmlText(e.Value) : e.Value).Should().Equal(papers.Where(p => p.Abstract is not null).Select(p => Legal(p.Abstract!)));
            }
        }, iter: 200);
    }

    private static string Legal(string text) => text.Replace("\u0001", "").Replace("\uD800", "\uFFFD");

    private static string Utf8(string text) => text.Replace("\uD800", "\uFFFD");
}
