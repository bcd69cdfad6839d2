using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using AngleSharp.Text;
using PaperFeed.IO;

namespace PaperFeed.Html;

/// <summary>
/// Reads a saved Hugging Face Daily Papers HTML page: the JSON the page embeds for its scripts when present
/// (every field the API gives), else the rendered paper cards. Never runs a script and never loads a
/// resource: AngleSharp's tokenizer is used without any browsing context. Thread-safe. See docs/inputs.md.
/// </summary>
public static class HtmlPaperReader
{
    /// <summary>The largest page read, in bytes (256 MiB): a page is held in memory whole, so a larger input is an error, not an out-of-memory crash.</summary>
    public const long MaxPageBytes = 256L * 1024 * 1024;

    /// <summary>Reads the page held in a string.</summary>
    /// <param name="html">The page's markup.</param>
    /// <param name="options">
    /// Options; <see cref="FeedParserOptions.OnDiagnostic"/>, <see cref="FeedParserOptions.Strict"/>,
    /// <see cref="FeedParserOptions.DuplicateSentences"/>, <see cref="FeedParserOptions.ReferenceDate"/> (for cards'
    /// year-less dates) and <see cref="FeedParserOptions.SourceName"/> apply. Diagnostics give the page's line and column.
    /// </param>
    /// <returns>The page's feed, dated by the page's <c>dateString</c> (or its canonical <c>/papers/date/…</c> URL) when it is a day.</returns>
    /// <exception cref="FeedFormatException">A warning in strict mode.</exception>
    public static Feed ReadFeed(string html, FeedParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var source = new TextSource(html);
        return new HtmlPageReader(source, options ?? FeedParserOptions.Default).Read();
    }

    /// <summary>Reads a page from UTF-8 bytes (a BOM is skipped).</summary>
    /// <param name="stream">The page; not disposed.</param>
    /// <param name="options">Options, as for <see cref="ReadFeed(string, FeedParserOptions?)"/>.</param>
    /// <param name="cancellationToken">Stops reading the stream.</param>
    /// <exception cref="FeedFormatException">The page is larger than <see cref="MaxPageBytes"/>, or a warning in strict mode.</exception>
    public static async Task<Feed> ReadFeedAsync(Stream stream, FeedParserOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= FeedParserOptions.Default;
        var limited = new ByteLimitStream(stream, MaxPageBytes, limit => new FeedFormatException(new FeedDiagnostic(
            DiagnosticSeverity.Error, DiagnosticCodes.InputTooLarge, 1, null,
            string.Create(CultureInfo.InvariantCulture, $"the HTML page is larger than {limit} bytes, the most read into memory"), options.SourceName)));
        // Decoded into one string first: AngleSharp's stream-backed TextSource takes quadratic time on large pages.
        string html;
        using (var reader = new StreamReader(limited, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: -1, leaveOpen: true))
        {
            html = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        return ReadFeed(html, options);
    }

    /// <summary>Reads the papers of a page from UTF-8 bytes.</summary>
    /// <inheritdoc cref="ReadFeedAsync(Stream, FeedParserOptions?, CancellationToken)" path="/param"/>
    /// <inheritdoc cref="ReadFeedAsync(Stream, FeedParserOptions?, CancellationToken)" path="/exception"/>
    public static async IAsyncEnumerable<Paper> ReadPapersAsync(Stream stream, FeedParserOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var feed = await ReadFeedAsync(stream, options, cancellationToken).ConfigureAwait(false);
        foreach (var paper in feed.Papers) yield return paper;
    }

    /// <summary>The page as the one feed of a stream, in the shape <see cref="PaperReader"/> expects of an HTML reader.</summary>
    internal static async IAsyncEnumerable<Feed> ReadFeedsAsync(Stream stream, FeedParserOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return await ReadFeedAsync(stream, options, cancellationToken).ConfigureAwait(false);
    }
}
