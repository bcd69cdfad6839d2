using System.Globalization;
using System.Text;

namespace PaperFeed.Tests.Text.Captures;

/// <summary>One card of a generated listing: what the page shows, whatever tool captured it.</summary>
internal sealed record CardSpec(string Id, string Title, string Abstract, int? Authors, string? Organization, PaperDate Published, int? Upvotes, int? Comments);

/// <summary>
/// Renders a listing the way three real tools captured the page (the real files under Fixtures/Real/captures are the
/// model for each line): a <c>lynx -dump</c>-like reader with reference links, firecrawl's inline-link Markdown, and
/// a clipper's "text, then URL" export. Menus, the header and log-in links come with it, as on the page.
/// </summary>
internal static class CaptureRenderer
{
    public static string ReferenceLinks(PaperDate pageDate, IReadOnlyList<CardSpec> cards, string pageUrl)
    {
        int reference = 30;
        var text = new StringBuilder();
        text.Append("# Web source\n\n- URL: ").Append(pageUrl).Append("\n- Title: [[Hugging Face's logo] Hugging Face][1]\n\n```text\n");
        text.Append("[[Hugging Face's logo] Hugging Face][1]\n* [ Models ][2]\n* [ Datasets ][3]\n  * Community\n    * [ Daily Papers][16]\n");
        text.Append("* [Log In][27]\n* [Sign Up][28]\nnew\n\nGet trending papers in your email inbox once a day!\n\n");
        text.Append("Get trending papers in your email inbox!\n\n[Subscribe][29]\n\n# Daily Papers\n\n## by[AK][30] and the research community\n");
        text.Append("* Daily\n* Weekly\n* Monthly\n\n").Append(Month(pageDate)).Append('\n');
        foreach (var card in cards)
        {
            text.Append("[\n").Append(Votes(card.Upvotes)).Append('\n').Append("][").Append(++reference).Append("]\n\n");
            var titleLines = Wrap(card.Title, 110);
            text.Append("### [").Append(string.Join("\n### ", titleLines)).Append("][").Append(++reference).Append("]\n\n");
            text.Append("[\n\n").Append(string.Join('\n', Wrap(card.Abstract, 120))).Append("\n\n][").Append(++reference).Append("]\n");
            if (card.Organization is string organization) text.Append("[[org] ").Append(organization).Append("][").Append(++reference).Append("]\n");
            else text.Append("[\n* ").Append(AuthorCount(card.Authors!.Value)).Append("\n][").Append(++reference).Append("]\n");
            text.Append("·\n").Append(Date(card.Published));
            if (card.Comments is int comments) text.Append(" [ ").Append(comments.ToString(CultureInfo.InvariantCulture)).Append("][").Append(++reference).Append(']');
            text.Append('\n');
        }
        return text.Append("```\n").ToString();
    }

    public static string InlineLinks(PaperDate pageDate, IReadOnlyList<CardSpec> cards, string pageUrl)
    {
        var text = new StringBuilder();
        text.Append("---\nurl: ").Append(pageUrl).Append("\ntransport: firecrawl-cli\ntitle: Daily Papers - Hugging Face\n---\nnew\n\n");
        text.Append("Get trending papers in your email inbox!\n\n[Subscribe](https://huggingface.co/login?next=%2Fpapers)\n\n# Daily Papers\n\n");
        text.Append("## by [![](https://huggingface.co/front/assets/papers-by.png)AK](https://huggingface.co/akhaliq) and the research community\n\n");
        text.Append("- Daily\n- Weekly\n- Monthly\n\n[Trending Papers](https://huggingface.co/papers/trending)\n\n").Append(Month(pageDate)).Append("\n\n");
        foreach (var card in cards)
        {
            string page = "https://huggingface.co/papers/" + card.Id;
            text.Append('[').Append(Votes(card.Upvotes)).Append("](https://huggingface.co/login?next=%2Fpapers%2F").Append(card.Id).Append(")\n\n");
            text.Append("### [").Append(card.Title).Append("](").Append(page).Append(")\n\n");
            // arXiv-era abstracts keep their line wraps as Markdown hard breaks.
            text.Append('[').Append(string.Join("\\\\\n", Wrap(card.Abstract, 80))).Append("](").Append(page).Append(")\n\n");
            if (card.Organization is string organization)
            {
                text.Append("[![org](https://cdn-avatars.huggingface.co/v1/a.png)").Append(organization).Append("](https://huggingface.co/org)\n\n");
            }
            else
            {
                text.Append("[- ![](https://huggingface.co/avatars/a.svg)\\\\\n- ").Append(AuthorCount(card.Authors!.Value)).Append("](").Append(page).Append(")\n\n");
            }
            text.Append("·\n\n").Append(Date(card.Published));
            if (card.Comments is int comments) text.Append('[').Append(comments.ToString(CultureInfo.InvariantCulture)).Append("](").Append(page).Append("#community)");
            text.Append("\n\n");
        }
        return text.ToString();
    }

