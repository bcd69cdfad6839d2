using System.Globalization;
using System.Text;

namespace PaperFeed.Testing;

/// <summary>
/// Writes large, realistic plain-text Daily Papers dumps (concatenated snapshots), streaming, and returns what
/// they truly contain. The same <see cref="DumpOptions"/> give the same characters on every run and machine.
/// </summary>
/// <remarks>
/// A dump mixes what real copies of the page show: full, partial and missing headers, page dates with and
/// without a year, entries with and without a metadata block (<c>• 1 author</c>, <c>• N authors</c>, dates with and
/// without a year, with and without an upvote count), empty days, final sentences written twice, whole abstracts
/// written twice, repeated title and abstract lines, trailing spaces, non-Latin scripts and emoji, LF or CRLF.
/// Memory use does not depend on the size: only the entry being written is held.
/// </remarks>
public static class DumpGenerator
{
    private static readonly string[] HeaderLines =
        ["new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers", "byAK and the research community"];

    /// <summary>Writes a dump to <paramref name="writer"/> (flushed, not disposed).</summary>
    /// <param name="writer">The target; <see cref="DumpSummary.Bytes"/> counts the text as UTF-8 whatever its encoding.</param>
    /// <param name="options">What to write; defaults when null.</param>
    /// <param name="onPaper">Receives each paper as a correct parse with default options must return it, <see cref="Paper.SourceLine"/> included.</param>
    /// <returns>The true counts.</returns>
    public static DumpSummary Write(TextWriter writer, DumpOptions? options = null, Action<Paper>? onPaper = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return new Generation(writer, options ?? new DumpOptions(), onPaper).Run();
    }

    /// <summary>Writes a dump to <paramref name="stream"/> as UTF-8 (not disposed).</summary>
    /// <inheritdoc cref="Write(TextWriter, DumpOptions?, Action{Paper}?)"/>
    public static DumpSummary Write(Stream stream, DumpOptions? options = null, Action<Paper>? onPaper = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        return Write(writer, options, onPaper);
    }

    /// <summary>Writes a dump to a new file at <paramref name="path"/> (replacing any).</summary>
    /// <inheritdoc cref="Write(TextWriter, DumpOptions?, Action{Paper}?)"/>
    public static DumpSummary WriteFile(string path, DumpOptions? options = null, Action<Paper>? onPaper = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        return Write(stream, options, onPaper);
    }

    /// <summary>One run: the random sequence, the writer and the counts.</summary>
    private sealed class Generation(TextWriter target, DumpOptions options, Action<Paper>? onPaper)
    {
        private readonly DumpRandom _random = new(options.Seed);
        private readonly DumpLineWriter _out = new(target);
        private readonly StringBuilder _builder = new();
        private readonly List<string> _sentences = [];
        private long _feeds, _papers, _withMetadata, _infos, _warnings, _textChars;

        // Whether the parser is between entries (after a page date or a complete metadata block), the only place a
        // snapshot can start with its page date alone and still be told apart from the previous entry.
        private bool _betweenEntries = true;

        public DumpSummary Run()
        {
            if (options.ByteOrderMark) _out.ByteOrderMark();
            while (_feeds == 0 || _out.Bytes < options.TargetBytes) WriteSnapshot();
            _out.Finish(options.FinalNewline);
            return new DumpSummary
            {
                Bytes = _out.Bytes,
                PaperTextChars = _textChars,
                Expected = new FeedStatistics
                {
                    Feeds = _feeds,
                    Papers = _papers,
                    PapersWithMetadata = _withMetadata,
                    Lines = _out.Lines,
                    Warnings = _warnings,
                    Infos = _infos,
                },
            };
        }

        private void WriteSnapshot()
        {
            _out.NewLine = options.LineEndings switch
            {
                DumpLineEndings.CrLf => "\r\n",
                DumpLineEndings.Mixed => _random.Chance(0.5) ? "\r\n" : "\n",
                _ => "\n",
            };
            bool empty = _random.Chance(0.02);
            int entries = empty ? 0 : _random.Between(8, 80);
            double shape = _random.NextUInt64() / (double)ulong.MaxValue;
            // Full header, a hand copy missing its first lines, or no header at all (then the page date starts it).
            int firstHeaderLine = empty || shape < 0.6 ? 0 : shape < 0.85 ? _random.Between(1, 4) : -1;
            if (firstHeaderLine < 0 && !_betweenEntries) firstHeaderLine = 0;
            bool hasPageDate = firstHeaderLine < 0 || empty || _random.Chance(0.92);

            _feeds++;
            if (firstHeaderLine < 0 && _out.Lines > 0) _warnings++;
            for (int i = Math.Max(firstHeaderLine, 0); firstHeaderLine >= 0 && i < HeaderLines.Length; i++)
            {
                _out.Line(HeaderLines[i]);
                _out.Blank();
            }
            PaperDate? featured = null;
            if (hasPageDate)
            {
                featured = NextDate(yearChance: 0.1, out string text);
                _out.Line(text);
                _out.Blank();
            }
            _betweenEntries = true;
            for (int i = 0; i < entries && _out.Bytes < options.TargetBytes; i++) WriteEntry(featured);
        }

