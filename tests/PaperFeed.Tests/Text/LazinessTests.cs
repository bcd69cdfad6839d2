namespace PaperFeed.Tests.Text;

/// <summary>Papers stream: the first come out before the rest of the input is read.</summary>
public class LazinessTests
{
    [Fact]
    public void ReadPapers_over_an_endless_reader_yields_its_first_papers()
    {
        using var reader = new GeneratedReader("Daily Papers\n\nAug 28\n\n", ' ', 0, "", endless: true);

        var first = FeedParser.ReadPapers(reader).Take(3).ToList();

        first.Select(p => p.Title).Should().Equal("Generated Title 1", "Generated Title 2", "Generated Title 3");
        first[0].Abstract.Should().Be("Generated abstract number 1.");
        reader.CharactersRead.Should().BeLessThan(1 << 20, "only a buffer's worth is read ahead");
    }

    [Fact]
    public async Task ReadPapersAsync_over_an_endless_stream_yields_its_first_papers()
    {
        await using var stream = new EndlessStream();

        var first = new List<Paper>();
        await foreach (var paper in FeedParser.ReadPapersAsync(stream))
        {
            first.Add(paper);
            if (first.Count == 2) break;
        }

        first.Select(p => p.Title).Should().Equal("Title 1", "Title 2");
    }

    [Fact]
    public async Task Cancellation_stops_the_async_parse()
    {
        await using var stream = new EndlessStream();
        using var cancellation = new CancellationTokenSource();

        var read = async () =>
        {
            await foreach (var paper in FeedParser.ReadPapersAsync(stream, cancellationToken: cancellation.Token))
            {
                if (paper.Title == "Title 5") await cancellation.CancelAsync();
            }
        };

        await read.Should().ThrowAsync<OperationCanceledException>();
    }

    /// <summary>Endless UTF-8 entries.</summary>
    private sealed class EndlessStream : PaperFeed.IO.ReadOnlyForwardStream
    {
        private byte[] _pending = [];
        private int _position;
        private int _entry;

        public override int Read(Span<byte> buffer)
        {
            if (_position == _pending.Length)
            {
                _entry++;
                _pending = System.Text.Encoding.UTF8.GetBytes($"Title {_entry}\n\nAbstract {_entry}.\n\n");
                _position = 0;
            }
            int n = Math.Min(buffer.Length, _pending.Length - _position);
            _pending.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
    }
}
