using PaperFeed.Text;
using PaperFeed.Text.Captures;

namespace PaperFeed;

/// <summary>A format the core reads itself, dispatching to its reader.</summary>
internal sealed class BuiltInFormat(string name, PaperFormat id) : FeedFormat(name)
{
    public PaperFormat Id { get; } = id;

    /// <summary>Whether the given format is checked against the other JSON format before reading.</summary>
    public bool IsJson => Id is PaperFormat.PaperFeedJson or PaperFormat.PaperFeedJsonLines or PaperFormat.HuggingFaceApiJson;

    public static FeedFormat Of(PaperFormat id) => id switch
    {
        PaperFormat.TextListing => TextListing,
        PaperFormat.PaperFeedJson => PaperFeedJson,
        PaperFormat.PaperFeedJsonLines => PaperFeedJsonLines,
        PaperFormat.HuggingFaceApiJson => HuggingFaceApiJson,
        PaperFormat.MarkdownCapture => MarkdownCapture,
        PaperFormat.ClipperCapture => ClipperCapture,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Not a built-in format."),
    };

    public override bool IsMatch(ReadOnlySpan<byte> start, bool isEntireInput) => PaperFormatDetector.Detect(start, isEntireInput) == Id;

    public override IAsyncEnumerable<Feed> ReadFeedsAsync(Stream input, FeedReadContext context, CancellationToken cancellationToken) => Id switch
    {
        PaperFormat.TextListing => ListingReads.FeedsAsync(input, context.Settings, cancellationToken),
        PaperFormat.PaperFeedJson or PaperFormat.PaperFeedJsonLines => FeedJson.ReadFeedsAsync(input, context.Settings, cancellationToken),
        PaperFormat.HuggingFaceApiJson => HuggingFaceJson.ReadFeedsAsync(input, context.Settings, cancellationToken),
        _ => CaptureParser.ReadFeedsAsync(input, Id, context.Settings, cancellationToken),
    };

    public override IAsyncEnumerable<Paper> ReadPapersAsync(Stream input, FeedReadContext context, CancellationToken cancellationToken) => Id switch
    {
        PaperFormat.TextListing => ListingReads.PapersAsync(input, context.Settings, cancellationToken),
        PaperFormat.PaperFeedJson or PaperFormat.PaperFeedJsonLines => FeedJson.ReadPapersAsync(input, context.Settings, cancellationToken),
        PaperFormat.HuggingFaceApiJson => HuggingFaceJson.ReadPapersAsync(input, context.Settings, cancellationToken),
        _ => CaptureParser.ReadPapersAsync(input, Id, context.Settings, cancellationToken),
    };

    public override IAsyncEnumerable<FeedItem> ReadItemsAsync(Stream input, FeedReadContext context, CancellationToken cancellationToken) => Id switch
    {
        PaperFormat.PaperFeedJson or PaperFormat.PaperFeedJsonLines => FeedJson.ReadItemsAsync(input, context.Settings, cancellationToken),
        _ => base.ReadItemsAsync(input, context, cancellationToken),
    };

    public override Task<FeedStatistics> CountAsync(Stream input, FeedReadContext context, CancellationToken cancellationToken) => Id switch
    {
        PaperFormat.TextListing => ListingReads.CountAsync(input, context.Settings, cancellationToken),
        PaperFormat.PaperFeedJson or PaperFormat.PaperFeedJsonLines => FeedJson.CountAsync(input, context.Settings, cancellationToken),
        PaperFormat.HuggingFaceApiJson => HuggingFaceJson.CountAsync(input, context.Settings, cancellationToken),
        _ => base.CountAsync(input, context, cancellationToken),
    };

    public override IEnumerable<Feed> ReadFeeds(Stream input, FeedReadContext context) => Id switch
    {
        PaperFormat.TextListing => ListingReads.Feeds(input, context.Settings),
        PaperFormat.PaperFeedJson or PaperFormat.PaperFeedJsonLines => FeedJson.ReadFeeds(input, context.Settings),
        PaperFormat.HuggingFaceApiJson => HuggingFaceJson.ReadFeeds(input, context.Settings),
        _ => CaptureParser.ReadFeeds(input, Id, context.Settings),
    };

    public override IEnumerable<Paper> ReadPapers(Stream input, FeedReadContext context) => Id switch
    {
        PaperFormat.TextListing => ListingReads.Papers(input, context.Settings),
        PaperFormat.PaperFeedJson or PaperFormat.PaperFeedJsonLines => FeedJson.ReadPapers(input, context.Settings),
        PaperFormat.HuggingFaceApiJson => HuggingFaceJson.ReadPapers(input, context.Settings),
        _ => CaptureParser.ReadPapers(input, Id, context.Settings),
    };

    public override IEnumerable<FeedItem> ReadItems(Stream input, FeedReadContext context) => Id switch
    {
        PaperFormat.PaperFeedJson or PaperFormat.PaperFeedJsonLines => FeedJson.ReadItems(input, context.Settings),
        _ => base.ReadItems(input, context),
    };

    public override FeedStatistics Count(Stream input, FeedReadContext context) => Id switch
    {
        PaperFormat.TextListing => ListingReads.Count(input, context.Settings),
        PaperFormat.PaperFeedJson or PaperFormat.PaperFeedJsonLines => FeedJson.Count(input, context.Settings),
        PaperFormat.HuggingFaceApiJson => HuggingFaceJson.Count(input, context.Settings),
        _ => base.Count(input, context),
    };
}
