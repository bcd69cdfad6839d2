using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace PaperFeed.Text.Captures;

/// <summary>
/// Reads text captures of the Daily Papers page made by common tools (<see cref="PaperFormat.MarkdownCapture"/>,
/// <see cref="PaperFormat.ClipperCapture"/>), streaming line by line over the text listing's line reader (same
/// line limit, invalid UTF-8, NUL and damaged-end handling). Reached through <see cref="FeedReader"/>; rules in docs/format.md.
/// </summary>
internal static class CaptureParser
{
    public static async IAsyncEnumerable<Feed> ReadFeedsAsync(Stream stream, PaperFormat format, ReadSettings options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var session = new Session(stream, format, options, collectFeeds: true);
        while (await session.AdvanceAsync(cancellationToken).ConfigureAwait(false))
        {
            while (session.Cards.TryTakeFeed(out var feed)) yield return feed;
        }
    }

    public static async IAsyncEnumerable<Paper> ReadPapersAsync(Stream stream, PaperFormat format, ReadSettings options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var session = new Session(stream, format, options, collectFeeds: false);
        while (await session.AdvanceAsync(cancellationToken).ConfigureAwait(false))
        {
            while (session.Cards.TryTakePaper(out var paper)) yield return paper;
        }
    }

    public static IEnumerable<Feed> ReadFeeds(Stream stream, PaperFormat format, ReadSettings options)
    {
        using var session = new Session(stream, format, options, collectFeeds: true);
        while (session.Advance())
        {
            while (session.Cards.TryTakeFeed(out var feed)) yield return feed;
        }
    }

    public static IEnumerable<Paper> ReadPapers(Stream stream, PaperFormat format, ReadSettings options)
    {
        using var session = new Session(stream, format, options, collectFeeds: false);
        while (session.Advance())
        {
            while (session.Cards.TryTakePaper(out var paper)) yield return paper;
        }
    }

    /// <summary>Pulls lines into the dialect's reader until a paper or feed is ready.</summary>
    private sealed class Session : IDisposable
    {
        private readonly Utf8LineReader _lines;
        private readonly CaptureLineReader _reader;
        private bool _done;

        // The line decoded: the dialects read characters; the splitting (and its limits and repairs) is the listing's.
        private char[] _chars = ArrayPool<char>.Shared.Rent(4096);

        public Session(Stream stream, PaperFormat format, ReadSettings options, bool collectFeeds)
        {
            _lines = new Utf8LineReader(stream, options.MaxLineLength, options.SourceName);
            Cards = new CaptureAssembler(options, collectFeeds);
            _reader = format == PaperFormat.ClipperCapture
                ? new ClipperCaptureReader(Cards, options)
                : new MarkdownCaptureReader(Cards, options);
        }

        public CaptureAssembler Cards { get; }

        /// <summary>Reads until a paper or feed is ready, on the caller's thread; false at the end.</summary>
        public bool Advance()
        {
            while (!_done)
            {
                if (PumpBufferedLines()) return true;
                if (!_done) _lines.Fill();
            }
            return Cards.HasOutput;
        }

        /// <inheritdoc cref="Advance"/>
        public async ValueTask<bool> AdvanceAsync(CancellationToken cancellationToken)
        {
            while (!_done)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (PumpBufferedLines()) return true;
                if (!_done) await _lines.FillAsync(cancellationToken).ConfigureAwait(false);
            }
            return Cards.HasOutput;
        }

        private bool PumpBufferedLines()
        {
            while (true)
            {
                var status = _lines.TryReadLine(out var line);
                if (status == LineStatus.NeedData) return false;
                if (status == LineStatus.End)
                {
                    Cards.ReportDamagedEnd(_lines.LineNumber, _lines.TrailingNulBytes, _lines.CutCharacterBytes);
                    _reader.Complete();
                    _done = true;
                    return Cards.HasOutput;
                }
                if (_lines.LineHadInvalidUtf8) Cards.ReportInvalidUtf8(_lines.LineNumber, _lines.InvalidUtf8Column);
                if (status == LineStatus.TooLong) _reader.PushTooLong(_lines.LineNumber, _lines.SkippedLength);
                else _reader.PushLine(Decode(line), _lines.LineNumber);
                if (Cards.HasOutput) return true;
            }
        }

        /// <summary>The line's characters (its bytes are valid UTF-8: the line reader repaired them).</summary>
        private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> line)
        {
            if (line.Length > _chars.Length)
            {
                ArrayPool<char>.Shared.Return(_chars);
                _chars = ArrayPool<char>.Shared.Rent(line.Length);
            }
            return _chars.AsSpan(0, Encoding.UTF8.GetChars(line, _chars));
        }

        public void Dispose()
        {
            _lines.Dispose();
            if (_chars.Length > 0) ArrayPool<char>.Shared.Return(_chars);
            _chars = [];
        }
    }
}
