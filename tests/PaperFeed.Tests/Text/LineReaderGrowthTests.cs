using PaperFeed.Text;

namespace PaperFeed.Tests.Text;

/// <summary>
/// A line far longer than one read, at a limit as high as <c>--max-line-length 2147483647</c> (issue 14, item 7):
/// the reader searches and copies each character a bounded number of times, so reading stays linear in the line's
/// length. Proved by counting characters, not by timing (the old reader searched the whole partial line again after
/// every 64K read: a 200 MB line took 32 s, a 1.1 GB one more than 5 minutes).
/// </summary>
public sealed class LineReaderGrowthTests
{
    [Theory]
    [InlineData(1 << 20, 4096)]
    [InlineData(16 << 20, 65536)]
    public void A_long_line_is_searched_and_copied_a_bounded_number_of_times(int length, int chunk)
    {
        using var reader = new LineReader(new ChunkedSource(length, chunk), int.MaxValue);

        ReadLine(reader).Should().Be(length);
        ReadLine(reader).Should().Be(3, "the line after it, \"end\"");
        reader.CharsSearched.Should().BeLessThanOrEqualTo(length + 16L, "every character is searched once");
        reader.CharsCopied.Should().BeLessThanOrEqualTo(3L * length, "doubling copies at most 2n, moving to the front at most n");
    }

    private static int ReadLine(LineReader reader)
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

    /// <summary>'x' × length, a line feed and "end\n", handed out at most <c>chunk</c> characters per read, as from a pipe.</summary>
    private sealed class ChunkedSource(int length, int chunk) : CharSource
    {
        private long _position;
        private readonly long _total = length + 5L;

        public override int Read(Span<char> destination)
        {
            int count = (int)Math.Min(Math.Min(destination.Length, chunk), _total - _position);
            for (int i = 0; i < count; i++, _position++)
            {
                long tail = _position - length;
                destination[i] = tail < 0 ? 'x' : "\nend\n"[(int)tail];
            }
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<char> destination, CancellationToken cancellationToken) => ValueTask.FromResult(Read(destination.Span));
    }
}
