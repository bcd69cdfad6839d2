using System.Globalization;
using System.Text;
using CsCheck;

namespace PaperFeed.Tests.Text;

/// <summary>Generated feeds and generated garbage: round trips, chunking invariance, only typed errors, lossless accounting.</summary>
public class PropertyTests
{
    private const int Iterations = 150;

    private static readonly FeedParserOptions Keep = new() { DuplicateSentences = DuplicateSentenceHandling.Keep };

    // Words that can never make a line header-, date- or metadata-shaped (no month names, no "author", no lone digits).
    private static readonly string[] Words =
        ["Learning", "graph", "neural", "models", "via", "Diffusion", "3D", "agents", "LLM", "é", "中文", "😀", "x²", "α-β", "“quoted”", "sim0.01%", "``skills,''", "e.g.", "over", "Mixture-of-Experts"];

    private static readonly Gen<string> Title = Gen.OneOf(Words).Array[1, 8].Select(w => string.Join(' ', w));

    private static readonly Gen<string> Sentence = Gen.Select(Gen.OneOf(Words).Array[1, 6], Gen.OneOf(".", "!", "?"), (w, end) => string.Join(' ', w) + end);

    // Abstracts may repeat sentences: round trips parse with Keep, which must leave them as they are.
    private static readonly Gen<string> Abstract = Sentence.Array[1, 5].Select(s => string.Join(' ', s));

    private static readonly Gen<PaperDate> Date = Gen.Select(Gen.Int[1, 12], Gen.Int[1, 28], Gen.Bool, (m, d, year) => new PaperDate(year ? 2000 + d : null, m, d));

    private sealed record Meta(int Authors, bool Singular, PaperDate Published, int? Upvotes);

    private sealed record PaperSpec(string Title, string Abstract, Meta? Meta);

    private sealed record FeedSpec(int HeaderMask, PaperDate? PageDate, PaperSpec[] Papers);

    private sealed record Style(string Newline, int ExtraBlanks, bool TrailingSpaces, bool Bom, bool FinalNewline);

    private static readonly Gen<Meta> MetaGen = Gen.Select(Gen.Int[1, 40], Gen.Bool, Date, Gen.Int[0, 500].Nullable(), (a, s, d, u) => new Meta(a, s, d, u));

    private static readonly Gen<PaperSpec> PaperGen = Gen.Select(Title, Abstract, MetaGen.Null(0.3), (t, a, m) => new PaperSpec(t, a, m));

    private static readonly Gen<FeedSpec> FeedGen = Gen.Select(Gen.Int[0, 31], Date.Select(d => new PaperDate(null, d.Month, d.Day)).Nullable(0.3), PaperGen.Array[1, 5],
        (h, d, p) => new FeedSpec(h, d, p));

    private static readonly Gen<Style> StyleGen = Gen.Select(Gen.OneOf("\n", "\r\n", "\r"), Gen.Int[0, 2], Gen.Bool, Gen.Bool, Gen.Bool,
        (n, b, t, bom, f) => new Style(n, b, t, bom, f));

    // Every feed after the first needs a header line to start it.
    private static readonly Gen<FeedSpec[]> DumpGen = FeedGen.Array[1, 3].Select(feeds =>
        feeds.Select((f, i) => i > 0 && f.HeaderMask == 0 ? f with { HeaderMask = 8 } : f).ToArray());

