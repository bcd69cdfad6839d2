using System.Text;
using PaperFeed.IO;

namespace PaperFeed.Tests.Json;

/// <summary>
/// A JSON string between System.Text.Json's token limit (166,666,666 bytes) and the 256 MiB value limit (issue 14,
/// item 7): read, it could never be written back out, and the old reader failed only when writing, with "unexpected
/// ArgumentException: The JSON value of length … is too large" and no place. It is PF903 at the string's line and column.
/// </summary>
public sealed class LongJsonStringTests
{
    [Fact]
    public async Task A_string_longer_than_a_writer_can_write_is_PF903_at_its_place()
    {
        // Line 2 holds the feed; its paper's title is the long string (the column is of its opening quote, 1-based, in bytes).
        const string prefix = "{\"title\": \"Feed\", \"papers\": [{\"title\": ";
        int length = 170 * 1024 * 1024;
        using var input = new GeneratedJson("[\n" + prefix + "\"", length, "\"}]}\n]\n");

        var read = async () =>
        {
            await foreach (var _ in FeedJson.ReadFeedsAsync(input, new ReadSettings { SourceName = "long.json" })) { }
        };

        var error = (await read.Should().ThrowAsync<FeedFormatException>()).Which.Diagnostic;
        error.Code.Should().Be(DiagnosticCodes.JsonValueTooLarge);
        error.Source.Should().Be("long.json");
        error.Line.Should().Be(2);
        error.Column.Should().Be(prefix.Length + 1);
        error.Message.Should().Contain("178,257,920 bytes", "the string's length between its quotes: 170 MiB");
    }

    /// <summary>head, then 'a' × length, then tail, as UTF-8, without holding it in memory.</summary>
    private sealed class GeneratedJson(string head, int length, string tail) : ReadOnlyForwardStream
    {
        private readonly byte[] _head = Encoding.UTF8.GetBytes(head);
        private readonly byte[] _tail = Encoding.UTF8.GetBytes(tail);
        private long _position;

        public override int Read(Span<byte> buffer)
        {
            int written = 0;
            while (written < buffer.Length)
            {
                var rest = buffer[written..];
                long body = _position - _head.Length;
                int count;
                if (body < 0) count = Copy(_head.AsSpan((int)_position), rest);
                else if (body < length)
                {
                    count = (int)Math.Min(rest.Length, length - body);
                    rest[..count].Fill((byte)'a');
                }
                else if (body - length < _tail.Length) count = Copy(_tail.AsSpan((int)(body - length)), rest);
                else break;
                written += count;
                _position += count;
            }
            return written;
        }

        private static int Copy(ReadOnlySpan<byte> from, Span<byte> to)
        {
            int count = Math.Min(from.Length, to.Length);
            from[..count].CopyTo(to);
            return count;
        }
    }
}
