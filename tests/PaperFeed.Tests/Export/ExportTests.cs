using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Xml;
using PaperFeed.Export;
using Sylvan.Data.Csv;

namespace PaperFeed.Tests.Export;

public class ExportTests
{
    private static readonly Paper Api = new()
    {
        Title = "Sparse \"Agents\", <Fast> & Co",
        Abstract = "First sentence, with a comma. Second \"quoted\" line\r\nthird line.",
        Authors = [new("Ada Lovelace"), new("Alan Turing")],
        AuthorCount = 2,
        Published = new PaperDate(2025, 9, 1),
        Featured = new PaperDate(2025, 9, 3),
        Upvotes = 42,
        ArxivId = "2509.00001v2",
        Details = new PaperDetails { AiKeywords = ["agents", "sparsity"], GithubRepo = "https://github.com/a/b", GithubStars = 7, CommentCount = 1 },
    };

    private static readonly Paper TextOnly = new() { Title = "Multilingual Routing in Mixture-of-Experts", Abstract = "No metadata." };

    private static readonly Paper[] Papers = [Api, TextOnly];

    public static TheoryData<ExportFormat> Formats => new(Enum.GetValues<ExportFormat>());

    [Fact]
    public void Rss_reads_back_with_syndication_feed()
    {
        var feed = Load(ExportFormat.Rss);

        feed.Items.Should().HaveCount(2);
        var item = feed.Items.First();
        item.Id.Should().Be("https://huggingface.co/papers/2509.00001");
        item.Title.Text.Should().Be(Api.Title);
        Consumers.HtmlText(item.Summary.Text).Should().Be(Api.Abstract, "the description is HTML that shows the abstract");
        item.Links.Single().Uri.Should().Be(new Uri("https://huggingface.co/papers/2509.00001"));
        item.ElementExtensions.ReadElementExtensions<string>("creator", "http://purl.org/dc/elements/1.1/").Should().Equal("Ada Lovelace, Alan Turing");
        item.Categories.Select(c => c.Name).Should().Equal("agents", "sparsity");
        item.PublishDate.Should().Be(new DateTimeOffset(2025, 9, 3, 0, 0, 0, TimeSpan.Zero));
        feed.LastUpdatedTime.Should().Be(new DateTimeOffset(2025, 9, 3, 0, 0, 0, TimeSpan.Zero));
        feed.Items.Last().Id.Should().Be(PaperIdentity.TitleUrn(TextOnly.Title));
        FeedExporter.WriteToString([TextOnly], ExportFormat.Rss).Should().NotContain("lastBuildDate").And.NotContain("pubDate").And.NotContain("updated",
            "RSS leaves unknown dates out rather than invent one");
    }

    [Fact]
    public void Atom_reads_back_with_syndication_feed()
    {
        var feed = Load(ExportFormat.Atom);

        feed.Id.Should().Be("https://huggingface.co/papers");
        feed.Items.Select(i => i.Id).Should().Equal("https://huggingface.co/papers/2509.00001", PaperIdentity.TitleUrn(TextOnly.Title));
        var item = feed.Items.First();
        item.Summary.Text.Should().Be(Api.Abstract);
        item.LastUpdatedTime.Should().Be(new DateTimeOffset(2025, 9, 3, 0, 0, 0, TimeSpan.Zero));
        item.Categories.Select(c => c.Name).Should().Equal("agents", "sparsity");
        feed.Items.Last().LastUpdatedTime.Should().Be(new DateTimeOffset(2025, 9, 3, 0, 0, 0, TimeSpan.Zero), "an undated paper gets the feed's date, not an invented one");
    }

    [Fact]
    public void Json_feed_has_the_1_1_shape()
    {
        using var document = JsonDocument.Parse(FeedExporter.WriteToString(Papers, ExportFormat.JsonFeed));
        var root = document.RootElement;

        root.GetProperty("version").GetString().Should().Be("https://jsonfeed.org/version/1.1");
        root.GetProperty("title").GetString().Should().Be("Daily Papers");
        var items = root.GetProperty("items").EnumerateArray().ToList();
        items.Should().HaveCount(2);
        items[0].GetProperty("id").GetString().Should().Be("https://huggingface.co/papers/2509.00001");
        items[0].GetProperty("url").GetString().Should().Be("https://huggingface.co/papers/2509.00001");
        items[0].GetProperty("external_url").GetString().Should().Be("https://arxiv.org/abs/2509.00001");
        items[0].GetProperty("content_text").GetString().Should().Be(Api.Abstract);
        items[0].GetProperty("date_published").GetString().Should().Be("2025-09-03T00:00:00Z");
        items[0].GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Should().Equal("Ada Lovelace", "Alan Turing");
        items[0].GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("agents", "sparsity");
        items[1].TryGetProperty("date_published", out _).Should().BeFalse();
        items[1].TryGetProperty("url", out _).Should().BeFalse();
    }

