using System.Globalization;
using System.Xml;

namespace PaperFeed.Export;

/// <summary>
/// Atom 1.0 (RFC 4287), written entry by entry, with every MUST met for every paper: the feed has an
/// <c>author</c> (its title) that entries without authors inherit; an entry without an http(s) page carries its
/// abstract (else its title) as <c>content</c>, since it has no alternate link; every entry has an
/// <c>updated</c>: its day, else the feed's (see <see cref="ExportOptions.Updated"/>), never an invented one.
/// </summary>
internal sealed class AtomWriter(Stream destination, ExportOptions options) : DocumentWriter
{
    private const string Namespace = "http://www.w3.org/2005/Atom";

    private readonly XmlWriter _xml = XmlText.CreateWriter(destination);
    private string _updated = "";

    public override void Begin(DateTimeOffset? updated)
    {
        // Atom requires a date: with none in the data or the options, the time of the run is the feed's.
        _updated = Rfc3339(updated ?? DateTimeOffset.UtcNow);
        _xml.WriteStartDocument();
        _xml.WriteStartElement("feed", Namespace);
        Text("title", options.Title);
        Text("subtitle", options.Description);
        _xml.WriteElementString("id", Namespace, XmlText.Clean(options.HomePageUrl));
        _xml.WriteElementString("updated", Namespace, _updated);
        Link("alternate", options.HomePageUrl);
        if (options.FeedUrl is string self) Link("self", self);
        Author(options.Title);
    }

    public override void Write(ExportItem item)
    {
        var paper = item.Paper;
        _xml.WriteStartElement("entry", Namespace);
        _xml.WriteElementString("id", Namespace, item.Id);
        Text("title", paper.Title);
        _xml.WriteElementString("updated", Namespace, item.Date is DateTimeOffset date ? Rfc3339(date) : _updated);
        foreach (var author in paper.Authors) Author(author.Name);
        if (item.Link is string link) Link("alternate", link);
        if (item.ArxivLink is string arxiv) Link("related", arxiv);
        if (paper.Abstract is string abstractText) Text("summary", abstractText);
        // An entry without an alternate link MUST have content (RFC 4287, 4.1.1).
        if (item.Link is null) Text("content", paper.Abstract ?? paper.Title);
        foreach (string keyword in paper.Details?.AiKeywords ?? [])
        {
            _xml.WriteStartElement("category", Namespace);
            _xml.WriteAttributeString("term", XmlText.Clean(keyword));
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement();
    }

    public override void End()
    {
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
    }

    public override void Dispose() => _xml.Dispose();

    private void Text(string name, string text)
    {
        _xml.WriteStartElement(name, Namespace);
        _xml.WriteAttributeString("type", "text");
        _xml.WriteString(XmlText.Clean(text));
        _xml.WriteEndElement();
    }

    private void Link(string rel, string href)
    {
        _xml.WriteStartElement("link", Namespace);
        _xml.WriteAttributeString("rel", rel);
        _xml.WriteAttributeString("href", XmlText.Clean(href));
        _xml.WriteEndElement();
    }

    private void Author(string name)
    {
        _xml.WriteStartElement("author", Namespace);
        _xml.WriteElementString("name", Namespace, XmlText.Clean(name));
        _xml.WriteEndElement();
    }

    private static string Rfc3339(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
