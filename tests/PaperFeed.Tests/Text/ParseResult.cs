using System.Text;

namespace PaperFeed.Tests.Text;

/// <summary>A whole parse with the diagnostics it reported, for assertions.</summary>
internal sealed record ParseResult(IReadOnlyList<Feed> Feeds, IReadOnlyList<FeedDiagnostic> Diagnostics)
{
    public IReadOnlyList<Paper> Papers => Feeds.SelectMany(f => f.Papers).ToList();

    public IEnumerable<FeedDiagnostic> WithCode(string code) => Diagnostics.Where(d => d.Code == code);

    /// <summary>Parses <paramref name="text"/> through <see cref="FeedParser.Parse"/>, collecting diagnostics.</summary>
    public static ParseResult Of(string text, FeedParserOptions? options = null)
    {
        var diagnostics = new List<FeedDiagnostic>();
        var feeds = FeedParser.Parse(text, (options ?? FeedParserOptions.Default) with { OnDiagnostic = diagnostics.Add });
        return new ParseResult(feeds, diagnostics);
    }

    /// <summary>Parses UTF-8 bytes through <see cref="FeedParser.ReadFeedsAsync"/>, collecting diagnostics.</summary>
    public static ParseResult OfBytes(byte[] bytes, FeedParserOptions? options = null) => OfStream(new MemoryStream(bytes), options);

    public static ParseResult OfStream(Stream stream, FeedParserOptions? options = null)
    {
        var diagnostics = new List<FeedDiagnostic>();
        var feeds = FeedParser.ReadFeedsAsync(stream, (options ?? FeedParserOptions.Default) with { OnDiagnostic = diagnostics.Add })
            .ToBlockingEnumerable().ToList();
        return new ParseResult(feeds, diagnostics);
    }

    /// <summary>Reads a fixture of tests/PaperFeed.Tests/Fixtures/Text.</summary>
    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Text", name), Encoding.UTF8);

    public static ParseResult OfFixture(string name, FeedParserOptions? options = null) => Of(Fixture(name), options);
}
