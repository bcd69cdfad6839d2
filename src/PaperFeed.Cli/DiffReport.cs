using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PaperFeed.Cli;

/// <summary>
/// <c>paperfeed diff</c> for people (standard output a terminal): a count line, then the added, changed and removed
/// papers under one heading each, every changed field below its paper as <c>field: old -> new</c>. Scripts get
/// <see cref="PaperDiff.WriteJsonLinesAsync"/>'s JSON Lines instead.
/// </summary>
internal static class DiffReport
{
    /// <summary>The longest value shown; the JSON Lines carry the whole of it.</summary>
    private const int MaxValueLength = 80;

    private static readonly JsonWriterOptions ValueWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The report's text, lines ending in <c>\n</c>.</summary>
    public static string Format(string oldName, string newName, IReadOnlyList<PaperChange> changes, Style style)
    {
        var text = new StringBuilder();
        int added = changes.Count(c => c.Kind == PaperChangeKind.Added);
        int changed = changes.Count(c => c.Kind == PaperChangeKind.Changed);
        int removed = changes.Count(c => c.Kind == PaperChangeKind.Removed);
        text.Append(style.Heading($"{oldName} -> {newName}")).Append(": ");
        if (changes.Count == 0) return text.Append("no changes (the same papers with the same fields)\n").ToString();
        text.Append(CultureInfo.InvariantCulture, $"{added} added, {changed} changed, {removed} removed\n");

        Section(PaperChangeKind.Added, "Added", added, style.Added);
        Section(PaperChangeKind.Changed, "Changed", changed, style.Changed);
        Section(PaperChangeKind.Removed, "Removed", removed, style.Removed);
        return text.ToString();

        void Section(PaperChangeKind kind, string heading, int count, Func<string, string> paint)
        {
            if (count == 0) return;
            text.Append('\n').Append(paint(string.Create(CultureInfo.InvariantCulture, $"{heading} ({count})"))).Append('\n');
            foreach (var change in changes.Where(c => c.Kind == kind))
            {
                text.Append("  ").Append(change.Title);
                if (change.ArxivId is string id) text.Append("  ").Append(style.Dim(id));
                text.Append('\n');
                foreach (var field in change.Changes)
                {
                    text.Append("      ").Append(field.Field).Append(": ").Append(Display(field.Old)).Append(" -> ").Append(Display(field.New)).Append('\n');
                }
            }
        }
    }

    /// <summary>A string as itself, anything else as its JSON (readable, not \u-escaped); long values cut.</summary>
    private static string Display(JsonElement? value)
    {
        if (value is not JsonElement element) return "(none)";
        string text;
        if (element.ValueKind == JsonValueKind.String)
        {
            text = element.GetString()!;
        }
        else
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, ValueWriterOptions)) element.WriteTo(writer);
            text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        text = Reporter.Bound(text);
        return text.Length <= MaxValueLength ? text : string.Concat(text.AsSpan(0, MaxValueLength - 3), "...");
    }
}
