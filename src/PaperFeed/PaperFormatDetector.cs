using System.Text.Json;
using PaperFeed.IO;
using PaperFeed.Text;

namespace PaperFeed;

/// <summary>
/// Tells the input's kind from its first bytes (rules in docs/inputs.md): <c>&lt;</c> is HTML; <c>[</c> or <c>{</c>
/// that starts JSON is told apart by the property names of the first object; anything else is text (a title may
/// well start with <c>[</c>, so JSON that breaks at once is text), whose kind <see cref="TextInputDetector"/> tells.
/// </summary>
internal static class PaperFormatDetector
{
    // Keys only the Hugging Face API uses (item, paper or page level).
    private static readonly string[] ApiKeys =
    [
        "paper", "id", "summary", "publishedAt", "submittedOnDailyAt", "numComments", "ai_summary", "ai_keywords",
        "discussionId", "thumbnail", "submittedBy", "mediaUrls", "isAuthorParticipating", "dailyPapers", "dateString",
        "periodType", "githubRepo", "githubStars", "projectPage", "withdrawnAt", "organization", "submitterOrganization",
        "submittedOnDailyBy", "canSubmit", "nextDate", "prevDate", "publisher",
    ];

    // Keys only PaperFeed's own JSON uses (Feed and Paper records, camelCase).
    // "date" is also a listing page's and an archiver wrapper's key: it decides only when nothing else does.
    private static readonly string[] PaperFeedKeys = ["abstract", "papers", "period", "arxivId", "authorCount", "published", "featured", "url", "details"];

    // PaperFeedKey: PaperFeed's by a key only it uses (decisive); PaperFeed: by default ({}, [], a lone title or date).
    private enum Shape { Undecided, Api, PaperFeed, PaperFeedKey, Unknown, NotJson }

    /// <summary>The kind of the input that starts with <paramref name="head"/>; null for JSON of a shape no reader takes, or text that is no listing.</summary>
    public static PaperFormat? Detect(ReadOnlySpan<byte> head, bool isEntireInput)
    {
        var content = InputStart.Content(head);
        if (content.IsEmpty) return PaperFormat.TextListing; // empty: a listing with no snapshot
        if (content[0] == (byte)'<') return PaperFormat.Html;
        if (content[0] is not ((byte)'[' or (byte)'{')) return TextInputDetector.Detect(content, isEntireInput);
        // A Markdown capture may open with a link ("[[Hugging Face's logo] Hugging Face][1]"), which JSON would take.
        if (content[0] == (byte)'[' && TextInputDetector.Detect(content, isEntireInput) is PaperFormat capture and (PaperFormat.MarkdownCapture or PaperFormat.ClipperCapture))
        {
            return capture;
        }
        return ClassifyJson(content, isEntireInput) switch
        {
            Shape.Api => PaperFormat.HuggingFaceApiJson,
            Shape.Unknown => null,
            // Broken right after the bracket ("[CLS] Tokens …") is text; broken later is JSON that its reader will report.
            Shape.NotJson => TextInputDetector.Detect(content, isEntireInput),
            // PaperFeed's reader also takes what could not be decided within the head; it reports any error itself.
            _ => PaperFeedJson(content),
        };
    }

    /// <summary>
    /// For JSON read as <paramref name="format"/> (given, not detected): the other JSON kind when the head has a key only
    /// that kind uses (PaperFeed's <c>abstract</c>, <c>papers</c>, … read as API JSON, or the API's <c>paper</c>, <c>id</c>, …
    /// read as PaperFeed JSON), which the given reader would turn into bogus papers; otherwise null.
    /// </summary>
    public static PaperFormat? Contradiction(ReadOnlySpan<byte> head, PaperFormat format)
    {
        var content = InputStart.Content(head);
        if (content.IsEmpty || content[0] is not ((byte)'[' or (byte)'{')) return null;
        return (format, ClassifyJson(content, isEntireInput: false)) switch
        {
            (PaperFormat.HuggingFaceApiJson, Shape.PaperFeedKey) => PaperFeedJson(content),
            (PaperFormat.PaperFeedJson or PaperFormat.PaperFeedJsonLines, Shape.Api) => PaperFormat.HuggingFaceApiJson,
            _ => null,
        };
    }

