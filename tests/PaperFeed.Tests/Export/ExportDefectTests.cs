using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using PaperFeed.Export;
using PaperFeed.Tests.Cli;
using Sylvan.Data.Csv;

namespace PaperFeed.Tests.Export;

/// <summary>The ten defects of issue 13, one test (or theory) each; every one failed on the code before the fix.</summary>
public class ExportDefectTests
{
    public static TheoryData<ExportFormat> Formats => new(Enum.GetValues<ExportFormat>());

    // 1. U+FFFE / U+FFFF in a title aborted rss, atom, jsonfeed, csv, merge, diff and --dedupe.
    [Theory]
    [MemberData(nameof(Formats))]
    public void Noncharacters_never_abort_an_export(ExportFormat format)
    {
        var papers = new[] { new Paper { Title = "Bad \uFFFE title \uFFFF", Abstract = "x\uFFFEy" }, new Paper { Title = "\uFFFF" } };

        string output = FeedExporter.WriteToString(papers, format);

        if (format is ExportFormat.Rss or ExportFormat.Atom) XDocument.Parse(output).Descendants().Should().NotBeEmpty();
        if (format is ExportFormat.JsonFeed) JsonDocument.Parse(output).RootElement.GetProperty("items")[0].GetProperty("title").GetString().Should().Be("Bad \uFFFE title \uFFFF");
    }

    [Fact]
    public void Noncharacters_have_identity_keys()
    {
        PaperIdentity.NormalizeTitle("A\uFFFEB").Should().Be("a\uFFFDb");
        PaperIdentity.TitleUrn("\uFFFE").Should().StartWith("urn:paperfeed:title:");
        var papers = new[] { new Paper { Title = "A\uFFFEB" }, new Paper { Title = "a\uFFFEb" }, new Paper { Title = "\uFFFF" } };
        PaperIdentity.Distinct(papers).Should().HaveCount(2);
        PaperMerger.Merge(papers).Should().HaveCount(2);
        PaperDiff.Compute(papers, papers.Take(1)).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("parse", "--format", "rss")]
    [InlineData("parse", "--format", "atom")]
    [InlineData("parse", "--format", "jsonfeed")]
    [InlineData("parse", "--format", "csv")]
    [InlineData("parse", "--dedupe", "--format", "jsonl")]
    [InlineData("merge", "--format", "json")]
    public async Task Noncharacters_never_abort_a_command(params string[] args)
    {
        string jsonl = "{\"title\":\"Bad \\ufffe title \\uffff\",\"upvotes\":1}\n{\"title\":\"Bad \\ufffe title \\uffff\",\"upvotes\":2}\n";

        var run = await CliRun.WithStdinAsync(jsonl, args);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().NotContain("Exception");
    }

    // 2. RSS description was plain text escaped once; readers render it as HTML and lost "<masking>" and everything after "<script>".
    [Fact]
    public void Rss_description_shows_exactly_the_abstract_when_rendered_as_html()
    {
        const string abstractText = "meets <masking> & scaling; see <script>alert(1)</script> and the rest & more\r\nline two";
        string rss = FeedExporter.WriteToString([new Paper { Title = "T", Abstract = abstractText }], ExportFormat.Rss);

        string description = XDocument.Parse(rss).Descendants("description").Last().Value;

        Consumers.HtmlText(description).Should().Be(abstractText);
    }

