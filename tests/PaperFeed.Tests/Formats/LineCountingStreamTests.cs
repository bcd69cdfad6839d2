using PaperFeed.IO;

namespace PaperFeed.Tests.Formats;

public class LineCountingStreamTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("a\n", 1)]
    [InlineData("a\nb", 2)]
    [InlineData("\n\n", 2)]
    [InlineData("a\r\nb\r\n", 2)]
    public async Task Counts_lines_as_the_text_reader_does(string text, long lines)
    {
        var counting = new LineCountingStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));

        await counting.CopyToAsync(Stream.Null, bufferSize: 1);

        counting.Lines.Should().Be(lines);
    }
}