    /// <summary>The JSON shape of the head; an entire input is read as a final block, so a value cut by the head's end is told from one that ends there.</summary>
    private static Shape ClassifyJson(ReadOnlySpan<byte> content, bool isEntireInput)
    {
        var reader = new Utf8JsonReader(content, isFinalBlock: isEntireInput, new JsonReaderState(new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            AllowMultipleValues = true,
        }));
        bool sawToken = false;
        try
        {
            return Classify(ref reader, ref sawToken);
        }
        catch (JsonException)
        {
            return sawToken ? Shape.Undecided : Shape.NotJson;
        }
    }

    /// <summary>PaperFeed JSON: an array is a document; an object starts JSON Lines (one object is one line; both read alike).</summary>
    private static PaperFormat PaperFeedJson(ReadOnlySpan<byte> content) =>
        content[0] == (byte)'[' ? PaperFormat.PaperFeedJson : PaperFormat.PaperFeedJsonLines;

    private static Shape Classify(ref Utf8JsonReader reader, ref bool sawToken)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            if (!reader.Read()) return Shape.Undecided;
            sawToken = true;
            if (reader.TokenType is JsonTokenType.EndArray) return Shape.PaperFeed; // [] reads as nothing either way
            if (reader.TokenType is JsonTokenType.Null) return Shape.Api; // only the API reader skips null items
            // Items saved as strings (Python reprs): only the API reader explains what is wrong with them.
            if (reader.TokenType is JsonTokenType.String) return Shape.Api;
            if (reader.TokenType != JsonTokenType.StartObject) return Shape.Unknown;
        }
        return ClassifyObject(ref reader, ref sawToken);
    }

    /// <summary>
    /// Reads the property names of the object the reader is on until one tells the shape. An API key decides at once
    /// (the API adds keys over time); PaperFeed's keys decide only for an object that has no key PaperFeed does not
    /// write, so a bot's items that happen to carry a <c>details</c> or <c>url</c> key are not half-read as PaperFeed's.
    /// </summary>
    private static Shape ClassifyObject(ref Utf8JsonReader reader, ref bool sawToken)
    {
        int depth = reader.CurrentDepth;
        bool sawForeign = false, sawDate = false, sawPaperFeedKey = false, badType = false;
        while (reader.Read())
        {
            sawToken = true;
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
            {
                if (badType || (sawForeign && (sawPaperFeedKey || !sawDate))) return Shape.Unknown;
                if (sawPaperFeedKey) return Shape.PaperFeedKey;
                // No distinguishing key: {"title": …} is the smallest PaperFeed paper, {} an empty one, {"date": …} a feed.
                return Shape.PaperFeed;
            }
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            if (reader.ValueTextEquals("date"u8))
            {
                sawDate = true;
                if (!reader.Read() || !reader.TrySkip()) return Undecided(sawForeign, sawPaperFeedKey);
                continue;
            }
            // An archiver's wrapper {status, date, count, data: [items]}: its items tell.
            if (reader.ValueTextEquals("data"u8))
            {
                if (!reader.Read()) return Shape.Undecided;
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    if (!reader.Read()) return Shape.Undecided;
                    if (reader.TokenType is JsonTokenType.String) return Shape.Api;
                    if (reader.TokenType is JsonTokenType.StartObject) return ClassifyObject(ref reader, ref sawToken);
                }
                if (!reader.TrySkip()) return Shape.Undecided;
                sawForeign = true;
                continue;
            }
            if (IsApiKey(ref reader)) return Shape.Api;
            if (IsPaperFeedKey(ref reader)) sawPaperFeedKey = true;
            else if (reader.ValueTextEquals("authors"u8))
            {
                // PaperFeed writes authors as objects ({"name": …}); a list of bare strings is someone else's shape.
                if (!reader.Read()) return Undecided(sawForeign, sawPaperFeedKey);
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    if (!reader.Read()) return Undecided(sawForeign, sawPaperFeedKey);
                    if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number) badType = true;
                    if (reader.TokenType is JsonTokenType.EndArray) continue;
                }
                if (!reader.TrySkip()) return Undecided(sawForeign, sawPaperFeedKey);
                continue;
            }
            // Keys both use (title, upvotes) decide nothing; any other key makes a shape neither reader knows.
            else if (!reader.ValueTextEquals("title"u8) && !reader.ValueTextEquals("upvotes"u8)) sawForeign = true;
            if (!reader.Read() || !reader.TrySkip()) return Undecided(sawForeign, sawPaperFeedKey);
        }
        return Undecided(sawForeign, sawPaperFeedKey);
    }

    // Cut off by the head's end: the keys read so far decide (PaperFeed's alone, or with a key neither reader writes).
    private static Shape Undecided(bool sawForeign, bool sawPaperFeedKey) =>
        sawPaperFeedKey ? (sawForeign ? Shape.Unknown : Shape.PaperFeedKey) : Shape.Undecided;

    private static bool IsApiKey(ref Utf8JsonReader reader)
    {
        foreach (string key in ApiKeys)
        {
            if (reader.ValueTextEquals(key)) return true;
        }
        return false;
    }

    private static bool IsPaperFeedKey(ref Utf8JsonReader reader)
    {
        foreach (string key in PaperFeedKeys)
        {
            if (reader.ValueTextEquals(key)) return true;
        }
        return false;
    }

    /// <summary>
    /// The top-level property names of the first JSON object in the head (an array's first element, a wrapper's first
    /// item), in order, at most <paramref name="max"/>; empty when the head holds no object. For messages that say what was found.
    /// </summary>
    public static IReadOnlyList<string> FirstObjectKeys(ReadOnlySpan<byte> head, int max = 12)
    {
        var content = InputStart.Content(head);
        var keys = new List<string>();
        var reader = new Utf8JsonReader(content, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            AllowMultipleValues = true,
        }));
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.StartObject)
            {
                if (reader.TokenType is not JsonTokenType.StartArray) return keys;
            }
            int depth = reader.CurrentDepth;
            while (keys.Count < max && reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth) break;
                if (reader.TokenType != JsonTokenType.PropertyName) continue;
                keys.Add(reader.GetString() ?? "");
                if (!reader.Read() || !reader.TrySkip()) break;
            }
        }
        catch (JsonException)
        {
            // What was read before the break is what was found.
        }
        catch (InvalidOperationException)
        {
        }
        return keys;
    }
}
