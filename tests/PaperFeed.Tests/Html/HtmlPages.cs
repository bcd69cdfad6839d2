namespace PaperFeed.Tests.Html;

/// <summary>
/// Saved pages read the way users read them: through <see cref="FeedReader"/> with <see cref="PaperFeed.Html.HtmlFeedFormat"/>
/// forced (see <see cref="TestReaders"/>), from text (<see cref="FeedInput.FromText"/>) or from a stream of bytes.
/// </summary>
internal static class HtmlPages
{
    /// <summary>Every listing of the page given as text, in page order.</summary>
    public static IReadOnlyList<Feed> ReadFeeds(string html, FeedParserOptions? options = null) => TestReaders.ReadFeeds(html, "html", options);

    /// <summary>The one listing of the page given as text (the test fails when it holds several).</summary>
    public static Feed ReadFeed(string html, FeedParserOptions? options = null) => Single(ReadFeeds(html, options));

    /// <summary>The one listing of the page's bytes, decoded as the page declares.</summary>
    public static async Task<Feed> ReadFeedAsync(Stream page, FeedParserOptions? options = null) =>
        Single(await TestReaders.ReadFeedsAsync(page, "html", options).ToListAsync());

    private static Feed Single(IReadOnlyList<Feed> feeds) => feeds.Should().ContainSingle("the page holds one listing").Subject;
}
