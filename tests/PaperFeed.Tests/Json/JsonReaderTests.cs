using System.Text;

namespace PaperFeed.Tests.Json;

/// <summary>FeedJson reads every shape of PaperFeed JSON, across any read boundaries, and fails with a typed error at the right place.</summary>
public class JsonReaderTests
{
    private static readonly Paper A = new() { Title = "A", Featured = new PaperDate(null, 8, 28) };
    private static readonly Paper B = new() { Title = "B", Upvotes = 3, Featured = new PaperDate(null, 8, 28) };
    private static readonly Paper C = new() { Title = "C", Featured = new PaperDate(2025, 8, 29) };

    public static TheoryData<string> SameThreePapers => new()
    {
        // An array of feeds (the document form), compact and indented.
        """[{"title":"Daily Papers","date":"--08-28","papers":[{"title":"A","featured":"--08-28"},{"title":"B","upvotes":3,"featured":"--08-28"}]},{"title":"Daily Papers","date":"2025-08-29","papers":[{"title":"C","featured":"2025-08-29"}]}]""",
        "[\n  {\n    \"title\": \"Daily Papers\",\n    \"papers\": [ {\"title\":\"A\",\"featured\":\"--08-28\"}, {\"title\":\"B\",\"upvotes\":3,\"featured\":\"--08-28\"} ]\n  },\n  { \"papers\": [{\"title\":\"C\",\"featured\":\"2025-08-29\"}] }\n]\n",
        // An array of papers.
        """[{"title":"A","featured":"--08-28"},{"title":"B","upvotes":3,"featured":"--08-28"},{"title":"C","featured":"2025-08-29"}]""",
        // JSON Lines, with a BOM, CRLF line ends, a blank line, unknown properties, no final newline.
        "\uFEFF{\"title\":\"A\",\"featured\":\"--08-28\",\"extra\":[1,{\"x\":null}]}\r\n\r\n{\"title\":\"B\",\"upvotes\":3,\"featured\":\"--08-28\"}\r\n{\"title\":\"C\",\"featured\":\"2025-08-29\"}",
        // JSON Lines of feeds.
        "{\"papers\":[{\"title\":\"A\",\"featured\":\"--08-28\"}]}\n{\"papers\":[{\"title\":\"B\",\"upvotes\":3,\"featured\":\"--08-28\"},{\"title\":\"C\",\"featured\":\"2025-08-29\"}]}\n",
    };

    [Theory]
    [MemberData(nameof(SameThreePapers))]
    public async Task Every_shape_reads_to_the_same_papers_whatever_the_read_sizes(string json)
    {
        foreach (int chunk in new[] { 1, 2, 3, 7, 4096 })
        {
            var papers = await FeedJson.ReadPapersAsync(new ChunkedStream(Encoding.UTF8.GetBytes(json), chunk)).ToListAsync();
            papers.Should().Equal([A, B, C], $"read {chunk} bytes at a time");
        }
    }

    [Fact]
    public async Task Loose_papers_make_one_feed_per_run_of_the_same_featured_day()
    {
        string jsonl = "{\"title\":\"A\",\"featured\":\"--08-28\"}\n{\"title\":\"B\",\"upvotes\":3,\"featured\":\"--08-28\"}\n{\"title\":\"C\",\"featured\":\"2025-08-29\"}\n";

        var feeds = await FeedJson.ReadFeedsAsync(Stream(jsonl)).ToListAsync();
        var statistics = await FeedJson.CountAsync(Stream(jsonl));

        feeds.Should().Equal(
            new Feed { Date = new PaperDate(null, 8, 28), Papers = [A, B] },
            new Feed { Date = new PaperDate(2025, 8, 29), Papers = [C] });
        statistics.Should().Be(new FeedStatistics { Feeds = 2, Papers = 3, PapersWithMetadata = 0, Lines = 3 });
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    [InlineData("[]")]
    [InlineData("[ ]\n")]
    public async Task Empty_input_has_no_papers(string json)
    {
        (await FeedJson.ReadPapersAsync(Stream(json)).ToListAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("{\"title\":\"A\"}\n{\"title\":\"B\",\"upvotes\":\"many\"}\n", 2, "upvotes")]
    [InlineData("{\"title\":\"A\"}\n{\"abstract\":\"no title\"}", 2, "title")]
    [InlineData("[{\"title\":\"A\"},\n  {\"title\":\"B\",}]", 2, "")]
    [InlineData("[{\"title\":\"A\"}\n{\"title\":\"B\"}]", 2, "',' or ']'")]
    [InlineData("[{\"title\":\"A\"},\n", 2, "']'")]
    [InlineData("[{\"title\":\"A\"}]\n[]", 2, "after the end")]
    [InlineData("{\"title\":\"A\",\n\"published\":\"Aug 25\"}", 2, "date")]
    [InlineData("{\"title\":null}", 1, "")]
    [InlineData("{\"title\":\"A\",\"authors\":[{\"name\":\"X\"},{}]}", 1, "name")]
    [InlineData("42", 1, "")]
    [InlineData("\n\nnot json", 3, "")]
    public async Task Bad_input_fails_with_a_typed_error_at_its_line(string json, int line, string mentions)
    {
        var read = async () => await FeedJson.ReadPapersAsync(Stream(json), new ReadSettings { SourceName = "in.jsonl" }).ToListAsync();

        var error = (await read.Should().ThrowAsync<FeedFormatException>()).Which;
        error.Code.Should().Be(DiagnosticCodes.InvalidJson);
        error.Line.Should().Be(line);
        error.SourceName.Should().Be("in.jsonl");
        error.Message.Should().NotContain("LineNumber", "positions are reported absolute, not System.Text.Json's relative ones");
        if (mentions.Length > 0) error.Message.Should().Contain(mentions);
    }

    [Fact]
    public async Task Error_column_is_the_byte_column_in_the_input()
    {
        var read = async () => await FeedJson.ReadPapersAsync(Stream("{\"title\":\"A\"}\n  {\"title\": tru}")).ToListAsync();

        var error = (await read.Should().ThrowAsync<FeedFormatException>()).Which;
        error.Line.Should().Be(2);
        error.Column.Should().Be(16, "the '}' where 'true' breaks off is byte 16 of line 2");
        error.InnerException.Should().BeAssignableTo<System.Text.Json.JsonException>("the reader's own error is kept as the cause");
    }

    [Fact]
    public async Task A_value_that_does_not_fit_the_records_keeps_the_deserializer_error_as_the_cause()
    {
        var read = async () => await FeedJson.ReadPapersAsync(Stream("{\"title\":\"A\"}\n{\"title\":\"B\",\"upvotes\":\"many\"}")).ToListAsync();

        var error = (await read.Should().ThrowAsync<FeedFormatException>()).Which;
        error.Location.Line.Should().Be(2);
        error.InnerException.Should().BeOfType<System.Text.Json.JsonException>().Which.Path.Should().Be("$.upvotes");
    }

    private static MemoryStream Stream(string json) => new(Encoding.UTF8.GetBytes(json));

    /// <summary>Returns at most <c>chunk</c> bytes per read, to put value boundaries anywhere.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
