using PaperFeed.Html;

namespace PaperFeed.Fuzz;

/// <summary>
/// One fuzz target per reader. Each reads the input with its format forced, as a user's <c>--input-format</c> does, and
/// then through detection, so both the reader and the evidence rules see every input. A typed refusal
/// (<see cref="FeedFormatException"/>) is a correct answer; any other exception is a crash, and a paper whose title is
/// page furniture or markup is junk output, reported as a crash too.
/// </summary>
internal static class FuzzTargets
{
    /// <summary>The targets' names. Nothing of PaperFeed is touched before the fuzzer starts: instrumented code needs its coverage map.</summary>
    public static readonly string[] Names = ["text", "captures", "api-json", "paperfeed-json", "html"];

    private static FeedFormat[] Formats(string target) => target switch
    {
        "text" => [FeedFormat.TextListing],
        "captures" => [FeedFormat.MarkdownCapture, FeedFormat.ClipperCapture],
        "api-json" => [FeedFormat.HuggingFaceApiJson],
        "paperfeed-json" => [FeedFormat.PaperFeedJson, FeedFormat.PaperFeedJsonLines],
        _ => [HtmlFeedFormat.Default],
    };

    /// <summary>Runs one target on one input; throws on a crash or junk output.</summary>
    public static void Run(string target, ReadOnlySpan<byte> input)
    {
        var bytes = input.ToArray();
        var detecting = FeedReaderOptions.Default.WithFormat(HtmlFeedFormat.Default);
        foreach (var format in Formats(target)) Read(detecting with { Format = format }, bytes, checkTitles: target == "captures");
        // Detected as a capture, titles must be free of markup; a plain text listing may well have a title starting with '#'.
        var detected = new FeedReader(detecting).DetectFormat(bytes.AsSpan(0, Math.Min(bytes.Length, 16 * 1024)), bytes.Length <= 16 * 1024);
        Read(detecting, bytes, checkTitles: detected?.Name is "markdown" or "clipper");
    }

    private static void Read(FeedReaderOptions options, byte[] bytes, bool checkTitles)
    {
        try
        {
            var reader = new FeedReader(options);
            foreach (var feed in reader.ReadFeeds(FeedInput.FromBytes(bytes)))
            {
                foreach (var paper in feed.Papers)
                {
                    if (string.IsNullOrWhiteSpace(paper.Title)) throw new JunkOutputException("a paper with an empty title");
                    if (checkTitles && IsMarkup(paper.Title))
                    {
                        throw new JunkOutputException($"a paper titled with markup: {paper.Title}");
                    }
                }
            }
        }
        catch (FeedFormatException)
        {
            // A typed refusal or a strict-mode stop: the reader said what is wrong.
        }
    }

    /// <summary>Markup no capture's title may be: a Markdown link or image, a heading mark, an HTML tag.</summary>
    private static bool IsMarkup(string title)
    {
        var t = title.TrimStart();
        return t.StartsWith('#') || t.StartsWith("![", StringComparison.Ordinal) || t.StartsWith("[[", StringComparison.Ordinal) ||
            t.Contains("](", StringComparison.Ordinal) || (t.StartsWith('<') && t.Contains('>', StringComparison.Ordinal));
    }
}

/// <summary>A reader accepted an input and gave a paper no page has: a finding, like a crash.</summary>
internal sealed class JunkOutputException(string message) : Exception(message);
