using PaperFeed.Text;

namespace PaperFeed.Tests.Text;

/// <summary>
/// A line far longer than one read, at a limit as high as <c>--max-line-length 2147483647</c>: the one line splitter
/// searches and copies each byte a bounded number of times, so reading stays linear in the line's length. Proved by
/// counting bytes, not by timing (a reader that searched the whole partial line again after every read took 32 s on a
/// 200 MB line).
/// </summary>
public sealed class LineSplitterGrowthTests
{
    [Theory]
    [InlineData(1 << 20, 4096)]
    [InlineData(16 << 20, 65536)]
    public void A_long_line_is_searched_and_copied_a_bounded_number_of_times(int length, int chunk)
    {
        using var reader = new Utf8LineReader(new ChunkedStream(length, chunk), int.MaxValue);

        ReadLine(reader).Should().Be(length);
        ReadLine(reader).Should().Be(3, "the line after it, \"end\"");
        reader.BytesSearched.Should().BeLessThanOrEqualTo(length + 16L, "every byte is searched once");
        reader.BytesCopied.Should().BeLessThanOrEqualTo(3L * length, "doubling copies at most 2n, moving to the front at most n");
    }

    private static int ReadLine(Utf8LineReader reader)
    {
        while (true)
        {
            switch (reader.TryReadLine(out var line))
            {
                case LineStatus.Line: return line.Length;
                case LineStatus.NeedData: reader.Fill(); break;
                default: throw new InvalidOperationException("no line");
            }
        }
    }

    /// <summary>'x' × length, a line feed and "end\n", handed out at most <c>chunk</c> bytes per read, as from a pipe.</summary>
    private sealed class ChunkedStream(int length, int chunk) : Stream
    {
        private long _position;
        private readonly long _total = length + 5L;

        public override int Read(Span<byte> destination)
        {
            int count = (int)Math.Min(Math.Min(destination.Length, chunk), _total - _position);
            for (int i = 0; i < count; i++, _position++)
            {
                long tail = _position - length;
                destination[i] = tail < 0 ? (byte)'x' : (byte)"\nend\n"[(int)tail];
            }
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
