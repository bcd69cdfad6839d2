using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using CsCheck;
using PaperFeed.Export;

namespace PaperFeed.Tests.Export;

/// <summary>
/// RSS and Atom read by System.ServiceModel.Syndication, LINQ to XML and AngleSharp: every RFC 4287 MUST and every
/// RSS 2.0 required element checked on each document, the HTML of RSS descriptions decoded to exactly the abstract,
/// on hostile generated papers and on the real fixtures.
/// </summary>
public class FeedReaderTests
{
    [Fact]
    public void Hostile_papers_give_valid_rss_and_atom_that_readers_load()
    {
        HostilePapers.Papers.Sample(papers => CheckAll(papers), iter: 200);
    }

    [Fact]
    public async Task Real_fixtures_give_valid_rss_and_atom()
    {
        var fixtures = await Consumers.RealFixturesAsync();
        fixtures.Should().NotBeEmpty();
        foreach (var (name, papers, expected) in fixtures)
        {
            papers.Should().HaveCount(expected.GetProperty("papers").GetInt32(), name);
            CheckAll(papers);
        }
    }

    [Fact]
    public void A_one_megabyte_abstract_reads_back_exactly()
    {
        string big = string.Concat(Enumerable.Repeat("<script>x</script> ]]> & \uFFFE مرحبا 😀 ", 1 << 15));
        CheckAll([new Paper { Title = big[..5000], Abstract = big }]);
    }

    private static void CheckAll(List<Paper> papers)
    {
        string rss = FeedExporter.WriteToString(papers, ExportFormat.Rss);
        string atom = FeedExporter.WriteToString(papers, ExportFormat.Atom);
        CheckRss(papers, rss);
        CheckAtom(papers, atom);
    }

    private static void CheckRss(List<Paper> papers, string xml)
    {
        var feed = SyndicationFeed.Load(XmlReader.Create(new StringReader(xml)));
        feed.Items.Select(i => i.Title.Text).Should().Equal(papers.Select(p => HostilePapers.XmlLegal(p.Title)));

        var channel = Consumers.Xml(xml).Root!.Element("channel")!;
        // RSS 2.0 required channel elements.
        foreach (string name in new[] { "title", "link", "description" }) channel.Elements(name).Should().ContainSingle(name);
        var items = channel.Elements("item").ToList();
        items.Should().HaveCount(papers.Count);
        items.Select(i => i.Element("guid")!.Value).Should().OnlyHaveUniqueItems();
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            (item.Element("title") ?? item.Element("description")).Should().NotBeNull("an item has a title or a description");
            item.Elements(Consumers.DublinCore + "creator").Should().HaveCountLessThanOrEqualTo(1);
            item.Elements().Where(e => e.Name.LocalName == "author").Should().BeEmpty("no repeated a10:author");
            if (item.Element("link") is XElement link) IsHttp(link.Value).Should().BeTrue(link.Value);
            if (item.Element("pubDate") is XElement date)
            {
                DateTimeOffset.ParseExact(date.Value, "r", CultureInfo.InvariantCulture).Year.Should().BeGreaterThan(1970);
            }
            var description = item.Element("description");
            if (papers[i].Abstract is string abstractText)
            {
                // A reader renders the description as HTML: what it shows must be the abstract.
                Consumers.HtmlText(description!.Value).Should().Be(HostilePapers.XmlLegal(abstractText));
            }
            else
            {
                description.Should().BeNull();
            }
        }
    }

    private static void CheckAtom(List<Paper> papers, string xml)
    {
        var loaded = SyndicationFeed.Load(XmlReader.Create(new StringReader(xml)));
        loaded.Items.Select(i => i.Title.Text).Should().Equal(papers.Select(p => HostilePapers.XmlLegal(p.Title)));
        loaded.Items.Select(i => i.Summary?.Text).Should().Equal(papers.Select(p => p.Abstract is null ? null : HostilePapers.XmlLegal(p.Abstract)));

        var atom = Consumers.Atom;
        var feed = Consumers.Xml(xml).Root!;
        feed.Name.Should().Be(atom + "feed");
        // RFC 4287 4.1.1: exactly one id, title, updated; authors in the feed or in every entry.
        feed.Elements(atom + "id").Should().ContainSingle();
        IsIri(feed.Element(atom + "id")!.Value).Should().BeTrue();
        feed.Elements(atom + "title").Should().ContainSingle();
        feed.Elements(atom + "updated").Should().ContainSingle();
        IsRfc3339(feed.Element(atom + "updated")!.Value).Should().BeTrue();
        bool feedHasAuthor = feed.Elements(atom + "author").Any(a => a.Elements(atom + "name").Count() == 1);
        var entries = feed.Elements(atom + "entry").ToList();
        entries.Should().HaveCount(papers.Count);
        entries.Select(e => e.Element(atom + "id")!.Value).Should().OnlyHaveUniqueItems("entries with one id would need distinct updated");
        foreach (var entry in entries)
        {
            // RFC 4287 4.1.2.
            entry.Elements(atom + "id").Should().ContainSingle();
            IsIri(entry.Element(atom + "id")!.Value).Should().BeTrue(entry.Element(atom + "id")!.Value);
            entry.Elements(atom + "title").Should().ContainSingle();
            entry.Elements(atom + "updated").Should().ContainSingle();
            IsRfc3339(entry.Element(atom + "updated")!.Value).Should().BeTrue();
            DateTimeOffset.Parse(entry.Element(atom + "updated")!.Value, CultureInfo.InvariantCulture).Year.Should().BeGreaterThan(1970, "no invented dates");
            (feedHasAuthor || entry.Elements(atom + "author").Any()).Should().BeTrue("atom:author in the entry or the feed");
            var alternates = entry.Elements(atom + "link").Where(l => (string?)l.Attribute("rel") is null or "alternate").ToList();
            alternates.Should().HaveCountLessThanOrEqualTo(1);
            (entry.Elements(atom + "content").Count() == 1 || alternates.Count == 1).Should().BeTrue("content or an alternate link");
            foreach (var link in entry.Elements(atom + "link")) IsHttp((string)link.Attribute("href")!).Should().BeTrue();
            entry.Elements(atom + "summary").Should().HaveCountLessThanOrEqualTo(1);
        }
    }

    private static bool IsHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static bool IsIri(string id) =>
        Uri.TryCreate(id, UriKind.Absolute, out _) && !id.Any(char.IsWhiteSpace);

    private static bool IsRfc3339(string value) =>
        System.Text.RegularExpressions.Regex.IsMatch(value, @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$") &&
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
