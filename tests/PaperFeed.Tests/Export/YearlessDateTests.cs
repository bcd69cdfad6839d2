using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using PaperFeed.Export;
using PaperFeed.Tests.Faults;

namespace PaperFeed.Tests.Export;

/// <summary>
/// The year of a year-less date in RSS, Atom and JSON Feed, read back by System.ServiceModel.Syndication and
/// System.Text.Json: a year-less day takes the first year that puts it on or after its snapshot's latest explicit date;
/// with nothing to decide it, every format writes the item without a date of its own and says so once (PF502).
/// </summary>
public sealed partial class YearlessDateTests
{
    private static string Capture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", "captures", "reference-links-search-long-context-asr.txt");

    [Fact]
    public async Task The_dec_30_page_of_snapshot_001_is_dated_2024_in_every_format()
    {
        // From the source text: the page date is a year-less "Dec 30" and the latest date shown with a year is Dec 17, 2024.
        string source = await File.ReadAllTextAsync(TestData.Corpus001);
        File.ReadLines(TestData.Corpus001).ElementAt(10).Should().Be("Dec 30");
        ExplicitDates(source).Max().Should().Be(new DateOnly(2024, 12, 17));
        var expected = new DateTimeOffset(2024, 12, 30, 0, 0, 0, TimeSpan.Zero);

        foreach (var dates in await DatesOfEveryFormatAsync(TestData.Corpus001))
        {
            dates.Should().HaveCount(53).And.OnlyContain(date => date == expected);
        }
        var rss = Syndication(await RunAsync("rss", TestData.Corpus001));
        rss.LastUpdatedTime.Should().Be(expected, "the feed's date is its latest item's");
    }

