using PaperFeed.IO;
using PaperFeed.Text;

namespace PaperFeed.Json;

/// <summary>
/// One input of a known format written as PaperFeed JSON Lines (<see cref="FeedReader.WriteJsonLinesAsync"/>): a text
/// listing from its bytes to the output's without a string (<see cref="EntryJsonLines"/>), any other format paper by
/// paper through <see cref="FeedJsonWriter"/>. Both return what <see cref="FeedFormat.CountAsync"/> would.
/// </summary>
internal static class JsonLinesOutput
{
    public static FeedStatistics Write(FeedFormat format, Stream input, FeedReadContext context, Stream destination)
    {
        if (format == FeedFormat.TextListing)
        {
            using var session = ParseSession.Of(input, context.Settings, EntryOutput.Entries);
            return EntryJsonLines.Convert(session, destination);
        }
        var lines = new LineCountingStream(input);
        var counting = context.Counting();
        var tally = new FeedTally();
        using (var writer = new FeedJsonWriter(destination, FeedJsonFormat.JsonLines, leaveOpen: true))
        {
            foreach (var feed in format.ReadFeeds(lines, counting))
            {
                tally.Add(feed);
                foreach (var paper in feed.Papers) writer.WritePaper(paper);
            }
            writer.Complete();
        }
        destination.Flush();
        return tally.Statistics(lines, counting);
    }

    public static async Task<FeedStatistics> WriteAsync(FeedFormat format, Stream input, FeedReadContext context, Stream destination, CancellationToken cancellationToken)
    {
        if (format == FeedFormat.TextListing)
        {
            using var session = ParseSession.Of(input, context.Settings, EntryOutput.Entries);
            return await EntryJsonLines.ConvertAsync(session, destination, cancellationToken).ConfigureAwait(false);
        }
        var lines = new LineCountingStream(input);
        var counting = context.Counting();
        var tally = new FeedTally();
        await using (var writer = new FeedJsonWriter(destination, FeedJsonFormat.JsonLines, leaveOpen: true))
        {
            await foreach (var feed in format.ReadFeedsAsync(lines, counting, cancellationToken).ConfigureAwait(false))
            {
                tally.Add(feed);
                foreach (var paper in feed.Papers) writer.WritePaper(paper);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        return tally.Statistics(lines, counting);
    }
}
