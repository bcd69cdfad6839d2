using System.Globalization;
using System.Security;
using System.Text;
using PaperFeed.Http;

namespace PaperFeed.Cli;

/// <summary>
/// <c>history --format svg</c>: the upvote curves of the papers with the most upvotes at their last observation, one
/// polyline each over observation time, with axes and a legend. Plain text assembled by hand (no reflection, no
/// drawing library), so it stays trim- and AOT-safe.
/// </summary>
internal static class HistorySvg
{
    private const int Width = 960, Height = 540, Left = 70, Right = 20, Top = 40, Bottom = 60, LegendRow = 16;

    private static readonly string[] Colours =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    public static async Task WriteAsync(Stream destination, IAsyncEnumerable<ArchiveHistoryRow> rows, int top, CancellationToken cancellationToken)
    {
        var series = new Dictionary<string, List<ArchiveHistoryRow>>(StringComparer.Ordinal);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            if (row.Upvotes is null) continue;
            string key = row.ArxivId ?? "title:" + row.Title;
            if (!series.TryGetValue(key, out var list)) series[key] = list = [];
            list.Add(row);
        }
        var chosen = series.Values.OrderByDescending(s => s[^1].Upvotes).ThenBy(s => s[0].ArxivId, StringComparer.Ordinal).Take(Math.Max(top, 0)).ToList();
        var text = new StringBuilder();
        int legendHeight = chosen.Count * LegendRow;
        int height = Height + legendHeight;
        text.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        text.Append("<title>Upvotes over time, Hugging Face Daily Papers</title>\n");
        text.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>\n");
        text.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"24\" font-size=\"16\">Upvotes over time: top {chosen.Count} papers</text>\n");
        if (chosen.Count == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Top + 40}\">No observation with upvotes in this archive.</text>\n");
        }
        else
        {
            var points = chosen.SelectMany(s => s).ToList();
            long start = points.Min(p => p.ObservedAt.UtcTicks), end = points.Max(p => p.ObservedAt.UtcTicks);
            if (end == start) end = start + TimeSpan.TicksPerHour;
            int maxUpvotes = Math.Max(1, points.Max(p => p.Upvotes!.Value));
            int plotWidth = Width - Left - Right, plotHeight = Height - Top - Bottom;
            double X(DateTimeOffset time) => Left + (double)(time.UtcTicks - start) / (end - start) * plotWidth;
            double Y(int upvotes) => Top + plotHeight - (double)upvotes / maxUpvotes * plotHeight;

            text.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Left + plotWidth}\" y2=\"{Top + plotHeight}\" stroke=\"black\"/>\n");
            text.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotHeight}\" stroke=\"black\"/>\n");
            for (int i = 0; i <= 4; i++)
            {
                int value = (int)Math.Round(maxUpvotes * i / 4.0);
                double y = Y(value);
                text.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left - 4}\" y1=\"{y:0.#}\" x2=\"{Left + plotWidth}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/><text x=\"{Left - 8}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{value}</text>\n");
                var time = new DateTimeOffset(start + (end - start) * i / 4, TimeSpan.Zero);
                double x = X(time);
                text.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{Top + plotHeight + 18}\" text-anchor=\"middle\">{time:yyyy-MM-dd HH:mm}</text>\n");
            }
            text.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + plotWidth / 2}\" y=\"{Top + plotHeight + 40}\" text-anchor=\"middle\">observed at (UTC)</text>\n");
            text.Append(CultureInfo.InvariantCulture, $"<text x=\"16\" y=\"{Top + plotHeight / 2}\" transform=\"rotate(-90 16 {Top + plotHeight / 2})\" text-anchor=\"middle\">upvotes</text>\n");
            for (int i = 0; i < chosen.Count; i++)
            {
                var s = chosen[i];
                string colour = Colours[i % Colours.Length];
                string path = string.Join(' ', s.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.ObservedAt):0.#},{Y(p.Upvotes!.Value):0.#}")));
                string name = Escape(s[0].ArxivId is { } id ? $"{id} {s[^1].Title}" : s[^1].Title);
                text.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{path}\"><title>{name}</title></polyline>\n");
                foreach (var p in s) text.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(p.ObservedAt):0.#}\" cy=\"{Y(p.Upvotes!.Value):0.#}\" r=\"3\" fill=\"{colour}\"/>\n");
                int legendY = Height + i * LegendRow;
                string label = Escape(Shorten(s[0].ArxivId is { } arxiv ? $"{arxiv}  {s[^1].Title}" : s[^1].Title) + $" ({s[^1].Upvotes})");
                text.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{legendY - 9}\" width=\"12\" height=\"4\" fill=\"{colour}\"/><text x=\"{Left + 18}\" y=\"{legendY}\">{label}</text>\n");
            }
        }
        text.Append("</svg>\n");
        await destination.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Shorten(string text) => text.Length <= 110 ? text : text[..110] + "…";

    /// <summary>Text safe in XML content and attributes; characters XML 1.0 forbids are dropped.</summary>
    private static string Escape(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '\t' or '\n' or '\r' || c >= ' ' && c is not ('\uFFFE' or '\uFFFF')) clean.Append(c);
        }
        return SecurityElement.Escape(clean.ToString());
    }
}
