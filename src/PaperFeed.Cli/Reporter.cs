using System.Globalization;
using System.Text;

namespace PaperFeed.Cli;

/// <summary>
/// Writes diagnostics and errors to stderr, one line each, like a compiler: <see cref="FeedDiagnostic.ToString"/> of the
/// diagnostic with its message bounded (<c>PATH:LINE:COLUMN: warning PF201: message</c>, <c>PATH($[3].paper): …</c>).
/// At most <see cref="ShownPerCodeAndFile"/> of one code in one file are shown, then one line counts the rest, so a
/// pathological input cannot flood a log; <c>--diagnostics FILE</c> gets every one (<see cref="DiagnosticLog"/>).
/// </summary>
internal sealed class Reporter(TextWriter stderr, bool quiet, DiagnosticLog? log = null) : IDisposable
{
    /// <summary>The name of standard input in messages.</summary>
    public const string StdinName = "<stdin>";

    /// <summary>How many diagnostics of one code in one file stderr shows.</summary>
    public const int ShownPerCodeAndFile = 20;

    /// <summary>The longest message shown: an error may quote input, and input can be a 200 MB line.</summary>
    public const int MaxMessageLength = 400;

    private readonly Dictionary<(string Source, string Code), long> _counts = [];

    public void Report(FeedDiagnostic diagnostic)
    {
        log?.Write(diagnostic);
        if (quiet && diagnostic.Severity != DiagnosticSeverity.Error) return;
        lock (_counts)
        {
            var key = (diagnostic.Source ?? StdinName, diagnostic.Code);
            long count = _counts.GetValueOrDefault(key) + 1;
            _counts[key] = count;
            if (count > ShownPerCodeAndFile) return;
        }
        stderr.WriteLine(Format(diagnostic));
    }

    public void Error(string message) => stderr.WriteLine($"paperfeed: error: {Bound(message)}");

    /// <summary>The line stderr shows: <see cref="FeedDiagnostic.ToString"/>, with the message <see cref="Bound"/>ed.</summary>
    public static string Format(FeedDiagnostic diagnostic)
    {
        string message = Bound(diagnostic.Message);
        // A file name may hold a newline or another control character: shown escaped, the line stays one line.
        string? source = diagnostic.Source is string name ? OneLine(name) : null;
        return (ReferenceEquals(message, diagnostic.Message) && ReferenceEquals(source, diagnostic.Source)
            ? diagnostic : diagnostic with { Message = message, Source = source }).ToString();
    }

    /// <summary>
    /// <paramref name="text"/> with every control character escaped (<c>\n</c>, <c>\r</c>, <c>\t</c>, else <c>\xNN</c>),
    /// so that it cannot break a line or move the cursor; the same instance when it has none.
    /// </summary>
    public static string OneLine(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u0000', '\u001F') && !text.AsSpan().ContainsAnyInRange('\u007F', '\u009F')) return text;
        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text) AppendEscaped(escaped, c);
        return escaped.ToString();
    }

    private static void AppendEscaped(StringBuilder text, char c)
    {
        switch (c)
        {
            case '\n': text.Append("\\n"); break;
            case '\r': text.Append("\\r"); break;
            case '\t': text.Append("\\t"); break;
            case < ' ' or (>= '\u007F' and <= '\u009F'): text.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"); break;
            default: text.Append(c); break;
        }
    }

    /// <summary>The severity as messages and <c>--diagnostics</c> spell it.</summary>
    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Info => "info",
        DiagnosticSeverity.Warning => "warning",
        _ => "error",
    };

    /// <summary>A message as one line of bounded length: control characters escaped (line breaks as \n), the middle of a long quote cut.</summary>
    public static string Bound(string message)
    {
        if (message.Length <= MaxMessageLength && ReferenceEquals(OneLine(message), message)) return message;
        var text = new StringBuilder(Math.Min(message.Length, MaxMessageLength) + 16);
        // Keep the end: it says what was wrong ("… is an invalid JSON literal"); the start says where.
        const int head = MaxMessageLength * 3 / 4, tail = MaxMessageLength / 4;
        if (message.Length <= MaxMessageLength) Append(message);
        else
        {
            Append(message.AsSpan(0, head));
            text.Append(CultureInfo.InvariantCulture, $" […{message.Length - head - tail} characters…] ");
            Append(message.AsSpan(message.Length - tail));
        }
        return text.ToString();

        void Append(ReadOnlySpan<char> part)
        {
            foreach (char c in part) AppendEscaped(text, c);
        }
    }

    /// <summary>Counts, in one line per code and file, what stderr did not show; closes the log.</summary>
    public void Dispose()
    {
        lock (_counts)
        {
            foreach (var ((source, code), count) in _counts)
            {
                if (count <= ShownPerCodeAndFile) continue;
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{OneLine(source)}: info: {count - ShownPerCodeAndFile} more {code} diagnostics not shown ({count} in all; --diagnostics FILE writes every one)"));
            }
            _counts.Clear();
        }
        log?.Dispose();
    }
}
