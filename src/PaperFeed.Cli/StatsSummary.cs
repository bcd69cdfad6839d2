using System.Globalization;

namespace PaperFeed.Cli;

/// <summary>
/// <c>paperfeed stats</c> for people (standard output a terminal): one aligned <c>label  value</c> line per count,
/// numbers grouped in thousands, then the run's time. Scripts get <see cref="StatsReport"/>'s JSON instead.
/// </summary>
internal static class StatsSummary
{
    /// <summary>The summary's text, lines ending in <c>\n</c>.</summary>
    /// <param name="report">The counts.</param>
    /// <param name="elapsed">How long the run took.</param>
    /// <param name="infosShown">True when <c>--verbose</c> showed the info diagnostics (else a hint says how to).</param>
    /// <param name="style">Colour for the labels and a non-zero warning count.</param>
    public static string Format(StatsReport report, TimeSpan elapsed, bool infosShown, Style style)
    {
        (string Label, string Value, string Note, bool Warn)[] rows =
        [
            ("inputs", Count(report.Files), "", false),
            ("feeds", Count(report.Feeds), "", false),
            ("papers", Count(report.Papers), "", false),
            ("with metadata", Count(report.WithMetadata), "", false),
            ("lines", Count(report.Lines), "", false),
            ("bytes", Count(report.Bytes), report.Bytes >= 1024 ? $"({Size(report.Bytes)})" : "", false),
            ("warnings", Count(report.Warnings), "", report.Warnings > 0),
            ("infos", Count(report.Infos), report.Infos > 0 && !infosShown ? "(-v shows them)" : "", false),
            ("time", Time(elapsed), "", false),
        ];
        int labelWidth = rows.Max(r => r.Label.Length);
        int valueWidth = rows.Max(r => r.Value.Length);
        var text = new System.Text.StringBuilder();
        foreach (var (label, value, note, warn) in rows)
        {
            text.Append(style.Heading(label)).Append(' ', labelWidth - label.Length + 2);
            string padded = value.PadLeft(valueWidth);
            text.Append(warn ? style.Severity(DiagnosticSeverity.Warning, padded) : padded);
            if (note.Length > 0) text.Append("  ").Append(style.Dim(note));
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Binary units, as <c>ls -h</c> and the progress line use them.</summary>
    private static string Size(long bytes)
    {
        string[] units = ["KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {units[unit]}");
    }

    private static string Time(TimeSpan elapsed) => elapsed.TotalSeconds < 10
        ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.00} s")
        : string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s");
}
