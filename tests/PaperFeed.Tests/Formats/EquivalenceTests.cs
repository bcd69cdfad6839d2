using PaperFeed.Tests.Html;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using PaperFeed.Html;

namespace PaperFeed.Tests.Formats;

/// <summary>
/// The same papers rendered as the text listing, as the HTML page (embedded JSON and rendered cards) and as API
/// JSON parse to equal records on the fields each carries.
/// </summary>
public class EquivalenceTests
{
    private static readonly string[] Words =
        ["model", "Scaling", "naïve", "Über", "大规模", "attention", "\"quoted\"", "R&D", "<tag>", "Zoë's", "learning", "graph", "émigré", "🚀", "data"];

    private static readonly string[] Names = ["Ada Lovelace", "José Müller-Łukasz", "李雷", "Zoë O'Brien", "Grace Hopper", "Ὀδυσσεύς", "A. N. Other"];

    private sealed record Source(string Title, string[] Sentences, string[] Authors, DateOnly Published, int Upvotes, string Id)
    {
        public string Abstract => string.Join(" ", Sentences);
    }

    private static readonly Gen<string> Word = Gen.OneOf(Gen.OneOf(Words), Gen.String[Gen.Char['a', 'z'], 1, 10]);

    private static readonly Gen<Source> Papers =
        from title in Word.Array[2, 8]
        from sentences in Word.Array[3, 12].Select(w => string.Join(" ", w) + ".").Array[1, 5]
        from authors in Gen.OneOf(Names).Array[1, 6]
        from day in Gen.Int[0, 2066] // published on or before the listing day, 2025-08-28
        from upvotes in Gen.Int[1, 999]
        from number in Gen.Int[1, 99_999]
        select new Source("Paper " + string.Join(" ", title), sentences, authors, new DateOnly(2020, 1, 1).AddDays(day), upvotes,
            string.Create(CultureInfo.InvariantCulture, $"2508.{number:00000}"));

    private static readonly FeedParserOptions Options = new() { DuplicateSentences = DuplicateSentenceHandling.Keep };

    [Fact]
    public async Task Text_html_and_api_json_agree()
    {
        await Papers.Array[0, 8].SampleAsync(async sources =>
        {
            var fromText = FeedParser.Parse(RenderText(sources), Options).Single().Papers;
            var fromApi = await HuggingFaceJson.ReadPapersAsync(Fixtures.Utf8(RenderApiJson(sources)), Options.ToSettings()).ToListAsync();
            var fromProps = HtmlPages.ReadFeed(RenderHtml(sources, withProps: true), Options);
            var fromCards = HtmlPages.ReadFeed(RenderHtml(sources, withProps: false), Options);

            fromProps.Papers.Should().Equal(fromApi, "the embedded JSON is the API's items");
            fromProps.Date.Should().Be(new PaperDate(2025, 8, 28));
            fromCards.Date.Should().Be(new PaperDate(2025, 8, 28));
            Shared(fromText).Should().Equal(Shared(fromApi));
            Shared(fromCards.Papers).Should().Equal(Shared(fromApi));
            fromCards.Papers.Select(p => (p.ArxivId, p.Url, p.Featured)).Should().Equal(fromApi.Select(p => (p.ArxivId, p.Url, p.Featured)));
            fromApi.Select(p => p.Title).Should().Equal(sources.Select(s => s.Title));
            fromApi.Select(p => p.Abstract).Should().Equal(sources.Select(s => s.Abstract));
        }, iter: 60);
    }

    private static IEnumerable<(string Title, string? Abstract, int? AuthorCount, PaperDate? Published, int? Upvotes)> Shared(IEnumerable<Paper> papers) =>
        papers.Select(p => (p.Title, p.Abstract, p.AuthorCount, p.Published, p.Upvotes));

