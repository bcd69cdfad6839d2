using System.Text;

namespace PaperFeed.Html;

/// <summary>What the page shows of one paper card (an <c>article</c> element), gathered token by token.</summary>
internal sealed class HtmlCard
{
    public HtmlCard(int line, int column)
    {
        Line = line;
        Column = column;
    }

    /// <summary>Where the <c>article</c> start tag is (1-based).</summary>
    public int Line { get; }

    /// <inheritdoc cref="Line"/>
    public int Column { get; }

    /// <summary>The <c>href</c> of the title link (<c>h3 a[href^="/papers/"]</c>), once found.</summary>
    public string? Href { get; set; }

    /// <summary>The title link's text.</summary>
    public StringBuilder Title { get; } = new();

    /// <summary>The first paragraph's text: the abstract, on pages that show one.</summary>
    public StringBuilder? Abstract { get; set; }

    /// <summary>The card's other text runs, in page order, and whether each came before the title.</summary>
    public List<(string Text, bool BeforeTitle)> Texts { get; } = [];
}
