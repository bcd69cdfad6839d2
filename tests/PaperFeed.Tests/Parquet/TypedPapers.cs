namespace PaperFeed.Tests.Parquet;

/// <summary>Hand-made papers covering every column: one with everything, one from a text listing, one with nothing.</summary>
internal static class TypedPapers
{
    public static readonly Paper Full = new()
    {
        Title = "An Example Paper",
        Abstract = "We show that … <b>&amp;</b>",
        AuthorCount = 2,
        Authors = [new Author("Ada Lovelace"), new Author("Alan Turing")],
        Published = new PaperDate(2025, 8, 25),
        Upvotes = 42,
        ArxivId = "2508.12345",
        Url = "https://huggingface.co/papers/2508.12345",
        Featured = new PaperDate(2025, 8, 29),
        Details = new PaperDetails
        {
            AiSummary = "A summary.",
            AiKeywords = ["agents", "reasoning"],
            GithubRepo = "https://github.com/a/b",
            GithubStars = 120,
            ProjectPage = "https://example.org/p",
            Organization = new Organization("google", "Google"),
            CommentCount = 7,
            WithdrawnAt = new DateTimeOffset(2025, 9, 1, 12, 20, 30, 123, TimeSpan.FromHours(2)),
            Submitter = "akhaliq",
        },
    };

    public static readonly Paper YearLess = new()
    {
        Title = "Text paper: year-less dates",
        AuthorCount = 4,
        Published = new PaperDate(null, 8, 25),
        Upvotes = 3,
        Featured = new PaperDate(null, 8, 28),
    };

    public static readonly Paper Bare = new() { Title = "Bare" };

    public static Paper[] All => [Full, YearLess, Bare];
}