    // 3. Atom entries without authors or URL broke RFC 4287 MUSTs; year-less dates became 1970-01-01.
    [Fact]
    public void Atom_entries_of_a_text_listing_meet_rfc_4287_and_invent_no_dates()
    {
        var papers = new[]
        {
            new Paper { Title = "Dated", Abstract = "A.", Featured = new PaperDate(2025, 9, 3) },
            new Paper { Title = "Year-less", Abstract = "B.", Featured = new PaperDate(null, 8, 25) },
            new Paper { Title = "Undated", Abstract = "C." },
        };
        var atom = Consumers.Atom;
        var feed = XDocument.Parse(FeedExporter.WriteToString(papers, ExportFormat.Atom)).Root!;

        feed.Element(atom + "author")!.Element(atom + "name")!.Value.Should().Be("Daily Papers");
        feed.Element(atom + "updated")!.Value.Should().Be("2025-09-03T00:00:00Z");
        var entries = feed.Elements(atom + "entry").ToList();
        // The year-less Aug 25 is a snapshot of its own with no date shown with a year: nothing decides its year, so it
        // carries the feed's date, as the undated paper does: no year is borrowed from another snapshot.
        entries.Select(e => e.Element(atom + "updated")!.Value).Should().Equal("2025-09-03T00:00:00Z", "2025-09-03T00:00:00Z", "2025-09-03T00:00:00Z");
        entries.Should().OnlyContain(e => e.Element(atom + "content") != null);
        entries[2].Element(atom + "content")!.Value.Should().Be("C.");

        var withReference = XDocument.Parse(FeedExporter.WriteToString(papers.Skip(1), ExportFormat.Atom, ExportOptions.Default with { ReferenceDate = new DateOnly(2024, 12, 31) })).Root!;
        withReference.Elements(atom + "entry").Select(e => e.Element(atom + "updated")!.Value).Should().Equal("2024-08-25T00:00:00Z", "2024-08-25T00:00:00Z");
        FeedExporter.WriteToString([papers[2]], ExportFormat.Atom).Should().NotContain("1970");
    }

    // 4. Markdown: see MarkdownReaderTests.Leading_list_and_rule_markers_entities_trailing_spaces_and_wide_numbers_stay_text.

    // 5. Titles differing only in punctuation got the same guid / id.
    [Theory]
    [InlineData(ExportFormat.Rss)]
    [InlineData(ExportFormat.Atom)]
    [InlineData(ExportFormat.JsonFeed)]
    [InlineData(ExportFormat.Csv)]
    public void Ids_are_unique_and_deterministic(ExportFormat format)
    {
        var papers = new[]
        {
            new Paper { Title = "Same paper A" }, new Paper { Title = "Same paper: A!" }, new Paper { Title = "Same paper A" },
            new Paper { Title = "X", ArxivId = "2509.00001" }, new Paper { Title = "X again", ArxivId = "2509.00001v2" },
        };

        var ids = IdsOf(FeedExporter.WriteToString(papers, format), format);

        ids.Should().HaveCount(5).And.OnlyHaveUniqueItems();
        IdsOf(FeedExporter.WriteToString(papers, format), format).Should().Equal(ids);
        ids[3].Should().Be("https://huggingface.co/papers/2509.00001");
    }

    // 6. Several authors repeated a10:author (W3C: DuplicateElement).
    [Fact]
    public void Rss_item_names_its_authors_in_one_dc_creator()
    {
        var paper = new Paper { Title = "T", Authors = [new("Ada Lovelace"), new("Alan Turing"), new("Grace Hopper")] };
        var item = XDocument.Parse(FeedExporter.WriteToString([paper], ExportFormat.Rss)).Descendants("item").Single();

        item.Elements(Consumers.DublinCore + "creator").Select(e => e.Value).Should().Equal("Ada Lovelace, Alan Turing, Grace Hopper");
        item.Elements().Where(e => e.Name.LocalName == "author").Should().BeEmpty();
    }

    // 7. An unparsable URL aborted RSS/Atom; a javascript: URL became a link.
    [Theory]
    [MemberData(nameof(Formats))]
    public void Only_http_urls_become_links_and_a_bad_one_is_a_warning(ExportFormat format)
    {
        var papers = new[] { new Paper { Title = "Evil", Url = "javascript:alert(1)" }, new Paper { Title = "Broken", Url = "http://[bad" }, new Paper { Title = "Good", Url = "https://example.org/p" } };
        var warnings = new List<FeedDiagnostic>();

        string output = FeedExporter.WriteToString(papers, format, ExportOptions.Default with { OnDiagnostic = warnings.Add });

        output.Should().NotContain("javascript:").And.NotContain("[bad").And.Contain("https://example.org/p");
        warnings.Select(w => (w.Code, w.Severity)).Should().Equal((DiagnosticCodes.UnsafeLink, DiagnosticSeverity.Warning), (DiagnosticCodes.UnsafeLink, DiagnosticSeverity.Warning));
        warnings[0].Message.Should().Contain("Evil");
    }

