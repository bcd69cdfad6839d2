using System.Text.Json;

namespace PaperFeed.Cli;

/// <summary>
/// <c>--diagnostics FILE</c>: every diagnostic of the run as JSON Lines, for tools (README, "Command line"); written
/// with the source-generated <see cref="CliJsonContext"/> (the executable is Native AOT).
/// </summary>
internal sealed class DiagnosticLog : IDisposable
{
    private readonly FileStream _file;
    private readonly Utf8JsonWriter _json;

    private DiagnosticLog(FileStream file)
    {
        _file = file;
        _json = new Utf8JsonWriter(file);
    }

    /// <exception cref="InputErrorException">The file cannot be created.</exception>
    public static DiagnosticLog? Open(string? path)
    {
        if (path is null) return null;
        try
        {
            return new DiagnosticLog(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputErrorException($"{path}: cannot write: {e.Message}", e);
        }
    }

    public void Write(FeedDiagnostic diagnostic)
    {
        var record = new DiagnosticRecord(diagnostic.Code, Reporter.SeverityName(diagnostic.Severity), diagnostic.Source ?? Reporter.StdinName,
            diagnostic.Line, diagnostic.Column, Reporter.Bound(diagnostic.Message));
        lock (_file)
        {
            JsonSerializer.Serialize(_json, record, CliJsonContext.Default.DiagnosticRecord);
            _json.Flush();
            _json.Reset();
            _file.WriteByte((byte)'\n');
        }
    }

    public void Dispose()
    {
        _json.Dispose();
        _file.Dispose();
    }
}

/// <summary>One line of <c>--diagnostics</c>: where (file, 1-based line and column) and what.</summary>
internal sealed record DiagnosticRecord(string Code, string Severity, string File, int Line, int? Column, string Message);
