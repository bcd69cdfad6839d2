namespace PaperFeed.Export;

/// <summary>The standard documents <see cref="FeedExporter"/> writes.</summary>
public enum ExportFormat
{
    /// <summary>RSS 2.0 (<c>application/rss+xml</c>).</summary>
    Rss,

    /// <summary>Atom 1.0 (<c>application/atom+xml</c>).</summary>
    Atom,

    /// <summary>JSON Feed 1.1 (<c>application/feed+json</c>).</summary>
    JsonFeed,

    /// <summary>CSV, RFC 4180: a header row, CRLF line ends, fields quoted when they hold a quote, comma or line break.</summary>
    Csv,

    /// <summary>A Markdown digest: numbered titles (linked), upvotes, authors, the abstract's first sentence.</summary>
    Markdown,
}