    [Fact]
    public void Csv_reads_back_field_for_field_with_quotes_commas_and_line_breaks()
    {
        string csv = FeedExporter.WriteToString(Papers, ExportFormat.Csv);
        using var reader = CsvDataReader.Create(new StringReader(csv));

        Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)
            .Should().Equal("id", "title", "arxivId", "url", "published", "featured", "upvotes", "authorCount", "authors", "abstract",
                "aiKeywords", "githubRepo", "githubStars", "projectPage", "organization", "commentCount", "submitter");
        reader.Read().Should().BeTrue();
        reader.GetString(reader.GetOrdinal("title")).Should().Be(Api.Title);
        reader.GetString(reader.GetOrdinal("abstract")).Should().Be(Api.Abstract);
        reader.GetString(reader.GetOrdinal("arxivId")).Should().Be("2509.00001");
        reader.GetString(reader.GetOrdinal("featured")).Should().Be("2025-09-03");
        reader.GetString(reader.GetOrdinal("upvotes")).Should().Be("42");
        reader.GetString(reader.GetOrdinal("authors")).Should().Be("Ada Lovelace; Alan Turing");
        reader.GetString(reader.GetOrdinal("aiKeywords")).Should().Be("agents; sparsity");
        reader.GetString(reader.GetOrdinal("githubStars")).Should().Be("7");
        reader.Read().Should().BeTrue();
        reader.GetString(reader.GetOrdinal("title")).Should().Be(TextOnly.Title);
        reader.GetString(reader.GetOrdinal("upvotes")).Should().BeEmpty();
        reader.Read().Should().BeFalse();
        csv.Should().EndWith("\r\n").And.Contain("\"Sparse \"\"Agents\"\", <Fast> & Co\"");
    }

    [Fact]
    public void Csv_round_trips_the_corpus()
    {
        var papers = FeedParser.Parse(File.ReadAllText(TestData.Corpus001)).Single().Papers;
        using var reader = CsvDataReader.Create(new StringReader(FeedExporter.WriteToString(papers, ExportFormat.Csv)));

        var rows = new List<(string Title, string Abstract)>();
        while (reader.Read()) rows.Add((reader.GetString(1), reader.GetString(9)));

        rows.Should().Equal(papers.Select(p => (p.Title, p.Abstract ?? "")));
    }

    [Fact]
    public void Markdown_digest_links_titles_and_gives_the_first_sentence()
    {
        string markdown = FeedExporter.WriteToString(Papers, ExportFormat.Markdown);

        markdown.Should().Be(
            "# Daily Papers\n\n" +
            "1. **[Sparse \"Agents\", \\<Fast\\> \\& Co](<https://huggingface.co/papers/2509.00001>)** · 42 upvotes · Ada Lovelace, Alan Turing\n" +
            "   First sentence, with a comma.\n" +
            "2. **Multilingual Routing in Mixture-of-Experts**\n" +
            "   No metadata.\n");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Output_is_byte_identical_across_runs_and_parses(ExportFormat format)
    {
        var first = FeedParser.Parse(File.ReadAllText(TestData.Corpus001), new FeedParserOptions { ReferenceDate = new DateOnly(2025, 12, 31) }).Single().Papers;
        var second = FeedParser.Parse(File.ReadAllText(TestData.Corpus001), new FeedParserOptions { ReferenceDate = new DateOnly(2025, 12, 31) }).Single().Papers;

        using var a = new MemoryStream();
        using var b = new MemoryStream();
        FeedExporter.Write(a, first, format);
        FeedExporter.Write(b, second, format);

        b.ToArray().Should().Equal(a.ToArray());
        a.ToArray().Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, "no byte-order mark");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Zero_papers_give_a_valid_empty_document(ExportFormat format)
    {
        using var buffer = new MemoryStream();
        await FeedExporter.WriteAsync(buffer, AsyncEnumerable.Empty<Paper>(), format);
        string text = Encoding.UTF8.GetString(buffer.ToArray());

        switch (format)
        {
            case ExportFormat.Rss or ExportFormat.Atom:
                var feed = SyndicationFeed.Load(XmlReader.Create(new StringReader(text)));
                feed.Items.Should().BeEmpty();
                feed.Title.Text.Should().Be("Daily Papers");
                break;
            case ExportFormat.JsonFeed:
                JsonDocument.Parse(text).RootElement.GetProperty("items").GetArrayLength().Should().Be(0);
                break;
            case ExportFormat.Csv:
                text.Should().StartWith("id,title,").And.EndWith("\r\n");
                text.Split("\r\n").Should().HaveCount(2);
                break;
            default:
                text.Should().Be("# Daily Papers\n\nNo papers.\n");
                break;
        }
    }

    [Theory]
    [InlineData("rss", ExportFormat.Rss)]
    [InlineData("ATOM", ExportFormat.Atom)]
    [InlineData("jsonfeed", ExportFormat.JsonFeed)]
    [InlineData("csv", ExportFormat.Csv)]
    [InlineData("markdown", ExportFormat.Markdown)]
    public void Format_names_parse(string name, ExportFormat expected)
    {
        FeedExporter.TryParseFormat(name, out var format).Should().BeTrue();
        format.Should().Be(expected);
        FeedExporter.TryParseFormat("xml", out _).Should().BeFalse();
    }

    private static SyndicationFeed Load(ExportFormat format)
    {
        string xml = FeedExporter.WriteToString(Papers, format);
        using var reader = XmlReader.Create(new StringReader(xml));
        return SyndicationFeed.Load(reader);
    }
}
