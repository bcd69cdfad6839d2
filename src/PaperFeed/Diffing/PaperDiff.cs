using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PaperFeed;

/// <summary>
/// What changed between two observations of the listing (yesterday's save and today's, two captures of one day):
/// papers added, removed, or changed field by field. Papers are matched by <see cref="PaperIdentity"/>.
/// </summary>
public static class PaperDiff
{
    /// <summary>
    /// A NEW day with fewer than this share of OLD's papers featured on the same day gets a
    /// <see cref="DiagnosticCodes.HalfPublishedDay"/> warning: 0.5 (under half).
    /// </summary>
    public static double HalfPublishedRatio => 0.5;

    private static readonly JsonSerializerOptions LineOptions = new()
    {
        // Titles stay readable (é, not \u00e9); the lines are data, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly PaperDiffJsonContext LineContext = new(LineOptions);

    private static readonly JsonWriterOptions LineWriterOptions = new() { Encoder = LineOptions.Encoder };

    /// <summary>
    /// The changes from <paramref name="old"/> to <paramref name="new"/>: added and changed papers in NEW's order,
    /// then removed papers in OLD's order. Only the first copy of a paper on each side counts. Empty when both
    /// hold the same papers with the same fields.
    /// </summary>
    /// <param name="old">The older observation.</param>
    /// <param name="new">The newer observation.</param>
    /// <param name="onDiagnostic">Hears a <see cref="DiagnosticCodes.HalfPublishedDay"/> warning per featured day that NEW
    /// holds fewer than half of OLD's papers of.</param>
    public static IReadOnlyList<PaperChange> Compute(IEnumerable<Paper> old, IEnumerable<Paper> @new, Action<FeedDiagnostic>? onDiagnostic = null)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        return Compute(old, @new, onDiagnostic is null ? null : (o, n) => WarnHalfPublished(CountBy(o, p => p.Featured), CountBy(n, p => p.Featured), onDiagnostic));
    }