    [Fact]
    public async Task A_real_capture_of_june_2026_dates_its_yearless_may_30_in_2026()
    {
        // The capture's own header says when it was taken; its dates shown with a year end at Dec 31, 2025.
        string source = await File.ReadAllTextAsync(Capture);
        var captured = DateOnly.ParseExact(CapturedLine().Match(source).Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        captured.Should().Be(new DateOnly(2026, 6, 29));
        ExplicitDates(source).Max().Should().Be(new DateOnly(2025, 12, 31));
        ExplicitDates(source).Should().Contain(new DateOnly(2025, 11, 14));
        var yearless = YearlessDates(source).ToList();
        yearless.Should().Contain("May 30").And.HaveCount(7, "Jun 29 (the page's) and six paper dates");

        foreach (var all in await DatesOfEveryFormatAsync(Capture))
        {
            // 34 papers; the capture is cut inside the last one's abstract, before its date: 33 dated items.
            all.Should().HaveCount(34);
            var dates = all.Take(33).ToList();
            dates[0].Should().Be(new DateTimeOffset(2026, 5, 30, 0, 0, 0, TimeSpan.Zero), "MURMUR, the first paper, shows a year-less May 30");
            dates.Should().OnlyContain(date => date != null && DateOnly.FromDateTime(date.Value.UtcDateTime) <= captured, "no item is dated after the capture");
            dates.Count(date => date!.Value.Year == 2026).Should().Be(6, "the six year-less paper dates");
        }
    }

    [Fact]
    public async Task Where_nothing_decides_every_format_writes_no_item_date_and_says_so_once()
    {
        using var folder = new TempFolder();
        string path = folder.File("yearless.txt");
        await File.WriteAllTextAsync(path, "Daily Papers\n\nAug 28\n\nA title\n\nAn abstract.\n\n  • 2 authors\n·\nAug 25\n");

        var rss = await PaperfeedProcess.RunAsync("parse", "--format", "rss", path);
        var atom = await PaperfeedProcess.RunAsync("parse", "--format", "atom", path);
        var json = await PaperfeedProcess.RunAsync("parse", "--format", "jsonfeed", path);
        var csv = await PaperfeedProcess.RunAsync("parse", "--format", "csv", path);

        Syndication(rss.Stdout).Items.Single().PublishDate.Should().Be(default, "RSS: no pubDate");
        var atomFeed = Syndication(atom.Stdout);
        atomFeed.Items.Single().LastUpdatedTime.Should().Be(atomFeed.LastUpdatedTime, "Atom requires a date: the feed's");
        using (var document = JsonDocument.Parse(json.Stdout))
        {
            document.RootElement.GetProperty("items")[0].TryGetProperty("date_published", out _).Should().BeFalse("JSON Feed: no date_published");
        }
        foreach (var run in new[] { rss, atom, json })
        {
            run.ExitCode.Should().Be(0, run.Stderr);
            run.StderrLines.Should().ContainSingle().Which.Should().StartWith("export: warning PF502: 1 item(s) have a day without a year")
                .And.Contain("(the first: 'A title', --08-28)");
        }
        csv.StderrLines.Should().BeEmpty("CSV writes the dates as the paper has them");
        csv.Stdout.Should().Contain("'--08-25,'--08-28");
    }

    [Fact]
    public void A_reference_date_still_decides_and_a_dated_listing_day_needs_nothing()
    {
        var papers = new[]
        {
            new Paper { Title = "Year-less", Featured = new PaperDate(null, 12, 30), Published = new PaperDate(2024, 12, 17) },
            new Paper { Title = "Dated", Featured = new PaperDate(2023, 1, 2), Published = new PaperDate(null, 1, 1) },
        };
        foreach (var format in new[] { ExportFormat.Rss, ExportFormat.Atom, ExportFormat.JsonFeed })
        {
            ItemDates(FeedExporter.WriteToString(papers, format, ExportOptions.Default with { ReferenceDate = new DateOnly(2026, 1, 5) }), format)
                .Should().Equal([new DateTimeOffset(2025, 12, 30, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2023, 1, 2, 0, 0, 0, TimeSpan.Zero)], format.ToString());
            ItemDates(FeedExporter.WriteToString(papers, format), format)
                .Should().Equal([new DateTimeOffset(2024, 12, 30, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2023, 1, 2, 0, 0, 0, TimeSpan.Zero)], format.ToString());
        }
    }

    [Fact]
    public void A_yearless_feb_29_waits_for_a_leap_year()
    {
        var papers = new[] { new Paper { Title = "Leap", Published = new PaperDate(null, 2, 29) }, new Paper { Title = "Shown", Published = new PaperDate(2025, 3, 1) } };

        ItemDates(FeedExporter.WriteToString(papers, ExportFormat.JsonFeed), ExportFormat.JsonFeed)[0].Should().Be(new DateTimeOffset(2028, 2, 29, 0, 0, 0, TimeSpan.Zero));
    }

    /// <summary>The item dates of the CLI's RSS, Atom and JSON Feed of one input, read by independent readers.</summary>
    private static async Task<List<List<DateTimeOffset?>>> DatesOfEveryFormatAsync(string path)
    {
        var result = new List<List<DateTimeOffset?>>();
        foreach (var format in new[] { ExportFormat.Rss, ExportFormat.Atom, ExportFormat.JsonFeed })
        {
            result.Add(ItemDates(await RunAsync(format == ExportFormat.JsonFeed ? "jsonfeed" : format.ToString().ToLowerInvariant(), path), format));
        }
        return result;
    }

    private static async Task<string> RunAsync(string format, string path)
    {
        var run = await PaperfeedProcess.RunAsync("parse", "--quiet", "--format", format, path);
        run.ExitCode.Should().Be(0, run.Stderr);
        return run.Stdout;
    }

    private static List<DateTimeOffset?> ItemDates(string document, ExportFormat format)
    {
        if (format == ExportFormat.JsonFeed)
        {
            using var json = JsonDocument.Parse(document);
            return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(item =>
                item.TryGetProperty("date_published", out var date) ? DateTimeOffset.Parse(date.GetString()!, CultureInfo.InvariantCulture) : (DateTimeOffset?)null)];
        }
        var feed = Syndication(document);
        return [.. feed.Items.Select(item => format == ExportFormat.Rss ? (item.PublishDate == default ? null : item.PublishDate) : (DateTimeOffset?)item.LastUpdatedTime)];
    }

    private static SyndicationFeed Syndication(string xml) => SyndicationFeed.Load(XmlReader.Create(new StringReader(xml)));

    /// <summary>Every date line shown with its year (<c>Mon D, YYYY</c>, at the start of a line), read with a regular expression.</summary>
    private static IEnumerable<DateOnly> ExplicitDates(string text) =>
        ExplicitDate().Matches(text).Select(m => DateOnly.ParseExact($"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value}", "MMM d yyyy", CultureInfo.InvariantCulture));

    private static IEnumerable<string> YearlessDates(string text) => YearlessDate().Matches(text).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}), (\d{4})", RegexOptions.Multiline)]
    private static partial Regex ExplicitDate();

    [GeneratedRegex(@"^((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2})(?: \[ \d+\]\[\d+\])? *$", RegexOptions.Multiline)]
    private static partial Regex YearlessDate();

    [GeneratedRegex(@"Captured \(UTC\): (\d{4}-\d{2}-\d{2})T")]
    private static partial Regex CapturedLine();
}
