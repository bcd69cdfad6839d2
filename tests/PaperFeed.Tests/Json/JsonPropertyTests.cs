using System.Text.Json;
using CsCheck;

namespace PaperFeed.Tests.Json;

/// <summary>Generated records of every shape survive JSON and JSON Lines unchanged.</summary>
public class JsonPropertyTests
{
    // Any valid UTF-16 (lone surrogates are not text and cannot be written as JSON), plus characters JSON escapes.
    private static readonly string[] Samples = ["", "\"quoted\" \\ back", "tab\tnew\nline", "🦀 ✓ Ünïcode", "<html>&amp;"];

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[Gen.Char.Where(c => !char.IsSurrogate(c)), 0, 40],
        Gen.Int[0, Samples.Length - 1].Select(i => Samples[i]));

    private static readonly Gen<PaperDate> Date =
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 28], Gen.Int[1990, 2030].Nullable(),
            (month, day, year) => new PaperDate(year is int y ? y : null, month, day));

    private static readonly Gen<PaperDetails?> Details =
        Gen.Select(Text.Null(), Text.Array[0, 3], Gen.Int[0, 100_000].Nullable(), Gen.Select(Text, Text.Null()).Nullable(), Gen.Int[0, 500].Nullable())
            .Select((summary, keywords, stars, organization, comments) => new PaperDetails
            {
                AiSummary = summary,
                AiKeywords = keywords,
                GithubStars = stars,
                Organization = organization is var (name, fullName) ? new Organization(name, fullName) : null,
                CommentCount = comments,
            })
            .Select(d => d.IsEmpty ? null : d);

    private static readonly Gen<Paper> Paper =
        Gen.Select(Text, Text.Null(), Gen.Int[0, 500].Nullable(), Text.Select(n => new Author(n)).Array[0, 4], Date.Nullable(), Gen.Int[0, 9999].Nullable(), Text.Null(), Date.Nullable())
            .Select((title, abstractText, count, authors, published, upvotes, id, featured) => new Paper
            {
                Title = title,
                Abstract = abstractText,
                AuthorCount = count,
                Authors = authors,
                Published = published,
                Upvotes = upvotes,
                ArxivId = id,
                Featured = featured,
            })
            .SelectMany(paper => Details.Select(details => paper with { Details = details }));

    [Fact]
    public void Any_paper_round_trips_through_the_context()
    {
        Paper.Sample(paper =>
            JsonSerializer.Deserialize(JsonSerializer.Serialize(paper, PaperFeedJsonContext.Default.Paper), PaperFeedJsonContext.Default.Paper) == paper);
    }

    [Fact]
    public void Any_papers_round_trip_through_json_lines()
    {
        Paper.List[0, 20].Sample(papers =>
        {
            using var stream = new MemoryStream();
            FeedJson.WritePapers(stream, papers);
            stream.Position = 0;
            return FeedJson.ReadPapersAsync(stream).ToListAsync().AsTask().GetAwaiter().GetResult().SequenceEqual(papers);
        }, iter: 200);
    }
}
