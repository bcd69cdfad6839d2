namespace PaperFeed.Tests.Real;

/// <summary>
/// Every input the fuzzer (tests/PaperFeed.Fuzz, docs/fuzzing.md) found crashing a reader or giving junk output, kept
/// under tests/PaperFeed.Fuzz/Findings/&lt;target&gt;/: read through detection and with each format forced, each gives
/// papers or a typed refusal, never another exception, and no capture's paper is titled with markup.
/// </summary>
public sealed class FuzzFindingTests
{
    private static string Findings => Path.Combine(SourceTree.Root, "tests", "PaperFeed.Fuzz", "Findings");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Findings, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Findings, file).Replace('\\', '/'));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_kept_finding_reads_or_is_refused_with_a_typed_error(string name)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Findings, name));
        foreach (string? format in new[] { null, "text", "markdown", "clipper", "hf-api", "paperfeed-json", "html" })
        {
            List<Feed> feeds;
            try
            {
                feeds = await TestReaders.ReadFeedsAsync(new MemoryStream(bytes), format).ToListAsync();
            }
            catch (FeedFormatException)
            {
                continue;
            }
            if (format is "markdown" or "clipper" || (format is null && TestReaders.DetectFormat(bytes, isEntireInput: true) is "markdown" or "clipper"))
            {
                feeds.SelectMany(f => f.Papers).Should().NotContain(p => MutatedFixtureProperties.IsFurniture(p.Title), $"{name} read as {format ?? "detected"}");
            }
        }
    }

    [Fact]
    public async Task A_string_item_whose_bytes_are_not_utf8_is_refused_as_a_string_item()
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Findings, "api-json", "string-item-not-utf8.json"));

        var act = () => TestReaders.ReadFeedsAsync(new MemoryStream(bytes), "hf-api").ToListAsync().AsTask();

        (await act.Should().ThrowAsync<FeedFormatException>()).Which.Code.Should().Be(DiagnosticCodes.StringItems);
    }

    [Fact]
    public async Task A_page_declaring_utf7_is_read_as_utf8_as_browsers_do()
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Findings, "html", "charset-utf7.html"));

        Func<Task> act = async () =>
        {
            try
            {
                await TestReaders.ReadFeedsAsync(new MemoryStream(bytes), "html").ToListAsync();
            }
            catch (FeedFormatException)
            {
                // a typed refusal is an answer; NotSupportedException (UTF-7) was the crash
            }
        };

        await act.Should().NotThrowAsync();
    }
}