    public static string Clipper(PaperDate pageDate, IReadOnlyList<CardSpec> cards, string pageUrl)
    {
        var text = new StringBuilder();
        text.Append("---\nsource_id: \"x\"\ntitle: \"Daily Papers - Hugging Face\"\nurl: ").Append(pageUrl).Append("\ntype: web_page\n---\n\n");
        text.Append("# Daily Papers - Hugging Face\nDaily Papers - Hugging Face\n\n Hugging Face\n\nhttps://huggingface.co/\n\nModels\n\nhttps://huggingface.co/models\n\n");
        text.Append("Log In\n\nhttps://huggingface.co/login\n\nnew\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nhttps://huggingface.co/login?next=%2Fpapers\n\n");
        text.Append("Daily Papers\n\nby \n\nAK\n\nhttps://huggingface.co/akhaliq\n\n and the research community\n\nDaily\n\nWeekly\n\nMonthly \n\n");
        text.Append("https://huggingface.co/papers/trending\n\n \n\nhttps://huggingface.co/papers/date/2026-03-24\n\n").Append(Month(pageDate)).Append("\n\n");
        foreach (var card in cards)
        {
            string page = "https://huggingface.co/papers/" + card.Id;
            text.Append(" [-] ").Append(Votes(card.Upvotes)).Append("\n\nhttps://huggingface.co/login?next=%2Fpapers%2F").Append(card.Id).Append("\n\n");
            text.Append(card.Title).Append("\n\n").Append(page).Append("\n\n").Append(card.Abstract).Append("\n\n").Append(page).Append("\n\n");
            if (card.Organization is string organization)
            {
                text.Append(" \n\n").Append(page).Append("\n\n ").Append(organization).Append("\n\nhttps://huggingface.co/org\n\n");
            }
            else
            {
                text.Append("[\n\n").Append(AuthorCount(card.Authors!.Value)).Append("](").Append(page).Append(")\n\n");
            }
            text.Append("·\n\n").Append(Date(card.Published)).Append(" \n\n");
            if (card.Comments is int comments) text.Append(comments.ToString(CultureInfo.InvariantCulture)).Append("\n\n").Append(page).Append("#community\n\n");
        }
        return text.ToString();
    }

    /// <summary>The papers a capture of <paramref name="cards"/> holds; <paramref name="withIds"/> false where the capture lost its links.</summary>
    /// <param name="organizationLinks">True where the capture keeps the organisation's profile link (inline links), which gives <see cref="PaperDetails.Organization"/>.</param>
    public static List<Paper> Expected(PaperDate pageDate, IReadOnlyList<CardSpec> cards, bool withIds, bool searchPage, bool organizationLinks = false) =>
        cards.Select(card => new Paper
        {
            Title = card.Title,
            Abstract = card.Abstract,
            AuthorCount = card.Organization is null ? card.Authors : null,
            Published = card.Published.HasYear || pageDate.ToDateOnly() is not DateOnly day ? card.Published : card.Published.Resolve(day),
            Upvotes = card.Upvotes,
            ArxivId = withIds ? card.Id : null,
            Url = withIds ? "https://huggingface.co/papers/" + card.Id : null,
            Featured = searchPage ? null : pageDate,
            Details = organizationLinks && card.Organization is string name ? new PaperDetails { Organization = new Organization("org", name) } : null,
        }).ToList();

    private static string Votes(int? upvotes) => upvotes?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string AuthorCount(int count) => count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " author" : " authors");

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static string Month(PaperDate date) => Months[date.Month - 1] + " " + date.Day.ToString(CultureInfo.InvariantCulture);

    private static string Date(PaperDate date) =>
        Month(date) + (date.Year is int year ? ", " + year.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>Hard-wraps at spaces, as the tools wrap arXiv text.</summary>
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        lines.Add(line.ToString());
        return lines;
    }
}
