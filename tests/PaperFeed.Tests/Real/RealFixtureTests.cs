using System.Text.Json;
using FluentAssertions.Execution;
using PaperFeed.Html;

namespace PaperFeed.Tests.Real;

/// <summary>
/// Reads every file under Fixtures/Real/ (data nobody here wrote, see each folder's PROVENANCE.md) through the
/// detecting front door and checks it against that folder's <c>expected.json</c>, whose values were taken from the
/// source with independent tools (jq, python), never from PaperFeed. A data file without an entry fails: no real
/// file sits in the repo unread.
/// </summary>
public sealed class RealFixtureTests
{
    private static string RealRoot => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Real");

    /// <summary>Files that describe the fixtures rather than being fixtures.</summary>
    private static bool IsData(string path) =>
        Path.GetExtension(path) is not ".md" && Path.GetFileName(path) is not "expected.json";

    [Fact]
    public void Every_real_folder_has_provenance_and_expectations()
    {
        Directory.Exists(RealRoot).Should().BeTrue();
        using var scope = new AssertionScope();
        foreach (var dir in Directory.EnumerateDirectories(RealRoot))
        {
            File.Exists(Path.Combine(dir, "PROVENANCE.md")).Should().BeTrue($"{dir} needs a PROVENANCE.md");
            File.Exists(Path.Combine(dir, "expected.json")).Should().BeTrue($"{dir} needs an expected.json");
        }
    }

    [Fact]
    public async Task Every_real_file_reads_as_its_source_says()
    {
        var checkedFiles = 0;
        using var scope = new AssertionScope();
        foreach (var dir in Directory.EnumerateDirectories(RealRoot).Order(StringComparer.Ordinal))
        {
            var manifestPath = Path.Combine(dir, "expected.json");
            if (!File.Exists(manifestPath)) continue; // reported by the test above
            using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
            var files = manifest.RootElement.GetProperty("files");
            foreach (var path in Directory.EnumerateFiles(dir).Where(IsData).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                if (!files.TryGetProperty(name, out var expected))
                {
                    scope.FailWith("{0} has no entry in {1}", name, manifestPath);
                    continue;
                }
                await CheckAsync(path, expected);
                checkedFiles++;
            }
        }
        checkedFiles.Should().BeGreaterThan(0, "the real fixtures are the point of this test");
    }