    private static string ListingDate(DateOnly date) =>
        date.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    private static string RenderText(Source[] sources)
    {
        var text = new StringBuilder("new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\nAug 28\n");
        foreach (var s in sources)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{s.Title}\n\n{s.Abstract}\n\n  • {s.Authors.Length} author{(s.Authors.Length == 1 ? "" : "s")}\n·\n{ListingDate(s.Published)} {s.Upvotes}\n");
        }
        return text.ToString();
    }

    private static string RenderApiJson(Source[] sources) => Encoding.UTF8.GetString(Json(writer =>
    {
        writer.WriteStartArray();
        foreach (var s in sources) WriteItem(writer, s);
        writer.WriteEndArray();
    }));

    private static void WriteItem(Utf8JsonWriter writer, Source s)
    {
        // arXiv wraps long titles with a newline and an indent; the API keeps it, every reader folds it.
        string wrapped = s.Title.Replace(" ", "\n  ", StringComparison.Ordinal);
        writer.WriteStartObject();
        writer.WriteStartObject("paper");
        writer.WriteString("id", s.Id);
        writer.WriteStartArray("authors");
        foreach (string name in s.Authors)
        {
            writer.WriteStartObject();
            writer.WriteString("_id", "64f0c0ffee");
            writer.WriteString("name", name);
            writer.WriteBoolean("hidden", name.Length % 2 == 0);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteString("publishedAt", s.Published.ToDateTime(new TimeOnly(17, 59, 58), DateTimeKind.Utc));
        writer.WriteString("submittedOnDailyAt", new DateTime(2025, 8, 28, 4, 51, 14, DateTimeKind.Utc));
        writer.WriteString("title", wrapped);
        writer.WriteString("summary", string.Join("\n", s.Sentences));
        writer.WriteNumber("upvotes", s.Upvotes);
        writer.WriteEndObject();
        writer.WriteString("title", wrapped);
        writer.WriteString("publishedAt", new DateTime(2025, 8, 28, 4, 51, 14, DateTimeKind.Utc));
        writer.WriteNumber("numComments", 0);
        writer.WriteEndObject();
    }

    private static string RenderHtml(Source[] sources, bool withProps)
    {
        var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><link rel=\"canonical\" href=\"https://huggingface.co/papers/date/2025-08-28\"></head><body>");
        if (withProps)
        {
            string props = Encoding.UTF8.GetString(Json(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("dateString", "2025-08-28");
                writer.WriteString("periodType", "day");
                writer.WriteStartArray("dailyPapers");
                foreach (var s in sources) WriteItem(writer, s);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }));
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"SVELTE_HYDRATER contents\" data-target=\"DailyPapers\" data-props=\"{WebUtility.HtmlEncode(props)}\">");
        }
        foreach (var s in sources)
        {
            string e(string text) => WebUtility.HtmlEncode(text);
            html.Append(CultureInfo.InvariantCulture, $"""
                <article class="relative flex flex-col"><a href="/papers/{s.Id}"><img src="https://cdn-thumbnails.huggingface.co/{s.Id}.png"></a>
                <div class="flex"><div class="shadow-alternate"><input type="checkbox"><svg><path d="M0"></path></svg><div class="leading-none">{s.Upvotes}</div></div>
                <div class="w-full"><h3><a href="/papers/{s.Id}" class="line-clamp-3">{e(s.Title)}</a></h3>
                <p class="text-sm">{e(s.Abstract)}</p>
                <div><a href="/papers/{s.Id}"><ul>{string.Concat(s.Authors.Select(a => $"<li title=\"{e(a)}\"><img src=\"x.png\"></li>"))}</ul><div>· {s.Authors.Length} author{(s.Authors.Length == 1 ? "" : "s")}</div></a>
                <div>{ListingDate(s.Published)}</div><a href="/papers/{s.Id}#community"><svg></svg> 0</a></div></div></div></article>
                """);
        }
        if (withProps) html.Append("</div>");
        return html.Append("</body></html>").ToString();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        return buffer.ToArray();
    }
}