    // 8. CSV cells starting with = + - @ tab CR were formulas; a NUL was written raw.
    [Fact]
    public void Csv_neutralises_formulas_by_default_and_keeps_them_on_request()
    {
        string[] cells = ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tTab", "\rCR", "plain"];
        var papers = cells.Select(c => new Paper { Title = c, Abstract = c, Upvotes = -3 }).ToList();

        Titles(FeedExporter.WriteToString(papers, ExportFormat.Csv)).Should().Equal(cells.Select(c => c == "plain" ? c : "'" + c));
        Titles(FeedExporter.WriteToString(papers, ExportFormat.Csv, ExportOptions.Default with { EscapeCsvFormulas = false })).Should().Equal(cells);

        static List<string> Titles(string csv)
        {
            using var reader = CsvDataReader.Create(new StringReader(csv));
            var titles = new List<string>();
            while (reader.Read())
            {
                titles.Add(reader.GetString(reader.GetOrdinal("title")));
                reader.GetString(reader.GetOrdinal("upvotes")).Should().Be("-3", "numbers are not text cells");
            }
            return titles;
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void No_export_writes_nul(ExportFormat format)
    {
        var paper = new Paper { Title = "Nul\0title", Abstract = "a\0b", Authors = [new("N\0")], Details = new PaperDetails { AiKeywords = ["k\0"] } };

        byte[] bytes = Encoding.UTF8.GetBytes(FeedExporter.WriteToString([paper], format));

        bytes.Should().NotContain(0);
    }

    [Fact]
    public async Task Csv_raw_flag_keeps_formulas()
    {
        string jsonl = "{\"title\":\"=1+1\"}\n";
        var neutral = await CliRun.WithStdinAsync(jsonl, "parse", "--format", "csv");
        var raw = await CliRun.WithStdinAsync(jsonl, "parse", "--format", "csv", "--csv-raw");

        neutral.Stdout.Split("\r\n")[1].Should().Contain(",'=1+1,");
        raw.Stdout.Split("\r\n")[1].Should().Contain(",=1+1,");
    }

    // 9. Memory: every export held all papers. Now nothing holds a paper once it is written: a paper yielded
    // earlier is collectable while later ones are still being read, in every format.
    [Theory]
    [MemberData(nameof(Formats))]
    public void Export_holds_no_paper_it_has_written(ExportFormat format)
    {
        var early = new List<WeakReference<Paper>>();
        bool checkedEarly = false;

        IEnumerable<Paper> Papers()
        {
            for (int i = 0; i < 2000; i++)
            {
                var paper = new Paper { Title = $"Paper {i}", Abstract = new string('a', 1000), ArxivId = $"2509.{i:00000}", Featured = new PaperDate(2025, 9, 1) };
                if (i < 100) early.Add(new WeakReference<Paper>(paper));
                if (i == 1999)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                    early.Count(w => w.TryGetTarget(out _)).Should().Be(0, "papers already written are not retained");
                    checkedEarly = true;
                }
                yield return paper;
            }
        }

        using var sink = new CountingSink();
        FeedExporter.Write(sink, Papers(), format);

        checkedEarly.Should().BeTrue();
        sink.Length.Should().BeGreaterThan(2000 * 100);
    }

    // 10. Typed reading: see DuckDbReaderTests.Typed_csv_read_keeps_arxiv_ids_as_text_and_survives_year_less_dates_late_in_the_file.

    private static List<string> IdsOf(string output, ExportFormat format) => format switch
    {
        ExportFormat.Rss => XDocument.Parse(output).Descendants("guid").Select(e => e.Value).ToList(),
        ExportFormat.Atom => XDocument.Parse(output).Root!.Elements(Consumers.Atom + "entry").Select(e => e.Element(Consumers.Atom + "id")!.Value).ToList(),
        ExportFormat.JsonFeed => JsonDocument.Parse(output).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList(),
        _ => CsvIds(output),
    };

    private static List<string> CsvIds(string csv)
    {
        using var reader = CsvDataReader.Create(new StringReader(csv));
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>A write-only stream that only counts bytes, so the test's own output holds nothing.</summary>
    private sealed class CountingSink : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        private long _length;
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        public override void WriteByte(byte value) => _length++;
    }
}