    /// <summary>
    /// Checks one file. Keys of an entry (all but <c>papers</c> optional): <c>papers</c>, <c>feeds</c>,
    /// <c>upvotesSum</c>, <c>arxivIds</c> (count of distinct non-null ids), <c>firstTitle</c>, <c>lastTitle</c>,
    /// <c>feedDates</c> (array of ISO or --MM-dd strings, in order), <c>featured</c> (distinct featured days, ISO,
    /// sorted), <c>withOrganization</c> (papers with an organization), <c>authorCountSum</c> (sum of the known
    /// author counts), <c>abstracts</c> (papers with an abstract), <c>firstAbstract</c> (the first paper's abstract,
    /// verbatim), <c>abstractsFromSource</c> (true for a text copy: each abstract is the paragraph after its title line,
    /// verbatim, or, where a repeated run of sentences was collapsed, a shorter start of it), <c>error</c> (a diagnostic code the read must
    /// fail with, instead of reading). One key is an input, not an expectation: <c>listingDate</c> (ISO) is passed as
    /// <see cref="FeedParserOptions.ListingDate"/>, the day an archiver's file name gives.
    /// </summary>
    private static async Task CheckAsync(string path, JsonElement expected)
    {
        var name = Path.GetFileName(Path.GetDirectoryName(path)) + "/" + Path.GetFileName(path);
        var options = FeedParserOptions.Default with { SourceName = name };
        if (expected.TryGetProperty("listingDate", out var listingDate)) options = options with { ListingDate = DateOnly.Parse(listingDate.GetString()!, System.Globalization.CultureInfo.InvariantCulture) };
        await using var stream = File.OpenRead(path);
        var feeds = new List<Feed>();
        try
        {
            await foreach (var feed in TestReaders.ReadFeedsAsync(stream, options: options)) feeds.Add(feed);
        }
        catch (FeedFormatException e)
        {
            if (expected.TryGetProperty("error", out var code))
            {
                e.Diagnostic.Code.Should().Be(code.GetString(), name);
                return;
            }
            throw new Xunit.Sdk.XunitException($"{name}: {e.Message}");
        }
        if (expected.TryGetProperty("error", out var expectedError))
        {
            Execute.Assertion.FailWith("{0} should fail with {1} but read {2} feeds", name, expectedError.GetString(), feeds.Count);
            return;
        }

        var papers = feeds.SelectMany(f => f.Papers).ToList();
        papers.Should().HaveCount(expected.GetProperty("papers").GetInt32(), name);
        if (expected.TryGetProperty("feeds", out var feedCount)) feeds.Should().HaveCount(feedCount.GetInt32(), name);
        if (expected.TryGetProperty("upvotesSum", out var sum)) papers.Sum(p => (long)(p.Upvotes ?? 0)).Should().Be(sum.GetInt64(), name);
        if (expected.TryGetProperty("arxivIds", out var ids)) papers.Select(p => p.ArxivId).OfType<string>().Distinct().Should().HaveCount(ids.GetInt32(), name);
        if (expected.TryGetProperty("authorCountSum", out var authors)) papers.Sum(p => (long)(p.AuthorCount ?? 0)).Should().Be(authors.GetInt64(), name);
        if (expected.TryGetProperty("abstracts", out var abstracts)) papers.Count(p => p.Abstract is not null).Should().Be(abstracts.GetInt32(), name);
        if (expected.TryGetProperty("firstTitle", out var first)) papers.FirstOrDefault()?.Title.Should().Be(first.GetString(), name);
        if (expected.TryGetProperty("lastTitle", out var last)) papers.LastOrDefault()?.Title.Should().Be(last.GetString(), name);
        if (expected.TryGetProperty("feedDates", out var dates))
        {
            feeds.Select(f => f.Date?.ToString()).Should().Equal(dates.EnumerateArray().Select(d => d.GetString()), name);
        }
        if (expected.TryGetProperty("withOrganization", out var organizations))
        {
            papers.Count(p => p.Details?.Organization is not null).Should().Be(organizations.GetInt32(), name);
        }
        if (expected.TryGetProperty("firstAbstract", out var firstAbstract)) papers.FirstOrDefault()?.Abstract.Should().Be(firstAbstract.GetString(), name);
        if (expected.TryGetProperty("abstractsFromSource", out var fromSource) && fromSource.GetBoolean())
        {
            var lines = File.ReadAllLines(path);
            int verbatim = 0;
            foreach (var paper in papers)
            {
                int title = Array.IndexOf(lines, paper.Title);
                title.Should().BeGreaterThanOrEqualTo(0, $"{name}: '{paper.Title}' is a line of the source");
                string paragraph = lines.Skip(title + 1).First(l => l.Trim().Length > 0);
                if (paper.Abstract == paragraph) verbatim++;
                else
                {
                    paragraph.Should().StartWith(paper.Abstract!.TrimEnd(), $"{name}: '{paper.Title}''s abstract is its paragraph, at most collapsed");
                    paragraph.Length.Should().BeGreaterThan(paper.Abstract.Length, name);
                }
            }
            verbatim.Should().BeGreaterThan(papers.Count / 2, name);
        }
        if (expected.TryGetProperty("featured", out var featured))
        {
            papers.Select(p => p.Featured?.ToString()).OfType<string>().Distinct().Order(StringComparer.Ordinal)
                .Should().Equal(featured.EnumerateArray().Select(d => d.GetString()), name);
        }
    }
}
