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
        var location = diagnostic.Location;
        var record = new DiagnosticRecord(diagnostic.Code, Reporter.SeverityName(diagnostic.Severity), diagnostic.Source,
            location.Line, location.Column, location.JsonPath, Reporter.Bound(diagnostic.Message));
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

/// <summary>
/// One line of <c>--diagnostics</c>: what, and where (<see cref="FeedDiagnostic.Source"/> and
/// <see cref="FeedDiagnostic.Location"/>: 1-based line and column, JSON path; null where the diagnostic has none).
/// </summary>
internal sealed record DiagnosticRecord(string Code, string Severity, string? File, long? Line, long? Column, string? JsonPath, string Message);
