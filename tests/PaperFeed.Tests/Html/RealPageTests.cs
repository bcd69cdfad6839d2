using System.Text;
using PaperFeed.Html;
using PaperFeed.Tests.Formats;

namespace PaperFeed.Tests.Html;

/// <summary>
/// Reads a real saved listing page (Fixtures/Real/html, see its PROVENANCE.md) and variants of it broken the way
/// saved pages break in the wild. Expected values are the page's own (counted with Python, see PROVENANCE.md).
/// </summary>
public class RealPageTests
{
    /// <summary>huggingface.co/papers as served on 2024-08-01: data-props has <c>date</c> (an ISO instant), no <c>dateString</c>, and an undated og:url.</summary>
    internal static string Page2024Path => Fixtures.Path("Real", "html", "papers-2024-08-01.html");

    internal static readonly PaperDate Day2024 = new(2024, 8, 1);

    internal const int Papers2024 = 13;

    [Fact]
    public void Page_dated_only_by_its_iso_date_instant_keeps_its_day()
    {
        string html = File.ReadAllText(Page2024Path);
        html.Should().Contain("&quot;date&quot;:&quot;2024-08-01T00:00:00.000Z&quot;").And.NotContain("dateString").And.NotContain("papers/date/");

        var feed = HtmlPaperReader.ReadFeed(html);

        feed.Date.Should().Be(Day2024);
        feed.Papers.Should().HaveCount(Papers2024);
    }
}
