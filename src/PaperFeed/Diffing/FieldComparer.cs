using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PaperFeed;

/// <summary>Lists the fields that differ between two copies of one paper, as JSON values.</summary>
internal static class FieldComparer
{
    public static List<PaperFieldChange> Compare(Paper old, Paper @new)
    {
        var changes = new List<PaperFieldChange>();
        PaperDetails? o = old.Details, n = @new.Details;
        Add(changes, "title", old.Title, @new.Title);
        Add(changes, "abstract", old.Abstract, @new.Abstract);
        Add(changes, "authorCount", old.AuthorCount, @new.AuthorCount);
        Add(changes, "authors", Names(old.Authors), Names(@new.Authors));
        Add(changes, "published", old.Published?.ToString(), @new.Published?.ToString());
        Add(changes, "upvotes", old.Upvotes, @new.Upvotes);
        Add(changes, "arxivId", old.ArxivId, @new.ArxivId);
        Add(changes, "url", old.Url, @new.Url);
        Add(changes, "featured", old.Featured?.ToString(), @new.Featured?.ToString());
        Add(changes, "aiSummary", o?.AiSummary, n?.AiSummary);
        Add(changes, "aiKeywords", o?.AiKeywords, n?.AiKeywords);
        Add(changes, "githubRepo", o?.GithubRepo, n?.GithubRepo);
        Add(changes, "githubStars", o?.GithubStars, n?.GithubStars);
        Add(changes, "projectPage", o?.ProjectPage, n?.ProjectPage);
        Add(changes, "organization", o?.Organization?.Name, n?.Organization?.Name);
        Add(changes, "commentCount", o?.CommentCount, n?.CommentCount);
        Add(changes, "withdrawnAt", Time(o?.WithdrawnAt), Time(n?.WithdrawnAt));
        Add(changes, "submitter", o?.Submitter, n?.Submitter);
        return changes;
    }

    private static void Add(List<PaperFieldChange> changes, string field, string? old, string? @new)
    {
        if (old != @new) changes.Add(new(field, String(old), String(@new)));
    }

    private static void Add(List<PaperFieldChange> changes, string field, int? old, int? @new)
    {
        if (old != @new) changes.Add(new(field, Number(old), Number(@new)));
    }

    private static void Add(List<PaperFieldChange> changes, string field, IReadOnlyList<string>? old, IReadOnlyList<string>? @new)
    {
        old = old is { Count: > 0 } ? old : null;
        @new = @new is { Count: > 0 } ? @new : null;
        if (old is null ? @new is null : @new is not null && old.SequenceEqual(@new, StringComparer.Ordinal)) return;
        changes.Add(new(field, Array(old), Array(@new)));
    }

    private static JsonElement? String(string? value) => value is null ? null : Element(value, static (writer, v) => writer.WriteStringValue(v));

    private static JsonElement? Number(int? value) => value is int number ? Element(number, static (writer, v) => writer.WriteNumberValue(v)) : null;

    private static JsonElement? Array(IReadOnlyList<string>? values) => values is null ? null : Element(values, static (writer, list) =>
    {
        writer.WriteStartArray();
        foreach (string value in list) writer.WriteStringValue(value);
        writer.WriteEndArray();
    });

    /// <summary>A value as an immutable element that owns its bytes (written readable: é, not \u00e9, as diff output is).</summary>
    private static JsonElement Element<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer, value);
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static List<string> Names(IReadOnlyList<Author> authors) => authors.Select(a => a.Name).ToList();

    private static string? Time(DateTimeOffset? time) => time?.ToString("O", CultureInfo.InvariantCulture);
}
