using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PaperFeed.Export;

/// <summary>
/// Papers parked in a temporary file (deleted on close) as JSON lines of the PaperFeed contract, then read back in
/// order: a second pass over a one-pass input without holding it in memory. Each line keeps the paper's
/// <see cref="Paper.SourceLine"/> (not part of the JSON contract) ahead of a tab.
/// </summary>
internal sealed class PaperSpool : IDisposable
{
    private readonly FileStream _file = new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
    private readonly Utf8JsonWriter _json;

    public PaperSpool() => _json = new Utf8JsonWriter(_file);

    public void Add(Paper paper)
    {
        if (paper.SourceLine is long line) _file.Write(Encoding.ASCII.GetBytes(line.ToString(CultureInfo.InvariantCulture)));
        _file.WriteByte((byte)'\t');
        JsonSerializer.Serialize(_json, paper, PaperFeedJsonContext.Default.Paper);
        _json.Flush();
        _json.Reset();
        _file.WriteByte((byte)'\n');
    }

    public IEnumerable<Paper> ReadBack()
    {
        _file.Flush();
        _file.Position = 0;
        using var reader = new StreamReader(_file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        while (reader.ReadLine() is string line)
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            var paper = JsonSerializer.Deserialize(line.AsSpan(tab + 1), PaperFeedJsonContext.Default.Paper)!;
            yield return tab == 0 ? paper : paper with { SourceLine = long.Parse(line.AsSpan(0, tab), CultureInfo.InvariantCulture) };
        }
    }

    public void Dispose()
    {
        _json.Dispose();
        _file.Dispose();
    }
}
