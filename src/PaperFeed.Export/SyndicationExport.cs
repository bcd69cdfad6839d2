using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace PaperFeed.Export;

/// <summary>RSS 2.0 and Atom 1.0 through <see cref="SyndicationFeed"/>: one model, two formatters.</summary>
internal static class SyndicationExport
{
    public static void Write(Stream destination, IEnumerable<Paper> papers, ExportOptions options, bool atom)
    {
        var (items, updated) = ExportItem.Prepare(papers);
        var feed = new SyndicationFeed(XmlText.Clean(options.Title), XmlText.Clean(options.Description), new Uri(options.HomePageUrl))
        {
            Id = options.HomePageUrl,
            Items = items.Select(item => ToItem(item, atom)).ToList(),
        };
        // Atom requires <updated>: the fixed stand-in when no item has a date. RSS leaves an unknown date out.
        if (atom || updated != ExportItem.NoDate) feed.LastUpdatedTime = updated;
        if (options.FeedUrl is string self) feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(self)));

        // Entitize keeps a CR inside an abstract as &#xD;, so a reader gets the text back exactly.
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false, NewLineHandling = NewLineHandling.Entitize };
        using var writer = XmlWriter.Create(destination, settings);
        SyndicationFeedFormatter formatter = atom ? new Atom10FeedFormatter(feed) : new Rss20FeedFormatter(feed);
        formatter.WriteTo(writer);
    }

    private static SyndicationItem ToItem(ExportItem item, bool atom)
    {
        var paper = item.Paper;
        var result = new SyndicationItem
        {
            Id = item.Id,
            Title = new TextSyndicationContent(XmlText.Clean(paper.Title)),
        };
        if (item.Date is DateTimeOffset date)
        {
            result.PublishDate = date;
            result.LastUpdatedTime = date;
        }
        else if (atom)
        {
            // Atom requires <updated>; a paper without any dated day gets the fixed stand-in, never the clock.
            result.LastUpdatedTime = ExportItem.NoDate;
        }
        if (paper.Abstract is string abstractText) result.Summary = new TextSyndicationContent(XmlText.Clean(abstractText));
        if (item.Link is string link) result.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(link)));
        foreach (var author in paper.Authors) result.Authors.Add(new SyndicationPerson { Name = XmlText.Clean(author.Name) });
        foreach (string keyword in paper.Details?.AiKeywords ?? []) result.Categories.Add(new SyndicationCategory(XmlText.Clean(keyword)));
        return result;
    }
}
