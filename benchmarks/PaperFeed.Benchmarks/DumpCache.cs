using System.Globalization;
using PaperFeed.Testing;

namespace PaperFeed.Benchmarks;

/// <summary>
/// Generated inputs, written once into the temp folder and reused by every benchmark process (BenchmarkDotNet
/// runs each case in its own process). The file name carries everything that decides the content.
/// </summary>
public static class DumpCache
{
    /// <summary>Bump when the generator's output changes, so stale dumps are not reused.</summary>
    private const int GeneratorRevision = 2;

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "paperfeed-benchmarks");

    /// <summary>The options of the dump of <paramref name="sizeMB"/> megabytes (10^6 bytes) every benchmark reads.</summary>
    public static DumpOptions Options(int sizeMB) => new()
    {
        Seed = 20260101,
        TargetBytes = sizeMB * 1_000_000L,
        LineEndings = DumpLineEndings.Lf,
    };

    /// <summary>The path of the dump of <paramref name="sizeMB"/> MB, generated if missing, and what it contains.</summary>
    public static (string Path, DumpSummary Summary) Text(int sizeMB)
    {
        string path = Path.Combine(Folder, $"dump-r{GeneratorRevision}-{sizeMB}MB.txt");
        string countsPath = path + ".counts";
        if (!File.Exists(countsPath))
        {
            Directory.CreateDirectory(Folder);
            // Write under a unique name, then move: a concurrent process never sees half a file.
            string temporary = $"{path}.{Environment.ProcessId}.tmp";
            var summary = DumpGenerator.WriteFile(temporary, Options(sizeMB));
            File.Move(temporary, path, overwrite: true);
            File.WriteAllLines(countsPath + $".{Environment.ProcessId}.tmp", Serialize(summary));
            File.Move(countsPath + $".{Environment.ProcessId}.tmp", countsPath, overwrite: true);
        }
        return (path, Deserialize(File.ReadAllLines(countsPath)));
    }

    /// <summary>The papers of the text dump of <paramref name="sizeMB"/> MB as JSON Lines, written if missing.</summary>
    public static string JsonLines(int sizeMB)
    {
        var (textPath, _) = Text(sizeMB);
        string path = Path.ChangeExtension(textPath, ".jsonl");
        if (!File.Exists(path))
        {
            string temporary = $"{path}.{Environment.ProcessId}.tmp";
            using (var reader = new StreamReader(textPath))
            using (var output = File.Create(temporary))
            {
                FeedJson.WritePapers(output, FeedReader.Default.ReadPapers(FeedInput.FromReader(reader)));
            }
            File.Move(temporary, path, overwrite: true);
        }
        return path;
    }

    private static string[] Serialize(DumpSummary s) =>
    [
        .. new long[] { s.Bytes, s.PaperTextChars, s.Expected.Feeds, s.Expected.Papers, s.Expected.PapersWithMetadata, s.Expected.Lines, s.Expected.Warnings, s.Expected.Infos }
            .Select(v => v.ToString(CultureInfo.InvariantCulture)),
    ];

    private static DumpSummary Deserialize(string[] lines)
    {
        long[] v = [.. lines.Select(l => long.Parse(l, CultureInfo.InvariantCulture))];
        return new DumpSummary
        {
            Bytes = v[0],
            PaperTextChars = v[1],
            Expected = new FeedStatistics { Feeds = v[2], Papers = v[3], PapersWithMetadata = v[4], Lines = v[5], Warnings = v[6], Infos = v[7] },
        };
    }
}
