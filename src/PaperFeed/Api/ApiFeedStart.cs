namespace PaperFeed.Api;

/// <summary>In the stream of <see cref="ApiListingReader"/>: the papers that follow, up to the next start, are one listing.</summary>
internal sealed record ApiFeedStart(PaperDate? Date, FeedPeriod? Period);
