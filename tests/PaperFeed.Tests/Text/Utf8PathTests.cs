using System.Text;
using CsCheck;
using PaperFeed.Text;

namespace PaperFeed.Tests.Text;

/// <summary>
/// Every text reader splits lines with <see cref="Utf8LineReader"/>, which repairs invalid UTF-8 as the bytes arrive,
/// in whatever chunks they come. Reading damaged bytes must give what the runtime's own decoder gives when it decodes
/// them first (every maximal invalid subsequence a U+FFFD) and the clean text is read whole: the same feeds, papers,
/// source lines, diagnostics (columns and messages included), statistics and errors, for any bytes, read in any
/// chunks, with any options; each invalid-UTF-8 warning points at a U+FFFD of the decoded line.
/// </summary>
public sealed class Utf8PathTests
{
    private static readonly string[] Fragments =
        ["\n", "\r\n", "\r", " ", "\t", "\n\n", "·", "•", " 3 authors", "1 author", "Aug 25", ", 2023", " 2", "Feb 30", "new", "Daily Papers", "Subscribe",
         "Title", "An abstract. An abstract.", "A b. C d! A b. C d!", "?", "!", ". ", "é", "😀", "\uFEFF", "\uFFFD", "\u00A0", "\u3000", "99999999999", "Sept",
         "Feb 13, 2023", "  • 4 authors", "Dec 30"];

    private static readonly Gen<byte[]> Bytes = Gen.Frequency(
        (6, (IGen<byte[]>)Gen.OneOf(Fragments).Array[0, 30].Select(parts => Encoding.UTF8.GetBytes(string.Concat(parts)))),
        (1, Gen.OneOf<byte>(0xC3, 0xE2, 0x82, 0xA2, 0xF0, 0x9F, 0x98, 0xFF, 0xC2, 0xB7, 0xEF, 0xBB, 0xBF, 0x0A, 0x0D, 0x20, 0x41, 0x2E).Array[0, 20]),
        (1, Gen.Byte.Array[0, 8])).Array[1, 6].Select(parts => parts.SelectMany(p => p).ToArray());

    [Fact]
    public void Bytes_parse_as_decoding_them_first_would()
    {
        Gen.Select(Bytes, Gen.Int[1, 9].Array[1, 4], Gen.Int[1, 60], Gen.Bool).Sample((input, sizes, maxLine, keep) =>
        {
            var options = new FeedParserOptions
            {
                MaxLineLength = maxLine,
                DuplicateSentences = keep ? DuplicateSentenceHandling.Keep : DuplicateSentenceHandling.Collapse,
                ReferenceDate = new DateOnly(2026, 1, 2),
                SourceName = "in.txt",
            };
            // The byte path also reads a damaged end (NUL padding, a character cut by the end): the model reads the
            // input without it, and the byte path says what it dropped in one more warning.
            var (undamaged, damages) = WithoutDamagedEnd(input);
            string decoded = Encoding.UTF8.GetString(undamaged);
            var expected = Parse(ParseSession.Of(new MemoryStream(Encoding.UTF8.GetBytes(decoded)), Listening(options, out var expectedDiagnostics), EntryOutput.Feeds));
            var actual = Parse(ParseSession.Of(new ChunkedStream(input, sizes), Listening(options, out var actualDiagnostics), EntryOutput.Feeds));

            actual.Error.Should().Be(expected.Error);
            actual.Feeds.Should().Equal(expected.Feeds);
            actual.Lines.Should().Equal(expected.Lines);
            var endWarnings = actualDiagnostics.Where(IsDamagedEnd).ToList();
            var repairs = actualDiagnostics.Where(IsRepair).ToList();
            actual.Statistics.Should().Be(expected.Statistics is { } statistics ? statistics with { Warnings = statistics.Warnings + endWarnings.Count + repairs.Count } : null);
            actualDiagnostics.Where(d => !IsDamagedEnd(d) && !IsRepair(d)).Should().Equal(expectedDiagnostics);
            if (expected.Error is null) endWarnings.Should().HaveCount(damages);
            // Lines as the reader splits them (LF, CRLF, lone CR), without the byte order mark that opens the input.
            var lines = System.Text.RegularExpressions.Regex.Split(decoded.StartsWith('\uFEFF') ? decoded[1..] : decoded, "\r\n|\r|\n");
            foreach (var repair in repairs)
            {
                string line = lines[(int)repair.Location.Line!.Value - 1];
                line[(int)repair.Location.Column!.Value - 1].Should().Be('\uFFFD', "line {0} is \"{1}\"", repair.Location.Line, line);
            }
            if (!decoded.Contains('\uFFFD')) repairs.Should().BeEmpty();
        }, iter: 3000, threads: 1);
    }

    private static bool IsRepair(FeedDiagnostic d) => d.Code == DiagnosticCodes.InvalidUtf8 && d.Message.StartsWith("bytes that are not valid", StringComparison.Ordinal);

