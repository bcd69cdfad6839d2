using CsCheck;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PaperFeed.Export;

namespace PaperFeed.Tests.Export;

/// <summary>
/// The Markdown digest read by Markdig, an independent CommonMark parser: whatever a title or abstract holds, the
/// document is one heading and one ordered list with exactly one item per paper, whose bold text is the title exactly.
/// </summary>
public class MarkdownReaderTests
{
    [Fact]
    public void Hostile_titles_and_abstracts_stay_one_list_item_each_with_the_exact_title()
    {
        HostilePapers.Papers.Sample(papers => Check(papers), iter: 300);
    }

    [Fact]
    public async Task Real_fixtures_read_back_one_item_per_paper()
    {
        var fixtures = await Consumers.RealFixturesAsync();
        fixtures.Should().NotBeEmpty();
        foreach (var (name, papers, expected) in fixtures)
        {
            papers.Should().HaveCount(expected.GetProperty("papers").GetInt32(), name);
            Check(papers);
        }
    }

    [Fact]
    public void A_one_megabyte_title_and_abstract_are_one_item()
    {
        string big = string.Concat(Enumerable.Repeat("- *x* <y> &amp; 1) --- ", 1 << 16));
        Check([new Paper { Title = big, Abstract = big }, new Paper { Title = "after", Abstract = "---" }]);
    }

    [Fact]
    public void Leading_list_and_rule_markers_entities_trailing_spaces_and_wide_numbers_stay_text()
    {
        // The cases of issue 13, defect 4: each broke the structure or the text before.
        string[] abstracts = ["- dash list", "+ plus list", "1) numbered", "---", "=== setext", "# heading", "> quote", "```", "10. ten"];
        var papers = abstracts.Select((a, i) => new Paper { Title = i == 0 ? "Padded  " : $"&amp; and &copy; {i}", Abstract = a }).ToList();
        // From item 10 on the marker is wider ("10. "): the abstract line must follow it.
        papers.AddRange(Enumerable.Range(0, 4).Select(i => new Paper { Title = $"Late {i}", Abstract = "---" }));

        Check(papers);
        var items = ItemsOf(FeedExporter.WriteToString(papers, ExportFormat.Markdown), Consumers.MarkdownPipelines[0]);
        Consumers.TextOf(((ParagraphBlock)items[0][0]).Inline!.FirstChild).Should().Be("Padded");
        Consumers.TextOf(((ParagraphBlock)items[1][0]).Inline!.FirstChild).Should().Be("&amp; and &copy; 1");
    }

    private static void Check(List<Paper> papers)
    {
        string markdown = FeedExporter.WriteToString(papers, ExportFormat.Markdown);
        markdown.Should().NotContain("\0");
        foreach (var pipeline in Consumers.MarkdownPipelines)
        {
            var document = Markdown.Parse(markdown, pipeline);
            document[0].Should().BeOfType<HeadingBlock>();
            Consumers.TextOf(((HeadingBlock)document[0]).Inline).Should().Be("Daily Papers");
            if (papers.Count == 0)
            {
                document.Should().HaveCount(2);
                continue;
            }
            document.Should().HaveCount(2, "a heading and one list:\n" + markdown[..Math.Min(markdown.Length, 2000)]);
            var list = document[1].Should().BeOfType<ListBlock>().Subject;
            list.IsOrdered.Should().BeTrue();
            list.Should().HaveCount(papers.Count);
            for (int i = 0; i < papers.Count; i++)
            {
                var item = (ListItemBlock)list[i];
                // The digest shows the title without outer whitespace, which bold text cannot hold.
                string title = HostilePapers.Utf8(papers[i].Title.Replace("\0", "")).Trim();
                if (title.Length == 0) continue;
                item.Should().ContainSingle("paper {0} is one paragraph", i + 1);
                var paragraph = item[0].Should().BeOfType<ParagraphBlock>().Subject;
                var strong = paragraph.Inline!.FirstChild.Should().BeOfType<EmphasisInline>().Subject;
                strong.DelimiterCount.Should().Be(2);
                Consumers.TextOf(strong).Should().Be(title);
                if (strong.FirstChild is LinkInline link)
                {
                    new Uri(link.Url!).Scheme.Should().BeOneOf("http", "https");
                }
                string? sentence = SentenceOf(paragraph);
                string abstractText = HostilePapers.Utf8((papers[i].Abstract ?? "").Replace("\0", "")).Trim();
                if (sentence is not null) abstractText.Should().StartWith(sentence.TrimEnd('…'));
                else abstractText.Should().BeEmpty();
            }
        }
    }

    /// <summary>The text after the paragraph's line break: the abstract's first sentence, or null when there is none.</summary>
    private static string? SentenceOf(ParagraphBlock paragraph)
    {
        var inlines = paragraph.Inline!.ToList();
        int br = inlines.FindIndex(i => i is LineBreakInline);
        return br < 0 ? null : string.Concat(inlines.Skip(br + 1).Select(Consumers.TextOf));
    }

    private static List<ListItemBlock> ItemsOf(string markdown, MarkdownPipeline pipeline) =>
        ((ListBlock)Markdown.Parse(markdown, pipeline)[1]).Cast<ListItemBlock>().ToList();
}
