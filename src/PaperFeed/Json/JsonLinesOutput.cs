using PaperFeed.IO;
using PaperFeed.Text;

namespace PaperFeed.Json;

/// <summary>
/// One input of a known format written as PaperFeed JSON Lines (<see cref="FeedReader.WriteJsonLinesAsync"/>): a text
/// listing from its bytes to the output's without a string (<see cref="EntryJsonLines"/>), any other format paper by
/// paper through <see cref="FeedJsonWriter"/>, each written as soon as it is read. Both return what <see cref="FeedFormat.CountAsync"/> would.
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
            foreach (var item in format.ReadItems(lines, counting)) Write(item, writer, ref tally);
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
            await foreach (var item in format.ReadItemsAsync(lines, counting, cancellationToken).ConfigureAwait(false))
            {
                Write(item, writer, ref tally);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        return tally.Statistics(lines, counting);
    }

    /// <summary>Writes an item's papers as they come (a loose paper at once, not held for its feed), and counts it.</summary>
    private static void Write(FeedItem item, FeedJsonWriter writer, ref FeedTally tally)
    {
        if (item.Feed is { } feed)
        {
            tally.Add(feed);
            foreach (var paper in feed.Papers) writer.WritePaper(paper);
        }
        else
        {
            tally.AddLoose(item.Paper!);
            writer.WritePaper(item.Paper!);
        }
    }
}