    private static bool IsDamagedEnd(FeedDiagnostic d) =>
        d.Code == DiagnosticCodes.NulPadding || (d.Code == DiagnosticCodes.InvalidUtf8 && d.Message.StartsWith("the input ends inside", StringComparison.Ordinal));

    /// <summary>
    /// The input without the end the byte path drops (docs/format.md): NUL bytes running to the end after some other
    /// byte (a byte order mark alone does not count), else a UTF-8 sequence cut by the end.
    /// </summary>
    private static (byte[] Input, int Damages) WithoutDamagedEnd(byte[] input)
    {
        int nuls = input.Length - input.AsSpan().LastIndexOfAnyExcept((byte)0) - 1;
        if (nuls > 0)
        {
            var before = input.AsSpan(0, input.Length - nuls);
            return before.IsEmpty || before.SequenceEqual("\uFEFF"u8) ? (input, 0) : (before.ToArray(), 1);
        }
        for (int back = 1; back <= Math.Min(3, input.Length); back++)
        {
            byte b = input[^back];
            if ((b & 0xC0) == 0x80) continue;
            // A prefix of a character that more bytes would complete, not bytes that no continuation makes valid; after
            // a NUL it is not dropped (the NUL is content).
            bool cut = Rune.DecodeFromUtf8(input.AsSpan(input.Length - back), out _, out _) == System.Buffers.OperationStatus.NeedMoreData
                && (input.Length == back || input[^(back + 1)] != 0);
            return cut ? (input[..^back], 1) : (input, 0);
        }
        return (input, 0);
    }

    [Fact]
    public async Task Counting_bytes_gives_the_statistics_of_reading_them()
    {
        foreach (string name in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Text")))
        {
            byte[] bytes = await File.ReadAllBytesAsync(name);
            var diagnostics = new List<FeedDiagnostic>();
            var read = FeedParser.ReadPapersAsync(new MemoryStream(bytes), new FeedParserOptions { OnDiagnostic = diagnostics.Add }).ToBlockingEnumerable().ToList();
            var counted = await FeedParser.CountAsync(new MemoryStream(bytes));

            counted.Papers.Should().Be(read.Count, name);
            counted.Warnings.Should().Be(diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning), name);
            counted.Infos.Should().Be(diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info), name);
            counted.Should().Be(FeedParser.Count(new StringReader(Encoding.UTF8.GetString(bytes))), name);
        }
    }

    [Fact]
    public async Task Counting_without_a_listener_makes_no_message()
    {
        // Every line is a stray metadata line quoted in its warning: 20,000 warnings, none of them formatted.
        string input = "Title\n\nAbstract.\n\n" + string.Concat(Enumerable.Repeat("·\n  • 3 authors\n", 10_000));
        byte[] bytes = Encoding.UTF8.GetBytes(input);
        FeedParser.Count(new StringReader(input)).Warnings.Should().BeGreaterThan(10_000);
        // Once first, so the pooled buffers are in the pool.
        (await FeedParser.CountAsync(new MemoryStream(bytes))).Warnings.Should().BeGreaterThan(10_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var fromText = FeedParser.Count(new StringReader(input));
        long textAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        // A memory stream completes every read at once: the whole count runs on this thread.
        var fromBytes = await FeedParser.CountAsync(new MemoryStream(bytes));
        long bytesAllocated = GC.GetAllocatedBytesForCurrentThread() - before;

        fromBytes.Should().Be(fromText);
        textAllocated.Should().BeLessThan(200_000, "a formatted message costs more than 40 bytes, and there are 20,000 warnings");
        bytesAllocated.Should().BeLessThan(200_000);
    }

    private static ReadSettings Listening(FeedParserOptions options, out List<FeedDiagnostic> diagnostics)
    {
        var list = new List<FeedDiagnostic>();
        diagnostics = list;
        return options.ToSettings() with { OnDiagnostic = list.Add };
    }

    private sealed record Outcome(List<Feed> Feeds, List<long?> Lines, FeedStatistics? Statistics, FeedDiagnostic? Error);

    private static Outcome Parse<T, TUnits>(ParseSession<T, TUnits> session)
        where T : unmanaged, IEquatable<T>
        where TUnits : ITextUnits<T>
    {
        var feeds = new List<Feed>();
        using (session)
        {
            try
            {
                while (session.Advance())
                {
                    while (session.Assembler.TryTakeFeed(out var feed)) feeds.Add(feed);
                }
            }
            catch (FeedFormatException e)
            {
                return new Outcome(feeds, [], null, e.Diagnostic);
            }
            return new Outcome(feeds, [.. feeds.SelectMany(f => f.Papers).Select(p => p.SourceLine)], session.Assembler.Statistics, null);
        }
    }
}
