using System.Text.Json;
using PaperFeed.IO;

namespace PaperFeed;

/// <summary>
/// Tells the input's format from its first bytes (rules in docs/inputs.md): <c>&lt;</c> is HTML; <c>[</c> or
/// <c>{</c> that starts well-formed JSON is told apart by the property names of the first object; anything else
/// that is text is a text listing (a title may well start with <c>[</c>, so JSON that breaks at once is text).
/// </summary>
internal static class PaperFormatDetector
{
    /// <summary>How many bytes detection reads at most. The first object's distinguishing key comes early in both JSON shapes.</summary>
    public const int PrefixLength = 64 * 1024;

    // Keys only the Hugging Face API uses (item, paper or page level).
    private static readonly string[] ApiKeys =
    [
        "paper", "id", "summary", "publishedAt", "submittedOnDailyAt", "numComments", "ai_summary", "ai_keywords",
        "discussionId", "thumbnail", "submittedBy", "mediaUrls", "isAuthorParticipating", "dailyPapers", "dateString",
        "periodType", "githubRepo", "githubStars", "projectPage", "withdrawnAt",
    ];

    // Keys only PaperFeed's own JSON uses (Feed and Paper records, camelCase).
    private static readonly string[] PaperFeedKeys = ["abstract", "papers", "date", "arxivId", "authorCount", "published", "featured", "url", "details"];

    /// <summary>Detects the format of the input that starts with <paramref name="start"/>; null when it is not one PaperFeed reads.</summary>
    /// <param name="start">The first bytes (up to <see cref="PrefixLength"/> is enough).</param>
    /// <param name="isEntireInput">True when <paramref name="start"/> is the whole input.</param>
    public static PaperFormat? Detect(ReadOnlySpan<byte> start, bool isEntireInput)
    {
        if (start.IndexOf((byte)0) >= 0) return null;
        var content = InputStart.Content(start);
        if (content.IsEmpty) return PaperFormat.TextListing; // empty: a listing with no snapshot
        if (content[0] == (byte)'<') return PaperFormat.Html;
        if (content[0] is (byte)'[' or (byte)'{')
        {
            var json = DetectJson(content, isEntireInput, out bool isJson);
            if (json is not null || isJson) return json;
        }
        return LooksLikeText(content) ? PaperFormat.TextListing : null;
    }

    /// <summary>Text, not binary: few control characters other than whitespace (a truncated UTF-8 sequence at the end is fine).</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> start)
    {
        int controls = 0;
        foreach (byte b in start)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C)) controls++;
        }
        return controls * 100 <= start.Length;
    }

    /// <summary>
    /// The JSON format, or null when the bytes do not start well-formed JSON of a known shape; <paramref name="isJson"/>
    /// tells the two apart (JSON of an unknown shape is an unknown format, not a text listing).
    /// </summary>
    private static PaperFormat? DetectJson(ReadOnlySpan<byte> json, bool isFinal, out bool isJson)
    {
        isJson = false;
        var reader = new Utf8JsonReader(json, isFinal, new JsonReaderState(new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            AllowMultipleValues = true,
        }));
        try
        {
            if (!reader.Read()) return null;
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                if (!reader.Read()) return null;
                isJson = true;
                // An empty array reads as no papers in either JSON reader; the API reader also takes nulls.
                if (reader.TokenType is JsonTokenType.EndArray or JsonTokenType.Null) return PaperFormat.HuggingFaceApiJson;
                if (reader.TokenType != JsonTokenType.StartObject) return null;
                return ClassifyObject(ref reader, out _) switch
                {
                    Shape.Api => PaperFormat.HuggingFaceApiJson,
                    Shape.PaperFeed => PaperFormat.PaperFeedJson,
                    _ => null,
                };
            }
            var shape = ClassifyObject(ref reader, out isJson);
            if (shape == Shape.Api) return PaperFormat.HuggingFaceApiJson; // its reader takes one object and JSON Lines alike
            if (shape != Shape.PaperFeed) return null;
            // PaperFeed's two shapes need different readers: JSON Lines has another value after the first.
            if (!SkipRestOfObject(ref reader)) return PaperFormat.PaperFeedJson; // a first object longer than the prefix: one document
            return reader.Read() ? PaperFormat.PaperFeedJsonLines : PaperFormat.PaperFeedJson;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private enum Shape { Unknown, Api, PaperFeed }

    /// <summary>Reads the property names of the object the reader is on until one tells the shape; the reader stays inside the object.</summary>
    /// <param name="reader">On a <c>{</c>.</param>
    /// <param name="sawProperty">Set once a whole property name was read: the input is JSON, not text that starts with a brace.</param>
    private static Shape ClassifyObject(ref Utf8JsonReader reader, out bool sawProperty)
    {
        int depth = reader.CurrentDepth;
        bool sawTitle = false;
        sawProperty = false;
        while (reader.Read())
        {
            sawProperty = true;
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
            {
                // Only shared keys (a bare {"title": ...}) is the smallest PaperFeed paper.
                return sawTitle ? Shape.PaperFeed : Shape.Unknown;
            }
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            foreach (string key in ApiKeys)
            {
                if (reader.ValueTextEquals(key)) return Shape.Api;
            }
            foreach (string key in PaperFeedKeys)
            {
                if (reader.ValueTextEquals(key)) return Shape.PaperFeed;
            }
            sawTitle |= reader.ValueTextEquals("title"u8);
            if (!reader.Read() || !reader.TrySkip()) return sawTitle ? Shape.PaperFeed : Shape.Unknown;
        }
        return sawTitle ? Shape.PaperFeed : Shape.Unknown;
    }

    /// <summary>Moves past the end of the top-level object the reader is inside; false when the prefix ends first.</summary>
    private static bool SkipRestOfObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0) return true;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0) return true;
        }
        return false;
    }
}
