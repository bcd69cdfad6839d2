using CsCheck;

namespace PaperFeed.Tests.Generators;

/// <summary>Random papers for property tests: every field optional, titles from a small pool so identities collide.</summary>
internal static class PaperGen
{
    private static readonly string[] Words = ["Sparse", "Diffusion", "Agents", "LLM", "Vision", "Tokens", "Scaling", "Reasoning", "Fast", "Robust"];

    public static readonly Gen<PaperDate> Date =
        Gen.Select(Gen.Int[2024, 2025], Gen.Int[1, 12], Gen.Int[1, 28], (y, m, d) => new PaperDate(y, m, d));

    public static readonly Gen<string> Title =
        Gen.Int[0, Words.Length - 1].Array[2, 4].Select(ix => string.Join(' ', ix.Select(i => Words[i])));

    private static readonly Gen<string> Text =
        Gen.OneOf<string>("An abstract.", "Another, with \"quotes\", commas.", "Line one\r\nline two", "Ünïcödé — ok. Second sentence.");

    public static readonly Gen<PaperDetails?> Details =
        Gen.Select(
            Gen.Null(Gen.OneOf<string>("https://github.com/a/b", "https://github.com/c/d"), 0.5),
            Gen.Nullable(Gen.Int[0, 500], 0.5),
            Gen.Nullable(Gen.Int[0, 30], 0.5),
            Gen.OneOf<string[]>(["diffusion"], ["agents", "llm"], []),
            Gen.Null(Gen.OneOf<Organization>(new Organization("google", "Google"), new Organization("meta")), 0.5),
            (repo, stars, comments, keywords, org) =>
            {
                var details = new PaperDetails { GithubRepo = repo, GithubStars = stars, CommentCount = comments, AiKeywords = keywords, Organization = org };
                return details.IsEmpty ? null : details;
            });

    /// <summary>A paper; its arXiv id, when present, is derived from the title so identity stays consistent.</summary>
    public static readonly Gen<Paper> Paper =
        Gen.Select(Title, Gen.Null(Text, 0.3), Gen.Nullable(Gen.Int[0, 300], 0.3), Gen.Nullable(Date, 0.3), Gen.Nullable(Date, 0.3), Gen.Bool, Details,
            (title, text, upvotes, published, featured, withId, details) => new Paper
            {
                Title = title,
                Abstract = text,
                Upvotes = upvotes,
                Published = published,
                Featured = featured,
                ArxivId = withId ? ArxivIdOf(title) : null,
                Details = details,
            });

    public static readonly Gen<List<Paper>> Papers = Paper.List[0, 40];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Ids = new();

    /// <summary>A distinct fake arXiv id per title, so ids and titles identify papers alike.</summary>
    public static string ArxivIdOf(string title) =>
        Ids.GetOrAdd(title, static _ => "2509." + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static int _nextId = 10000;
}
