using System.Globalization;
using System.Xml;

namespace PaperFeed.Export;

/// <summary>
/// RSS 2.0, written item by item. Each item: <c>guid</c> (a permalink when it is the paper's page), <c>title</c>,
/// <c>link</c> (http/https only), <c>description</c> (the abstract as HTML, see <see cref="HtmlText"/>), one
/// <c>dc:creator</c> listing the authors, a <c>category</c> per AI keyword, <c>pubDate</c> when the paper has a day.
/// </summary>
internal sealed class RssWriter(Stream destination, ExportOptions options) : DocumentWriter
{
    private const string Atom = "http://www.w3.org/2005/Atom";
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    private readonly XmlWriter _xml = XmlText.CreateWriter(destination);

    public override void Begin(DateTimeOffset? updated)
    {
        _xml.WriteStartDocument();
        _xml.WriteStartElement("rss");
        _xml.WriteAttributeString("version", "2.0");
        _xml.WriteAttributeString("xmlns", "dc", null, DublinCore);
        _xml.WriteAttributeString("xmlns", "atom", null, Atom);
        _xml.WriteStartElement("channel");
        XmlText.Element(_xml, "title", options.Title);
        XmlText.Element(_xml, "link", options.HomePageUrl);
        XmlText.Element(_xml, "description", options.Description);
        if (options.FeedUrl is string self)
        {
            _xml.WriteStartElement("link", Atom);
            _xml.WriteAttributeString("href", XmlText.Clean(self));
            _xml.WriteAttributeString("rel", "self");
            _xml.WriteAttributeString("type", "application/rss+xml");
            _xml.WriteEndElement();
        }
        if (updated is DateTimeOffset date) _xml.WriteElementString("lastBuildDate", Rfc822(date));
    }

    public override void Write(ExportItem item)
    {
        var paper = item.Paper;
        _xml.WriteStartElement("item");
        _xml.WriteStartElement("guid");
        _xml.WriteAttributeString("isPermaLink", item.IdIsLink ? "true" : "false");
        _xml.WriteString(item.Id);
        _xml.WriteEndElement();
        XmlText.Element(_xml, "title", paper.Title);
        if (item.Link is string link) _xml.WriteElementString("link", link);
        if (paper.Abstract is string abstractText) XmlText.Element(_xml, "description", HtmlText.Escape(XmlText.Clean(abstractText)));
        if (paper.Authors.Count > 0) _xml.WriteElementString("creator", DublinCore, XmlText.Clean(string.Join(", ", paper.Authors.Select(a => a.Name))));
        foreach (string keyword in paper.Details?.AiKeywords ?? []) XmlText.Element(_xml, "category", keyword);
        if (item.Date is DateTimeOffset date) _xml.WriteElementString("pubDate", Rfc822(date));
        _xml.WriteEndElement();
    }

    public override void End()
    {
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
    }

    public override void Dispose() => _xml.Dispose();

    private static string Rfc822(DateTimeOffset date) => date.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
}
