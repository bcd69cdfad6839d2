using System.Text.Json;

namespace PaperFeed.Api;

/// <summary>
/// The fields of one API item that held a value of the wrong type (an array for <c>summary</c>, an object for
/// <c>authors</c>, a number for <c>title</c>), noted by their lenient converters while the item is deserialized on
/// this thread, so that the reader can warn about each by name instead of dropping or coercing it silently.
/// </summary>
internal static class MistypedFields
{
    [ThreadStatic] private static List<(string Field, JsonTokenType Token, bool Kept)>? t_notes;
    [ThreadStatic] private static string? t_prefix;

    /// <summary>Starts noting for one item (forgets what an earlier item left).</summary>
    public static void Begin()
    {
        t_notes?.Clear();
        t_prefix = null;
    }

    /// <summary>Notes a field of the wrong type: <paramref name="kept"/> when its value was kept as text (a number).</summary>
    public static void Note(string field, JsonTokenType token, bool kept)
    {
        // Readers that never ask (an HTML page's embedded JSON) leave notes behind: a few are enough to keep.
        var notes = t_notes ??= [];
        if (notes.Count < 64) notes.Add((t_prefix is null ? field : t_prefix + field, token, kept));
    }

    /// <summary>Notes inside the item's nested <c>paper</c> object are named <c>paper.…</c>.</summary>
    public static void EnterPaper() => t_prefix = "paper.";

    /// <summary>Back to the item's own fields.</summary>
    public static void LeavePaper() => t_prefix = null;

    /// <summary>What was noted since <see cref="Begin"/>, as warning messages for the item at <paramref name="path"/>.</summary>
    public static IEnumerable<string> Messages(string path)
    {
        if (t_notes is not { Count: > 0 } notes) yield break;
        foreach (var (field, token, kept) in notes.ToArray())
        {
            yield return kept
                ? $"the field {field} of the item at {path} is {Describe(token)}, not a string; read as its text"
                : $"the field {field} of the item at {path} is {Describe(token)}, not {Expected(field)}; read as missing";
        }
        notes.Clear();
    }

    private static string Expected(string field) => field.EndsWith("authors", StringComparison.Ordinal) ? "an array" : "a string";

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.String => "a string",
        _ => "of another type",
    };
}
