namespace PaperFeed;

/// <summary>Reads the feeds of one input of a format the core package cannot parse itself (HTML, from PaperFeed.Html).</summary>
internal delegate IAsyncEnumerable<Feed> FeedStreamReader(Stream stream, FeedParserOptions options, CancellationToken cancellationToken);
