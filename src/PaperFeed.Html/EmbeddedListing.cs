using System.Globalization;
using System.Text.Json;

namespace PaperFeed.Html;

/// <summary>
/// Reads the listing page a <c>DailyPapers</c> component embeds as JSON (its <c>data-props</c>, or what
/// <see cref="CutOffProps"/> repaired of it) with the core's own Hugging Face API JSON format, through its public
/// <see cref="FeedFormat"/> API: the page gives exactly the records and diagnostics the API reader gives for the same
/// JSON. Each diagnostic is moved to the component's start tag in the page (its line and column), and keeps its JSON
/// path inside the embedded page (in its location and its message).
/// </summary>
internal sealed class EmbeddedListing
{
    private readonly FeedReadContext _page;
    private readonly FeedReadContext _json;
    private int _line, _column;

    /// <summary>Reads the embedded pages of the page read with <paramref name="page"/>; diagnostics go to its sink.</summary>
    public EmbeddedListing(FeedReadContext page)
    {
        _page = page;
        var options = page.Options;
        _json = new FeedReadContext(options with
        {
            // The embedded page's own date fields date it: a listing date given for the whole input is not for it.
            Dates = options.Dates with { ListingDate = null, ListingDateFromSourceName = false },
            // Strict mode is the page's: a warning, once moved to the page, stops the read there.
            Diagnostics = new DiagnosticOptions { OnDiagnostic = page.Diagnostics.IsObserved(DiagnosticSeverity.Warning) ? Relocate : null },
            Format = FeedFormat.HuggingFaceApiJson,
            Formats = [],
        }, page.SourceName);
    }

    /// <summary>
    /// Null when <paramref name="json"/> is a listing page the API reader reads as one; else what is wrong with it, for a
    /// message, and the <see cref="JsonException"/> behind it when the JSON is broken (kept as the strict-mode error's inner exception).
    /// </summary>
    public static string? Problem(ReadOnlySpan<byte> json, out JsonException? cause)
    {
        cause = null;
        // Strict JSON, nested up to 64 deep: what the API reader reads as one value (the site's pages hold nothing else).
        var reader = new Utf8JsonReader(json);
        bool hasItems = false, hasData = false;
        try
        {
            if (reader.Read() && reader.TokenType != JsonTokenType.StartObject) return NoItems;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
                bool items = reader.ValueTextEquals("dailyPapers"u8), data = reader.ValueTextEquals("data"u8);
                reader.Read();
                // The last of a repeated property counts, as when the page is deserialized.
                if (items) hasItems = reader.TokenType == JsonTokenType.StartArray;
                if (data) hasData = reader.TokenType == JsonTokenType.StartArray;
            }
        }
        catch (JsonException exception)
        {
            cause = exception;
            return string.Create(CultureInfo.InvariantCulture,
                $"data-props JSON is broken at its line {(exception.LineNumber ?? 0) + 1}, byte {(exception.BytePositionInLine ?? 0) + 1}: {FirstSentence(exception.Message)}");
        }
        return hasItems || hasData ? null : NoItems;
    }

    private const string NoItems = "data-props JSON has no dailyPapers array";

    /// <summary>The feed of an embedded listing page (one that <see cref="Problem"/> accepts).</summary>
    /// <param name="json">The page's UTF-8 JSON.</param>
    /// <param name="line">The line of the component's start tag in the page.</param>
    /// <param name="column">Its column.</param>
    /// <exception cref="FeedFormatException">The items are strings, not objects; or a warning in strict mode. Either at the component.</exception>
    public Feed Read(byte[] json, int line, int column)
    {
        (_line, _column) = (line, column);
        try
        {
            using var stream = new MemoryStream(json, writable: false);
            return FeedFormat.HuggingFaceApiJson.ReadFeeds(stream, _json).Single();
        }
        catch (FeedFormatException exception) when (exception.Diagnostic.Severity == DiagnosticSeverity.Error)
        {
            throw new FeedFormatException(AtComponent(exception.Diagnostic), exception.InnerException);
        }
    }

    private void Relocate(FeedDiagnostic diagnostic) => _page.Diagnostics.Report(AtComponent(diagnostic));

    /// <summary>The diagnostic at the component's start tag, with the JSON path it had inside the embedded page.</summary>
    private FeedDiagnostic AtComponent(FeedDiagnostic diagnostic) =>
        diagnostic with { Location = new DiagnosticLocation(_line, _column, diagnostic.Location.JsonPath) };

    /// <summary>A JSON exception's message without the position it repeats (given in the message already).</summary>
    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
