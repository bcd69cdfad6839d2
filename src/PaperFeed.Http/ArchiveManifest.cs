using System.Globalization;
using System.Text.Json;

namespace PaperFeed.Http;

/// <summary>
/// An archive's manifest read back: its complete observations, in the order they were committed. A last line without
/// its line end (a run killed while appending) is ignored; page lines of an observation that has no <c>complete</c>
/// line (a run killed mid-day, or a day that failed) are invisible.
/// </summary>
internal static class ArchiveManifest
{
    /// <exception cref="IOException">The manifest cannot be read, or a line of it is not a manifest record.</exception>
    public static IReadOnlyList<ArchiveObservation> Read(string directory)
    {
        string path = Path.Combine(directory, ArchiveWriter.ManifestName);
        byte[] bytes;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)) bytes = ReadAll(file);
        var pages = new Dictionary<string, List<ArchivePage>>(StringComparer.Ordinal);
        var observations = new List<ArchiveObservation>();
        int start = 0, line = 0;
        while (start < bytes.Length)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0) break; // a line being appended, or cut by a crash: not a record yet
            line++;
            var span = bytes.AsSpan(start, end - start);
            start = end + 1;
            if (span.Trim(" \r\t"u8).IsEmpty) continue;
            ManifestRecord? record;
            try
            {
                record = JsonSerializer.Deserialize(span, ManifestJsonContext.Default.ManifestRecord);
            }
            catch (JsonException e)
            {
                throw new IOException($"{path}:{line}: not a manifest record ({e.Message})", e);
            }
            if (record is null) continue;
            if (line == 1 && record is not { Kind: ManifestRecord.ArchiveKind }) throw new IOException($"{path}:1: not a PaperFeed archive manifest (no 'archive' line)");
            switch (record.Kind)
            {
                case ManifestRecord.PageKind when record is { Observation: { } id, Page: int page, Sha256: { } sha, File: { } body }:
                    if (!pages.TryGetValue(id, out var list)) pages[id] = list = [];
                    list.Add(new ArchivePage
                    {
                        Page = page, Url = record.Url ?? "", StatusCode = record.Status ?? 200, ObservedAt = record.Time, Sha256 = sha,
                        ItemCount = record.Items ?? 0, File = body, RateLimit = record.RateLimit, RateLimitPolicy = record.RateLimitPolicy,
                    });
                    break;
                case ManifestRecord.CompleteKind when record is { Observation: { } id, Day: { } day }:
                    var stored = pages.GetValueOrDefault(id) ?? [];
                    stored.Sort((a, b) => a.Page.CompareTo(b.Page));
                    if (stored.Count != (record.Pages ?? stored.Count) || stored.Where((p, i) => p.Page != i).Any())
                    {
                        throw new IOException($"{path}:{line}: observation {id} is committed with {record.Pages} pages, but its page lines are {string.Join(",", stored.Select(p => p.Page))}");
                    }
                    if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var listingDay))
                    {
                        throw new IOException($"{path}:{line}: '{day}' is not a day (yyyy-MM-dd)");
                    }
                    observations.Add(new ArchiveObservation
                    {
                        Day = listingDay, Id = id,
                        ObservedAt = stored.Count > 0 ? stored[0].ObservedAt : record.Time, CompletedAt = record.Time,
                        PaperCount = record.Papers ?? 0, Pages = stored,
                    });
                    pages.Remove(id);
                    break;
            }
        }
        return observations;
    }

    private static byte[] ReadAll(FileStream file)
    {
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        return buffer.ToArray();
    }
}
