using System.Text;
using System.Text.RegularExpressions;
using CsCheck;

namespace PaperFeed.Tests.Real;

/// <summary>
/// Property tests over the real fixtures, damaged the ways saved pages are damaged: lines dropped, doubled, swapped,
/// the file cut, bytes flipped, page furniture inserted. Whatever the damage, reading never crashes (a refusal is a
/// <see cref="FeedFormatException"/>), and no paper read from an accepted capture has a title that is page furniture
/// or markup.
/// </summary>
public sealed partial class MutatedFixtureProperties
{
    private static string Real(string kind, string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real", kind, file);

    // Captures (every title comes from a heading or a link) and the browser copies (a title is a plain line, but
    // never markup or the site's own words): none may ever give furniture as a title.
    private static readonly string[] Captures =
    [
        Real("trending", "markdown-unlinked-headings-trending.md"),
        Real("trending", "markdown-linked-headings-trending.md"),
        Real("paper", "markdown-paper-2512.15603.md"),
        Real("captures", "inline-links-search-source-citations.txt"),
        Real("captures", "clipper-export-search-intercode-bash.txt"),
        Real("captures", "reference-links-search-long-context-asr.txt"),
        Real("browser-copy", "000_8204dcf02e091c26.txt"),
        Real("browser-copy", "001_945d3c89aa4599f6.txt"),
    ];

    // Other real inputs (API JSON, a bot's JSON, a saved page): damage must never crash them.
    private static readonly string[] Others =
    [
        Real("api", "2025-10-02.json"),
        Real("bot-json", "crawl4ai-2026-03-31.json"),
        Real("html", "papers-2024-08-01.html"),
    ];

    /// <summary>Lines of the site's pages that are never a paper's title.</summary>
    private static readonly string[] FurnitureLines =
    [
        "## Trending Papers", "# Daily Papers", "Trending Papers", "Submitted by", "[图片：无替代文本]", "[Image: no alt text]",
        "- 4 authors", "· Published on Oct 4, 2026", "Published on Dec 17", "·", "[Upvote\n\n117](https://huggingface.co/login?next=%2Fpapers%2F2610.05608)",
        "[GitHub 131](https://github.com/kandinskylab/kandinsky-6) [arXiv Page](https://arxiv.org/abs/2610.05608)",
        "[[图片：无替代文本]](https://huggingface.co/papers/2412.20138)", "[LINK: GitHub 11.3k](https://github.com/microsoft/agent-lightning)",
        "* [Models](/models)", "<a id=\"source-section-3\"></a>", "---", "### Community", "Authors:", "AI-generated summary",
        "Get trending papers in your email inbox!", "[Subscribe](https://huggingface.co/login?next=%2Fpapers)", "See translation", "Reply",
        "[[图片：kandinskylab] Kandinsky Lab](https://huggingface.co/kandinskylab) · Published on Oct 4, 2026", "",
    ];

    private static readonly string[] FurnitureTitles =
    [
        "Trending Papers", "Daily Papers", "Subscribe", "new", "Upvote", "Get trending papers in your email inbox!",
        "Get trending papers in your email inbox once a day!", "byAK and the research community", "Community", "Authors:",
        "AI-generated summary", "Reply", "See translation", "Models", "Log In", "Sign Up", "Submitted by", "Weekly", "Monthly", "Daily",
    ];

    [GeneratedRegex(@"^\d+ authors?$|^Published on |^Submitted by|^https?://|\]\(|\]\[\d|^\[\[|^#|^!\[|^<[A-Za-z/!]|^\*|^·|^- |^GitHub \d|^LINK:|^Upvote\b")]
    private static partial Regex MarkupTitle();

    /// <summary>
    /// True for a title that is page furniture or markup rather than a paper's title. Markup is what its syntax says:
    /// an HTML tag opens with <c>&lt;</c> and a letter, <c>/</c> or <c>!</c> (a flipped bullet byte before "5 authors" is damage, not a tag).
    /// </summary>
    public static bool IsFurniture(string title)
    {
        string t = title.Trim();
        return t.Length == 0 || FurnitureTitles.Contains(t, StringComparer.Ordinal) || MarkupTitle().IsMatch(t);
    }

    private abstract record Damage;
    private sealed record Drop(int At) : Damage;
    private sealed record Double(int At) : Damage;
    private sealed record Swap(int At, int With) : Damage;
    private sealed record Cut(int Permille) : Damage;
    private sealed record Flip(int Permille, byte Mask) : Damage;
    private sealed record Insert(int At, int Furniture) : Damage;

    private static readonly Gen<Damage> DamageGen = Gen.Frequency(
        (3, Gen.Int[0, 100_000].Select(i => (Damage)new Drop(i))),
        (3, Gen.Int[0, 100_000].Select(i => (Damage)new Double(i))),
        (2, Gen.Select(Gen.Int[0, 100_000], Gen.Int[0, 100_000], (a, b) => (Damage)new Swap(a, b))),
        (1, Gen.Int[0, 1000].Select(p => (Damage)new Cut(p))),
        (2, Gen.Select(Gen.Int[0, 1000], Gen.Byte[1, 255], (p, m) => (Damage)new Flip(p, m))),
        (4, Gen.Select(Gen.Int[0, 100_000], Gen.Int[0, FurnitureLines.Length - 1], (a, f) => (Damage)new Insert(a, f))));

    private static byte[] Apply(byte[] original, Damage[] damages)
    {
        var lines = Encoding.UTF8.GetString(original).Split('\n').ToList();
        byte[]? bytes = null;
        foreach (var damage in damages)
        {
            if (bytes is not null) lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
            bytes = null;
            int n = Math.Max(lines.Count, 1);
            switch (damage)
            {
                case Drop d when lines.Count > 0: lines.RemoveAt(d.At % lines.Count); break;
                case Double d when lines.Count > 0: lines.Insert(d.At % lines.Count, lines[d.At % lines.Count]); break;
                case Swap s when lines.Count > 0: (lines[s.At % n], lines[s.With % n]) = (lines[s.With % n], lines[s.At % n]); break;
                case Insert i: lines.Insert(i.At % (lines.Count + 1), FurnitureLines[i.Furniture]); break;
                case Cut c:
                    var all = Encoding.UTF8.GetBytes(string.Join('\n', lines));
                    bytes = all[..(int)((long)all.Length * c.Permille / 1000)];
                    break;
                case Flip f:
                    var flipped = Encoding.UTF8.GetBytes(string.Join('\n', lines));
                    if (flipped.Length > 0) flipped[(int)((long)(flipped.Length - 1) * f.Permille / 1000)] ^= f.Mask;
                    bytes = flipped;
                    break;
            }
        }
        return bytes ?? Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    /// <summary>Reads the bytes through the detecting front door; null when the input is refused (a typed error).</summary>
    private static List<Paper>? Read(byte[] bytes)
    {
        try
        {
            return TestReaders.ReadFeedsAsync(new MemoryStream(bytes)).ToListAsync().AsTask().GetAwaiter().GetResult().SelectMany(f => f.Papers).ToList();
        }
        catch (FeedFormatException)
        {
            return null;
        }
    }

    [Fact]
    public void Furniture_is_recognised_by_the_property()
    {
        // The predicate itself must fail on what the issue saw as titles.
        IsFurniture("## Trending Papers").Should().BeTrue();
        IsFurniture("- 8 authors").Should().BeTrue();
        IsFurniture("[LINK: GitHub 11.3k](https://github.com/microsoft/agent-lightning)").Should().BeTrue();
        IsFurniture("title: Qwen-Image-Layered").Should().BeFalse("a front matter line is caught by detection, not this predicate");
        IsFurniture("MemOS: A Memory OS for AI System").Should().BeFalse();
    }

    [Fact]
    public void Damaged_captures_never_crash_and_never_give_furniture_as_a_title()
    {
        var originals = Captures.Select(File.ReadAllBytes).ToArray();
        Gen.Select(Gen.Int[0, originals.Length - 1], DamageGen.Array[1, 4]).Sample((which, damages) =>
        {
            var papers = Read(Apply(originals[which], damages));
            if (papers is null) return true;
            // An abstract may hold a damaged line inside it; it must never be a furniture line itself.
            return papers.All(p => !IsFurniture(p.Title) && (p.Abstract is null || !FurnitureTitles.Contains(p.Abstract.Trim(), StringComparer.Ordinal)));
        }, iter: Iterations(300), threads: 1);
    }

    /// <summary>The iteration count, raised by <c>PAPERFEED_PROPERTY_ITERATIONS</c> for a long local hunt.</summary>
    private static int Iterations(int ci) =>
        int.TryParse(Environment.GetEnvironmentVariable("PAPERFEED_PROPERTY_ITERATIONS"), out int n) && n > 0 ? n : ci;

    [Fact]
    public void Damaged_listings_json_and_pages_never_crash()
    {
        var originals = Others.Select(File.ReadAllBytes).ToArray();
        Gen.Select(Gen.Int[0, originals.Length - 1], DamageGen.Array[1, 3]).Sample((which, damages) =>
        {
            Read(Apply(originals[which], damages));
        }, iter: Iterations(60), threads: 1);
    }

    /// <summary>Each damage the property found giving furniture as a title (or a browser copy read out of Markdown), kept as a case.</summary>
    [Theory]
    [InlineData(0, "cut:40 double:87207")]
    [InlineData(1, "insert:27965:17 double:87207")]
    [InlineData(2, "insert:65271:20 double:87207")]
    [InlineData(3, "swap:5601:48854 double:87207")]
    [InlineData(4, "insert:97383:0 double:87207")]
    [InlineData(4, "insert:5214:22 double:87207")]
    [InlineData(5, "insert:5755:24 double:87207")]
    [InlineData(5, "swap:60225:9240")] // a wrapped title's end moved away: the cards after it became one title
    [InlineData(3, "drop:33454 drop:28023 cut:24")] // only front matter and page phrases left: read as a browser copy
    [InlineData(7, "insert:500:0")] // a Markdown heading between an abstract and its metadata block became a title
    [InlineData(7, "insert:700:3")] // "Submitted by" likewise
    [InlineData(7, "insert:50:14")] // a Markdown link line likewise
    [InlineData(7, "insert:555:21")]
    [InlineData(7, "flip:227:161 insert:40240:14 drop:32635 flip:33:113")] // a flipped line end ran the separator into its date
    [InlineData(4, "swap:87694:66724 swap:25225:50034")] // the menu's "Models" moved before an abstract's link
    [InlineData(3, "cut:723 cut:31 double:31962 drop:13006")] // front matter without its opening "---": still not a browser copy
    [InlineData(7, "swap:37597:12083 insert:1559:10 double:9572 flip:681:179")] // a link's end with a flipped byte after its ')'
    [InlineData(7, "swap:57261:77952 cut:176 flip:4:45")] // "Daily Papers" split by a flipped byte: "Daily" is the period switch's word
    [InlineData(5, "flip:55:214 drop:69227 cut:183 flip:116:96")] // a linked title's '[' flipped: "### ;Title][32]" is no plain heading
    [InlineData(0, "cut:20 double:10726 drop:48128 double:30")] // a capture's bold fields and rule, read as a browser copy
    [InlineData(0, "drop:26741 cut:15 double:5460 swap:25608:8710")]
    [InlineData(2, "swap:62297:50650")] // "## Abstract" moved down: a comment's "Reply" became the paper's abstract
    public void Damage_found_by_the_property_stays_fixed(int which, string damages)
    {
        var papers = Read(Apply(File.ReadAllBytes(Captures[which]), [.. damages.Split(' ').Select(ParseDamage)]));
        papers?.Should().NotContain(p => IsFurniture(p.Title));
        papers?.Should().NotContain(p => p.Abstract != null && FurnitureTitles.Contains(p.Abstract.Trim()));
    }

    /// <summary>A damage as the property prints it, shortened: <c>kind:a[:b]</c>.</summary>
    private static Damage ParseDamage(string text)
    {
        var parts = text.Split(':');
        int a = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        int b = parts.Length > 2 ? int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) : 0;
        return parts[0] switch
        {
            "drop" => new Drop(a),
            "double" => new Double(a),
            "swap" => new Swap(a, b),
            "cut" => new Cut(a),
            "flip" => new Flip(a, (byte)b),
            "insert" => new Insert(a, b),
            _ => throw new ArgumentException(text),
        };
    }

    [Fact]
    public void The_undamaged_captures_give_no_furniture_either()
    {
        foreach (var path in Captures)
        {
            var papers = Read(File.ReadAllBytes(path));
            papers.Should().NotBeNull(path).And.NotBeEmpty(path);
            papers!.Should().NotContain(p => IsFurniture(p.Title), path);
        }
    }
}
