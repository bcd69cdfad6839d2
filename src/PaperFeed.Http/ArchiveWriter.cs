using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace PaperFeed.Http;

/// <summary>
/// Appends to an archive, crash-safely: a body is written to a temporary file, flushed to disk and renamed to its
/// content-addressed name before the manifest line naming it is appended (one write, then flushed to disk). So at any
/// moment the manifest names only bodies that are whole, and an observation is visible only once its <c>complete</c>
/// line is. One writer at a time: it holds <c>.lock</c> (released by the system when the process dies, even by kill -9).
/// </summary>
internal sealed class ArchiveWriter : IDisposable
{
    public const string ManifestName = "manifest.jsonl";
    public const string BodiesName = "bodies";
    private const string LockName = ".lock";
    private const string TemporarySuffix = ".tmp";

    private readonly string _directory;
    private readonly FileStream _lock;
    private readonly FileStream _manifest;
    private readonly Lock _gate = new();

    private ArchiveWriter(string directory, FileStream @lock, FileStream manifest)
    {
        _directory = directory;
        _lock = @lock;
        _manifest = manifest;
    }

    /// <summary>Opens (or creates) the archive in <paramref name="directory"/> for appending.</summary>
    /// <exception cref="IOException">Another fetch holds the archive, or the directory cannot be written.</exception>
    public static ArchiveWriter Open(string directory, DateTimeOffset now)
    {
        Directory.CreateDirectory(directory);
        FileStream @lock;
        try
        {
            @lock = new FileStream(Path.Combine(directory, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"{directory}: the archive is in use by another fetch ({e.Message})", e);
        }
        try
        {
            string bodies = Path.Combine(directory, BodiesName);
            Directory.CreateDirectory(bodies);
            // Bodies a killed run left half-written: never named by the manifest, so nothing reads them.
            foreach (string stale in Directory.EnumerateFiles(bodies, "*" + TemporarySuffix, SearchOption.AllDirectories)) File.Delete(stale);
            var manifest = new FileStream(Path.Combine(directory, ManifestName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            var writer = new ArchiveWriter(directory, @lock, manifest);
            writer.RepairTail();
            if (manifest.Length == 0) writer.Append(new ManifestRecord { Kind = ManifestRecord.ArchiveKind, Format = ManifestRecord.FormatName, Time = now });
            return writer;
        }
        catch
        {
            @lock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Cuts a line a killed run left half-written at the end of the manifest (its bytes never formed a record): the
    /// next line then starts on a line of its own.
    /// </summary>
    private void RepairTail()
    {
        long length = _manifest.Length;
        if (length == 0) return;
        var one = new byte[1];
        _manifest.Position = length - 1;
        _manifest.ReadExactly(one);
        if (one[0] == (byte)'\n')
        {
            _manifest.Position = length;
            return;
        }
        // Back to the last line end (the manifest's lines are short: read backwards in blocks).
        long end = length;
        var block = new byte[4096];
        long cut = 0;
        while (end > 0)
        {
            int size = (int)Math.Min(block.Length, end);
            _manifest.Position = end - size;
            _manifest.ReadExactly(block, 0, size);
            int newline = Array.LastIndexOf(block, (byte)'\n', size - 1, size);
            if (newline >= 0)
            {
                cut = end - size + newline + 1;
                break;
            }
            end -= size;
        }
        _manifest.SetLength(cut);
        _manifest.Flush(flushToDisk: true);
        _manifest.Position = cut;
    }

    /// <summary>Stores a body under its SHA-256 (gzip-compressed), unless an identical one is stored; returns its relative path.</summary>
    public string StoreBody(DateOnly day, ReadOnlySpan<byte> body, out string sha256)
    {
        sha256 = Convert.ToHexStringLower(SHA256.HashData(body));
        string relative = $"{BodiesName}/{day:yyyy-MM}/{sha256}.json.gz";
        string path = Path.Combine(_directory, relative);
        if (File.Exists(path)) return relative;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + TemporarySuffix;
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            using (var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(body);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
        return relative;
    }

    /// <summary>Appends one manifest line in one write, flushed to disk before returning.</summary>
    public void Append(ManifestRecord record)
    {
        byte[] line = [.. JsonSerializer.SerializeToUtf8Bytes(record, ManifestJsonContext.Default.ManifestRecord), (byte)'\n'];
        lock (_gate)
        {
            _manifest.Write(line);
            _manifest.Flush(flushToDisk: true);
        }
    }

    public void Dispose()
    {
        _manifest.Dispose();
        _lock.Dispose();
    }
}