    [Fact]
    public void Rendered_feeds_parse_back_to_equal_records()
    {
        Gen.Select(DumpGen, StyleGen).Sample((feeds, style) =>
        {
            var text = Render(feeds, style);
            var result = ParseResult.Of(text, Keep);

            result.Feeds.Should().Equal(Expected(feeds), text);
            result.Diagnostics.Should().BeEmpty(text);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Chunk_sizes_of_reader_and_stream_do_not_change_the_result()
    {
        var chunks = Gen.Int[1, 9].Array[1, 6];
        Gen.Select(DumpGen, StyleGen, chunks, Gen.Int[-1, 400]).Sample((feeds, style, sizes, invalidAt) =>
        {
            var text = Render(feeds, style);
            var expected = ParseResult.Of(text);

            var diagnostics = new List<FeedDiagnostic>();
            FeedParser.ReadFeeds(new ChunkedReader(text, sizes), new FeedParserOptions { OnDiagnostic = diagnostics.Add }).ToList().Should().Equal(expected.Feeds);
            diagnostics.Should().Equal(expected.Diagnostics);

            var bytes = Encoding.UTF8.GetBytes(text).ToList();
            if (invalidAt >= 0 && invalidAt < bytes.Count) bytes.Insert(invalidAt, 0xFF);
            var whole = ParseResult.OfBytes([.. bytes]);
            var chunked = ParseResult.OfStream(new ChunkedStream([.. bytes], sizes));
            chunked.Feeds.Should().Equal(whole.Feeds);
            chunked.Diagnostics.Should().Equal(whole.Diagnostics);
            if (invalidAt < 0) whole.Feeds.Should().Equal(expected.Feeds);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Corpus_dump_reads_the_same_whatever_the_chunk_sizes()
    {
        // Larger than the 64 KB buffers, so compaction and growth of the line and byte buffers are crossed.
        var text = File.ReadAllText(TestData.Corpus000) + "\r\n" + File.ReadAllText(TestData.Corpus001).Replace("\n", "\r\n", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        var expected = ParseResult.Of(text);
        expected.Papers.Should().HaveCount(131);

        Gen.Int[1, 70_000].Array[1, 5].Sample(sizes =>
        {
            FeedParser.ReadFeeds(new ChunkedReader(text, sizes)).ToList().Should().Equal(expected.Feeds);
            var chunked = ParseResult.OfStream(new ChunkedStream(bytes, sizes));
            chunked.Feeds.Should().Equal(expected.Feeds);
            chunked.Diagnostics.Should().Equal(expected.Diagnostics);
        }, iter: 12, threads: 1);
    }

    private static readonly string[] Fragments =
        ["\n", "\r\n", "\r", " ", "\t", "\n\n", "·", "•", " 3 authors", "1 author", "Aug 25", ", 2023", " 2", "Feb 30", "new", "Daily Papers", "Subscribe",
         "Title", "An abstract. An abstract.", "?", "!", ".", "é", "😀", "\uFEFF", "\uFFFD", "\u00A0", "99999999999", "Sept", "--08-25"];

    private static readonly Gen<string> Garbage = Gen.Frequency(
        (8, (IGen<string>)Gen.OneOf(Fragments)),
        (1, Gen.String[0, 12]),
        (1, Gen.Char.Select(c => c.ToString()))).Array[0, 60].Select(parts => string.Concat(parts));

    [Fact]
    public void Any_text_parses_or_throws_FeedFormatException()
    {
        Gen.Select(Garbage, Gen.Int[1, 40], Gen.Bool, Gen.Bool).Sample((text, maxLine, strict, keep) =>
        {
            var options = new FeedParserOptions
            {
                MaxLineLength = maxLine,
                Strict = strict,
                DuplicateSentences = keep ? DuplicateSentenceHandling.Keep : DuplicateSentenceHandling.Collapse,
                ReferenceDate = new DateOnly(2026, 1, 2),
            };
            try
            {
                FeedParser.Parse(text, options);
                FeedParser.Count(new StringReader(text), options);
            }
            catch (FeedFormatException)
            {
            }
        }, iter: 500, threads: 1);
    }

    [Fact]
    public void Any_bytes_parse_or_throw_FeedFormatException()
    {
        var bytes = Gen.Frequency(
            (3, (IGen<byte[]>)Gen.Byte.Array[0, 40]),
            (2, Garbage.Select(s => Encoding.UTF8.GetBytes(s))),
            (1, Gen.OneOf<byte>(0xC3, 0xE2, 0x82, 0xF0, 0x9F, 0xFF, 0x0A, 0x0D, 0x20, 0x41).Array[0, 40])).Array[1, 4].Select(parts => parts.SelectMany(p => p).ToArray());
        Gen.Select(bytes, Gen.Int[1, 9].Array[1, 4], Gen.Bool).Sample((input, sizes, strict) =>
        {
            try
            {
                ParseResult.OfStream(new ChunkedStream(input, sizes), new FeedParserOptions { Strict = strict, MaxLineLength = 16 });
            }
            catch (FeedFormatException)
            {
            }
        }, iter: 500, threads: 1);
    }

    private static readonly Gen<string> Line = Gen.Frequency(
        (4, (IGen<string>)Title),
        (4, Abstract),
        (2, Gen.Const("")),
        (1, Gen.OneOf(LineClassifierHeaders())),
        (2, Gen.Select(Gen.Int[0, 40], Gen.Bool, (n, bullet) => (bullet ? "  • " : "") + n.ToString(CultureInfo.InvariantCulture) + (n == 1 ? " author" : " authors"))),
        (2, Gen.Const("·")),
        (2, Gen.Select(Date, Gen.Int[0, 9].Nullable(), (d, u) => Listing(d) + (u is int v ? " " + v.ToString(CultureInfo.InvariantCulture) : ""))),
        (1, Gen.OneOf("Feb 30, 2023", "Aug 25,", "  • 99999999999 authors", "\t  Indented continuation", new string('z', 70))));

    [Fact]
    public void Every_non_blank_line_ends_in_a_field_or_a_diagnostic()
    {
        Gen.Select(Line.Array[0, 40], Gen.Bool).Sample((lines, sometimesTooLong) =>
        {
            var options = Keep with { MaxLineLength = sometimesTooLong ? 60 : FeedParserOptions.DefaultMaxLineLength };
            var result = ParseResult.Of(string.Join('\n', lines), options);
            var papers = result.Papers.OrderBy(p => p.SourceLine).ToList();
            var diagnosed = result.Diagnostics.Select(d => d.Line).ToHashSet();
            var pageDates = result.Feeds.Select(f => f.Date).ToHashSet();

            for (int i = 0; i < lines.Length; i++)
            {
                int number = i + 1;
                var text = lines[i].Trim();
                if (text.Length == 0 || diagnosed.Contains(number)) continue;
                var owner = papers.LastOrDefault(p => p.SourceLine <= number);
                bool accounted =
                    LineClassifierHeaders().Contains(text) ||
                    (owner is not null && owner.SourceLine == number && owner.Title.StartsWith(text, StringComparison.Ordinal)) ||
                    (owner is not null && owner.Title.EndsWith(" " + text, StringComparison.Ordinal)) ||
                    (owner is not null && owner.Abstract == text) ||
                    (AuthorCount(text) is int count && owner?.AuthorCount == count) ||
                    // The separator carries nothing: it belongs to its paper's metadata block, whose data or diagnostic shows.
                    (text == "·" && owner is not null && (owner.AuthorCount is not null || owner.Published is not null ||
                        diagnosed.Any(line => line >= owner.SourceLine && line < number))) ||
                    (ParseListingDate(text) is PaperDate date && (SameDay(owner?.Published, date) || pageDates.Any(d => SameDay(d, date))));
                accounted.Should().BeTrue($"line {number} '{text}' must end in a field or a diagnostic:\n{string.Join('\n', lines.Select((l, j) => $"{j + 1}: {l}"))}");
            }
        }, iter: 300, threads: 1);
    }

    private static string[] LineClassifierHeaders() =>
        ["new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers", "byAK and the research community"];

    private static int? AuthorCount(string text)
    {
        var parts = text.TrimStart('•', ' ').Split(' ');
        return parts.Length == 2 && parts[1] is "author" or "authors" && int.TryParse(parts[0], CultureInfo.InvariantCulture, out int n) ? n : null;
    }

    /// <summary>A year-less date may have been given its year by the feed's date.</summary>
    private static bool SameDay(PaperDate? resolved, PaperDate date) =>
        resolved is PaperDate r && r.Month == date.Month && r.Day == date.Day && (date.Year is null || date.Year == r.Year);

    private static PaperDate? ParseListingDate(string text)
    {
        int cut = text.LastIndexOf(' ');
        if (PaperDate.TryParse(text, out var date)) return date;
        return cut > 0 && PaperDate.TryParse(text[..cut], out date) ? date : null;
    }

    private static string Listing(PaperDate date) =>
        CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(date.Month) + " " + date.Day.ToString(CultureInfo.InvariantCulture) +
        (date.Year is int year ? ", " + year.ToString(CultureInfo.InvariantCulture) : "");

    private static string Render(FeedSpec[] feeds, Style style)
    {
        var headers = LineClassifierHeaders();
        var lines = new List<string>();
        void Block(params string[] block)
        {
            if (lines.Count > 0)
            {
                for (int i = 0; i <= style.ExtraBlanks; i++) lines.Add(i % 2 == 1 && style.TrailingSpaces ? " \t" : "");
            }
            lines.AddRange(block.Select(l => style.TrailingSpaces ? l + "  " : l));
        }
        foreach (var feed in feeds)
        {
            for (int h = 0; h < headers.Length; h++)
            {
                if ((feed.HeaderMask & (1 << h)) != 0) Block(headers[h]);
            }
            if (feed.PageDate is PaperDate page) Block(Listing(page));
            foreach (var paper in feed.Papers)
            {
                Block(paper.Title);
                Block(paper.Abstract);
                if (paper.Meta is Meta meta)
                {
                    string word = meta.Authors == 1 && !meta.Singular ? "authors" : meta.Authors == 1 ? "author" : "authors";
                    Block($"  • {meta.Authors} {word}", "·", Listing(meta.Published) + (meta.Upvotes is int u ? " " + u.ToString(CultureInfo.InvariantCulture) : ""));
                }
            }
        }
        var text = string.Join(style.Newline, lines) + (style.FinalNewline ? style.Newline : "");
        return style.Bom ? "\uFEFF" + text : text;
    }

    private static List<Feed> Expected(FeedSpec[] feeds) =>
        feeds.Select(f => new Feed
        {
            Date = f.PageDate,
            Papers = f.Papers.Select(p => new Paper
            {
                Title = p.Title,
                Abstract = p.Abstract,
                AuthorCount = p.Meta?.Authors,
                Published = p.Meta?.Published,
                Upvotes = p.Meta?.Upvotes,
                Featured = f.PageDate,
            }).ToList(),
        }).ToList();
}