    /// <summary>
    /// The changes between the papers of two sets of feeds (see <see cref="Compute(IEnumerable{Paper}, IEnumerable{Paper}, Action{FeedDiagnostic}?)"/>).
    /// The half-published check compares the feeds' <see cref="Feed.Period"/>s, so a NEW capture of a day with no
    /// papers yet (a header-only save) is caught too.
    /// </summary>
    public static IReadOnlyList<PaperChange> Compute(IEnumerable<Feed> old, IEnumerable<Feed> @new, Action<FeedDiagnostic>? onDiagnostic = null)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var oldFeeds = old.ToList();
        var newFeeds = @new.ToList();
        return Compute(oldFeeds.SelectMany(f => f.Papers), newFeeds.SelectMany(f => f.Papers),
            onDiagnostic is null ? null : (_, _) => WarnHalfPublished(CountByPeriod(oldFeeds), CountByPeriod(newFeeds), onDiagnostic));
    }

    private static IReadOnlyList<PaperChange> Compute(IEnumerable<Paper> old, IEnumerable<Paper> @new, Action<List<Paper>, List<Paper>>? check)
    {
        var oldIndex = new IdentityIndex<int>();
        var oldPapers = new List<Paper>();
        foreach (var paper in old)
        {
            if (oldIndex.TryAdd(paper, oldPapers.Count)) oldPapers.Add(paper);
        }

        var matched = new bool[oldPapers.Count];
        var newSeen = new IdentityIndex<bool>();
        var newPapers = new List<Paper>();
        var changes = new List<PaperChange>();
        foreach (var paper in @new)
        {
            string titleKey = PaperIdentity.NormalizeTitle(paper.Title); // once for both lookups
            if (!newSeen.TryAdd(paper, titleKey, true)) continue;
            newPapers.Add(paper);
            if (!oldIndex.TryGetValue(paper, titleKey, out int at) || matched[at])
            {
                changes.Add(new PaperChange(PaperChangeKind.Added, paper, []));
                continue;
            }
            matched[at] = true;
            var fields = FieldComparer.Compare(oldPapers[at], paper);
            if (fields.Count > 0) changes.Add(new PaperChange(PaperChangeKind.Changed, paper, fields));
        }
        for (int i = 0; i < oldPapers.Count; i++)
        {
            if (!matched[i]) changes.Add(new PaperChange(PaperChangeKind.Removed, oldPapers[i], []));
        }
        check?.Invoke(oldPapers, newPapers);
        return changes;
    }

    /// <summary>
    /// Writes one compact JSON object per change and a line feed (JSON Lines):
    /// <c>{"change":"changed","title":"…","arxivId":"2508.01234","changes":{"upvotes":{"old":3,"new":9}}}</c>;
    /// <c>arxivId</c> only when known, <c>changes</c> only on <c>changed</c>. The lines reach
    /// <paramref name="destination"/> in batches of about 64 KiB (one write each), and it is flushed at the end.
    /// </summary>
    /// <param name="destination">UTF-8 output; not disposed.</param>
    /// <param name="changes">The changes, as <c>Compute</c> gives them.</param>
    public static void WriteJsonLines(Stream destination, IEnumerable<PaperChange> changes)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(changes);
        var batch = new OutputBatch(destination);
        using var writer = new Utf8JsonWriter((IBufferWriter<byte>)batch, LineWriterOptions);
        foreach (var change in changes)
        {
            WriteJsonLine(writer, batch, change);
            batch.DrainIfFull();
        }
        batch.Complete();
    }

    /// <summary>
    /// Writes the changes as JSON Lines (see <see cref="WriteJsonLines"/>), writing to and flushing
    /// <paramref name="destination"/> only asynchronously: fit for a stream that refuses synchronous I/O, such as an
    /// ASP.NET Core response body.
    /// </summary>
    /// <param name="destination">UTF-8 output; not disposed.</param>
    /// <param name="changes">The changes, as <c>Compute</c> gives them.</param>
    /// <param name="cancellationToken">Stops between changes.</param>
    public static async Task WriteJsonLinesAsync(Stream destination, IEnumerable<PaperChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(changes);
        var batch = new OutputBatch(destination);
        using var writer = new Utf8JsonWriter((IBufferWriter<byte>)batch, LineWriterOptions);
        foreach (var change in changes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteJsonLine(writer, batch, change);
            await batch.DrainIfFullAsync(cancellationToken).ConfigureAwait(false);
        }
        await batch.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One change as its JSON line (without the line feed).</summary>
    public static string ToJsonLine(PaperChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return JsonSerializer.Serialize(DiffLine.From(change), LineContext.DiffLine);
    }

    /// <summary>
    /// Writes the changes for people: one line per paper (<c>added</c>, <c>removed</c>, <c>changed</c>, the title,
    /// the arXiv id), the changed fields indented below as <c>field: old -> new</c>, and a closing count line. Lines end
    /// with <paramref name="writer"/>'s <see cref="TextWriter.NewLine"/>; the text goes to it in chunks of about 64 K characters.
    /// </summary>
    public static void WriteTable(TextWriter writer, IEnumerable<PaperChange> changes)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var chunk in TableChunks(writer.NewLine, changes)) writer.Write(chunk);
    }

    /// <summary>
    /// Writes the changes for people (see <see cref="WriteTable"/>) with the writer's asynchronous methods only.
    /// </summary>
    /// <param name="writer">The output; not flushed (a <see cref="StreamWriter"/> flushes when disposed).</param>
    /// <param name="changes">The changes, as <c>Compute</c> gives them.</param>
    /// <param name="cancellationToken">Stops between chunks.</param>
    public static async Task WriteTableAsync(TextWriter writer, IEnumerable<PaperChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var chunk in TableChunks(writer.NewLine, changes)) await writer.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
    }

    private static void WriteJsonLine(Utf8JsonWriter writer, IBufferWriter<byte> output, PaperChange change)
    {
        JsonSerializer.Serialize(writer, DiffLine.From(change), LineContext.DiffLine);
        writer.Flush();
        writer.Reset();
        output.Write("\n"u8);
    }

    /// <summary>
    /// The table's text in chunks: the one builder, handed out each time it passes 64 K characters and at the end
    /// (the caller writes it before asking for more).
    /// </summary>
    private static IEnumerable<StringBuilder> TableChunks(string newLine, IEnumerable<PaperChange> changes)
    {
        const int ChunkChars = 64 * 1024;
        var text = new StringBuilder();
        int added = 0, removed = 0, changed = 0;
        foreach (var change in changes)
        {
            string kind = change.Kind switch
            {
                PaperChangeKind.Added => "added  ",
                PaperChangeKind.Removed => "removed",
                _ => "changed",
            };
            _ = change.Kind switch
            {
                PaperChangeKind.Added => added++,
                PaperChangeKind.Removed => removed++,
                _ => changed++,
            };
            text.Append(kind).Append("  ").Append(change.Title);
            if (change.ArxivId is string id) text.Append(" (").Append(id).Append(')');
            text.Append(newLine);
            foreach (var field in change.Changes)
            {
                text.Append("           ").Append(field.Field).Append(": ").Append(Display(field.Old)).Append(" -> ").Append(Display(field.New)).Append(newLine);
            }
            if (text.Length < ChunkChars) continue;
            yield return text;
            text.Clear();
        }
        text.Append(CultureInfo.InvariantCulture, $"{added} added, {changed} changed, {removed} removed").Append(newLine);
        yield return text;
    }

    private static string Display(JsonElement? value)
    {
        if (value is not JsonElement element) return "(none)";
        // A string as itself; anything else as its JSON, written readable as in the JSON Lines.
        string text = element.ValueKind == JsonValueKind.String ? element.GetString()! : JsonSerializer.Serialize(element, LineContext.JsonElement);
        return text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
    }

    private static void WarnHalfPublished<TKey>(Dictionary<TKey, int> oldCounts, Dictionary<TKey, int> newCounts, Action<FeedDiagnostic> onDiagnostic)
        where TKey : notnull
    {
        foreach (var (key, oldCount) in oldCounts)
        {
            if (!newCounts.TryGetValue(key, out int newCount) || newCount >= oldCount * HalfPublishedRatio) continue;
            string message = string.Create(CultureInfo.InvariantCulture,
                $"NEW has {newCount} papers featured on {key}, OLD has {oldCount}: the day may be half-published.");
            onDiagnostic(new FeedDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.HalfPublishedDay, DiagnosticLocation.None, message));
        }
    }

    /// <summary>Papers per key, in order of each key's first paper (so warnings come out in OLD's order).</summary>
    private static Dictionary<PaperDate, int> CountBy(List<Paper> papers, Func<Paper, PaperDate?> key)
    {
        var counts = new Dictionary<PaperDate, int>();
        foreach (var paper in papers)
        {
            if (key(paper) is PaperDate day) counts[day] = counts.GetValueOrDefault(day) + 1;
        }
        return counts;
    }

    /// <summary>Papers per feed period; a period with an empty feed counts 0.</summary>
    private static Dictionary<FeedPeriod, int> CountByPeriod(List<Feed> feeds)
    {
        var counts = new Dictionary<FeedPeriod, int>();
        foreach (var feed in feeds)
        {
            if (feed.Period is FeedPeriod period) counts[period] = counts.GetValueOrDefault(period) + feed.Papers.Count;
        }
        return counts;
    }
}
