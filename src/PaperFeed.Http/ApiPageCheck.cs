using System.Text.Json;

namespace PaperFeed.Http;

/// <summary>
/// Decides whether a 200 body is a page of <c>/api/daily_papers</c>: one JSON array of item objects, complete. An HTML
/// error page, a truncated body or an error object (<c>{"error": …}</c>) is not, and the attempt counts as failed.
/// </summary>
internal static class ApiPageCheck
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>The items' ids in order (see <see cref="DailyPapersPage.PaperIds"/>), or null with why the body is not a page.</summary>
    public static IReadOnlyList<string>? Check(ReadOnlyMemory<byte> body, out string? rejection)
    {
        var span = body.Span;
        int start = 0;
        while (start < span.Length && span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        if (span[start..].StartsWith("\xEF\xBB\xBF"u8)) start += 3;
        if (start == span.Length)
        {
            rejection = "empty body";
            return null;
        }
        if (span[start] == (byte)'<')
        {
            rejection = "an HTML or XML page, not the API's JSON";
            return null;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body[start..], Options);
        }
        catch (JsonException e)
        {
            rejection = $"not complete JSON ({e.Message.Split('.')[0].Trim()}), a truncated or broken body";
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                rejection = root.TryGetProperty("error", out var error)
                    ? $"an error object: {Shorten(error.ValueKind == JsonValueKind.String ? error.GetString() : error.GetRawText())}"
                    : "a JSON object, not the API's array of items";
                return null;
            }
            if (root.ValueKind != JsonValueKind.Array)
            {
                rejection = $"JSON {root.ValueKind.ToString().ToLowerInvariant()}, not the API's array of items";
                return null;
            }
            var ids = new List<string>(root.GetArrayLength());
            int index = 0;
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    rejection = $"item {index} is JSON {item.ValueKind.ToString().ToLowerInvariant()}, not an object";
                    return null;
                }
                ids.Add(Id(item) ?? $"#{index}");
                index++;
            }
            rejection = null;
            return ids;
        }
    }

    /// <summary><c>paper.id</c>, else the item's or paper's title.</summary>
    private static string? Id(JsonElement item)
    {
        if (item.TryGetProperty("paper", out var paper) && paper.ValueKind == JsonValueKind.Object)
        {
            if (paper.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text) return text;
            if (paper.TryGetProperty("title", out var paperTitle) && paperTitle.ValueKind == JsonValueKind.String) return "title:" + paperTitle.GetString();
        }
        if (item.TryGetProperty("id", out var flat) && flat.ValueKind == JsonValueKind.String && flat.GetString() is { Length: > 0 } flatId) return flatId;
        return item.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? "title:" + title.GetString() : null;
    }

    private static string Shorten(string? text)
    {
        text = (text ?? "").ReplaceLineEndings(" ");
        return text.Length <= 120 ? text : text[..120] + "…";
    }
}
