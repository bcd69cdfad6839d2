using System.Globalization;
using System.Text;

namespace PaperFeed.Tests.Api;

/// <summary>Measures the process's heap, so it runs alone: <see cref="SoloCollection"/>.</summary>
[Collection(SoloCollection.Name)]
public class StreamingTests
{
    private const int Items = 200_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Large_archive_streams_in_flat_memory(bool jsonLines)
    {
        using var source = new GeneratedApiStream(Items, jsonLines);
        long baseline = 0, middle = 0, producedAtMiddle = 0;
        int count = 0;

        await foreach (var paper in HuggingFaceJson.ReadPapersAsync(source))
        {
            count++;
            if (count == 1)
            {
                // Lazy: the first paper comes out when a sliver of the input has been produced.
                source.Produced.Should().BeLessThan(1024 * 1024);
            }
            if (count == 1_000) baseline = GC.GetTotalMemory(forceFullCollection: true);
            if (count == Items / 2)
            {
                middle = GC.GetTotalMemory(forceFullCollection: true);
                producedAtMiddle = source.Produced;
            }
            paper.Title.Should().EndWith(count.ToString(CultureInfo.InvariantCulture));
        }

        count.Should().Be(Items);
        producedAtMiddle.Should().BeGreaterThan(50L * 1024 * 1024, "half the archive has gone through the reader");
        // The heap does not grow with what was read: a loose bound, far below the 50+ MB already streamed.
        (middle - baseline).Should().BeLessThan(16L * 1024 * 1024);
    }

    [Fact]
    public async Task Counting_a_large_json_lines_archive_holds_one_item_at_a_time()
    {
        // What `paperfeed stats` does. All items share one listing day, so they form one feed of 200,000 papers:
        // counting must not hold that feed.
        long baseline = 0, middle = 0;
        using var source = new GeneratedApiStream(Items, jsonLines: true, onItem: i =>
        {
            if (i == 1_000) baseline = GC.GetTotalMemory(forceFullCollection: true);
            if (i == Items / 2) middle = GC.GetTotalMemory(forceFullCollection: true);
        });

        var statistics = await TestReaders.CountAsync(source);

        (statistics.Feeds, statistics.Papers, statistics.Lines).Should().Be((1L, (long)Items, (long)Items));
        (middle - baseline).Should().BeLessThan(16L * 1024 * 1024);
    }

    /// <summary>
    /// Produces an API array (or JSON Lines) of <c>count</c> items on demand, never holding more than one item:
    /// the input is never materialised.
    /// </summary>
    private sealed class GeneratedApiStream(int count, bool jsonLines, Action<int>? onItem = null) : PaperFeed.IO.ReadOnlyForwardStream
    {
        private readonly string _abstract = string.Join(" ", Enumerable.Repeat("Large language models read streams of papers with flat memory.", 5));
        private byte[] _pending = [];
        private int _pendingOffset;
        private int _next;
        private bool _started, _finished;

        public long Produced { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            int written = 0;
            while (written < buffer.Length)
            {
                if (_pendingOffset == _pending.Length && !Refill()) break;
                int n = Math.Min(buffer.Length - written, _pending.Length - _pendingOffset);
                _pending.AsSpan(_pendingOffset, n).CopyTo(buffer[written..]);
                _pendingOffset += n;
                written += n;
            }
            Produced += written;
            return written;
        }

        private bool Refill()
        {
            if (_finished) return false;
            var text = new StringBuilder();
            if (!_started)
            {
                _started = true;
                if (!jsonLines) text.Append('[');
            }
            if (_next < count)
            {
                int i = ++_next;
                onItem?.Invoke(i);
                if (!jsonLines && i > 1) text.Append(',');
                text.Append(CultureInfo.InvariantCulture,
                    $$$"""{"paper":{"id":"2508.{{{i:00000}}}","authors":[{"_id":"a","name":"Author {{{i}}}","hidden":false},{"_id":"b","name":"Second Author","hidden":true}],"publishedAt":"2025-08-27T17:59:58.000Z","submittedOnDailyAt":"2025-08-28T04:51:14.000Z","title":"Streamed paper {{{i}}}","summary":"{{{_abstract}}}","upvotes":{{{i % 500}}},"ai_keywords":["streaming","memory"]},"publishedAt":"2025-08-28T04:51:14.000Z","title":"Streamed paper {{{i}}}","numComments":2,"unknownField":{"x":[1,2,3]}}""");
                if (jsonLines) text.Append('\n');
            }
            else
            {
                _finished = true;
                if (!jsonLines) text.Append(']');
            }
            _pending = Encoding.UTF8.GetBytes(text.ToString());
            _pendingOffset = 0;
            return _pending.Length > 0 || Refill();
        }
    }
}

/// <summary>Tests that measure process-wide state (the GC heap) run in this collection, never alongside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoloCollection
{
    public const string Name = "Solo: measures the process";
}
