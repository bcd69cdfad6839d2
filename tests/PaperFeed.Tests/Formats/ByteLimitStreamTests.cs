using PaperFeed.IO;

namespace PaperFeed.Tests.Formats;

public class ByteLimitStreamTests
{
    [Fact]
    public async Task Reading_past_the_limit_is_a_typed_error_not_unbounded_memory()
    {
        var limited = new ByteLimitStream(new MemoryStream(new byte[1000]), 999, limit =>
            new FeedFormatException(new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.InputTooLarge, 1, null, $"over {limit}")));
        using var reader = new StreamReader(limited);

        var act = () => reader.ReadToEndAsync();

        (await act.Should().ThrowAsync<FeedFormatException>()).Which.Code.Should().Be(DiagnosticCodes.InputTooLarge);
    }

    [Fact]
    public async Task Reading_up_to_the_limit_gives_every_byte()
    {
        byte[] bytes = [.. Enumerable.Range(0, 1000).Select(i => (byte)i)];
        var limited = new ByteLimitStream(new MemoryStream(bytes), 1000, _ => throw new InvalidOperationException("not reached"));
        using var copy = new MemoryStream();

        await limited.CopyToAsync(copy);

        copy.ToArray().Should().Equal(bytes);
    }
}
