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

    /// <summary>Reads the property names of the object the reader is on until one tells the shape.</summary>
    private static Shape ClassifyObject(ref Utf8JsonReader reader, ref bool sawToken)
    {
        int depth = reader.CurrentDepth;
        bool sawProperty = false, sawDate = false;
        while (reader.Read())
        {
            sawToken = true;
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
            {
                // No distinguishing key: {"title": …} is the smallest PaperFeed paper, {} an empty one, {"date": …} a feed;
                // anything else no reader takes.
                return sawDate || !sawProperty ? Shape.PaperFeed : Shape.Unknown;
            }
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            if (reader.ValueTextEquals("date"u8))
            {
                sawDate = true;
                if (!reader.Read() || !reader.TrySkip()) return Shape.Undecided;
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
                sawProperty = true;
                continue;
            }
            foreach (string key in ApiKeys)
            {
                if (reader.ValueTextEquals(key)) return Shape.Api;
            }
            foreach (string key in PaperFeedKeys)
            {
                if (reader.ValueTextEquals(key)) return Shape.PaperFeedKey;
            }
            // Keys both use (title, authors, upvotes) decide nothing; any other key makes a shape no reader knows.
            if (!reader.ValueTextEquals("title"u8) && !reader.ValueTextEquals("authors"u8) && !reader.ValueTextEquals("upvotes"u8)) sawProperty = true;
            if (!reader.Read() || !reader.TrySkip()) return Shape.Undecided;
        }
        return Shape.Undecided;
    }
}
