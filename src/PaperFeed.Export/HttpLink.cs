namespace PaperFeed.Export;

/// <summary>
/// The only links an export writes: absolute <c>http</c>/<c>https</c> URLs, in their escaped form (no spaces, quotes
/// or angle brackets), so a <c>javascript:</c> URL or a broken one never becomes a link in a reader.
/// </summary>
internal static class HttpLink
{
    /// <summary>The URL as a safe link, or <c>null</c> when it is not an absolute http(s) URL.</summary>
    public static string? From(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        return uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps ? uri.AbsoluteUri : null;
    }
}