        private void WriteEntry(PaperDate? featured)
        {
            string title = NextTitle();
            _out.Line(_random.Chance(0.03) ? title + " " : title);
            long titleLine = _out.Lines;
            _out.Blank();
            if (_random.Chance(0.005))
            {
                _out.Line(title);
                _out.Blank();
                _infos++;
            }

            string abstractText = NextAbstract();
            string written = abstractText;
            double repeat = _random.NextUInt64() / (double)ulong.MaxValue;
            if (repeat < 0.04)
            {
                written = abstractText + " " + _sentences[^1];
                _infos++;
            }
            else if (repeat < 0.05)
            {
                written = abstractText + " " + abstractText;
                _infos++;
            }
            _out.Line(written);
            _out.Blank();
            if (_random.Chance(0.01))
            {
                _out.Line(written);
                _out.Blank();
                _infos++;
            }

            int? authorCount = null;
            PaperDate? published = null;
            int? upvotes = null;
            if (_random.Chance(0.85))
            {
                authorCount = _random.Chance(0.1) ? 1 : _random.Chance(0.03) ? _random.Between(50, 400) : _random.Between(2, 30);
                _out.Line(authorCount == 1 ? "  • 1 author" : string.Create(CultureInfo.InvariantCulture, $"  • {authorCount} authors"));
                _out.Line("·");
                var date = NextDate(yearChance: 0.6, out string dateText);
                if (_random.Chance(0.5))
                {
                    upvotes = _random.Between(1, 400);
                    dateText = string.Create(CultureInfo.InvariantCulture, $"{dateText} {upvotes}");
                }
                _out.Line(dateText);
                _out.Blank();
                published = !date.HasYear && featured?.ToDateOnly() is DateOnly day ? date.Resolve(day) : date;
                _withMetadata++;
            }
            _betweenEntries = authorCount is not null;
            _papers++;
            _textChars += title.Length + abstractText.Length;
            onPaper?.Invoke(new Paper
            {
                Title = title,
                Abstract = abstractText,
                AuthorCount = authorCount,
                Published = published,
                Upvotes = upvotes,
                Featured = featured,
                SourceLine = titleLine,
            });
        }

        /// <summary>A listing date (<c>Aug 25</c> or <c>Feb 13, 2023</c>) and its text.</summary>
        private PaperDate NextDate(double yearChance, out string text)
        {
            int month = _random.Between(1, 12);
            int? year = _random.Chance(yearChance) ? _random.Between(2019, 2026) : null;
            int day = _random.Between(1, DateTime.DaysInMonth(year ?? 2000, month));
            string name = DumpVocabulary.Months[month - 1];
            text = year is int y
                ? string.Create(CultureInfo.InvariantCulture, $"{name} {day}, {y}")
                : string.Create(CultureInfo.InvariantCulture, $"{name} {day}");
            return new PaperDate(year, month, day);
        }

        private string NextTitle()
        {
            var b = _builder.Clear();
            if (_random.Chance(0.35))
            {
                b.Append(_random.Pick(DumpVocabulary.Names));
                if (_random.Chance(0.2)) b.Append(' ').Append(_random.Between(1, 3)).Append(".0");
                b.Append(':');
            }
            int words = _random.Between(4, 12);
            for (int i = 0; i < words; i++)
            {
                if (b.Length > 0) b.Append(' ');
                if (_random.Chance(0.005)) b.Append(_random.Pick(DumpVocabulary.Foreign));
                else AppendCapitalized(b, _random.Pick(DumpVocabulary.Words));
            }
            return b.ToString();
        }

        /// <summary>3 to 14 distinct sentences (so nothing repeats unless the caller repeats it), one space apart.</summary>
        private string NextAbstract()
        {
            _sentences.Clear();
            int count = _random.Between(3, 14);
            while (_sentences.Count < count)
            {
                string sentence = NextSentence();
                if (!_sentences.Contains(sentence)) _sentences.Add(sentence);
            }
            return string.Join(' ', _sentences);
        }

        private string NextSentence()
        {
            var b = _builder.Clear();
            int words = _random.Between(8, 30);
            for (int i = 0; i < words; i++)
            {
                if (i > 0) b.Append(' ');
                if (_random.Chance(0.002)) b.Append(_random.Pick(DumpVocabulary.Foreign));
                else if (_random.Chance(0.01)) b.Append(_random.Pick(DumpVocabulary.Oddities));
                else if (i == 0) AppendCapitalized(b, _random.Pick(DumpVocabulary.Words));
                else b.Append(_random.Pick(DumpVocabulary.Words));
            }
            b.Append(_random.Chance(0.95) ? '.' : '?');
            return b.ToString();
        }

        private static void AppendCapitalized(StringBuilder b, string word)
        {
            b.Append(char.ToUpperInvariant(word[0]));
            b.Append(word, 1, word.Length - 1);
        }
    }
}
