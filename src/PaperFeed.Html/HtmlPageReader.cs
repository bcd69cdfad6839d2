using System.Text.Json;
using System.Globalization;
using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;

namespace PaperFeed.Html;

/// <summary>
/// Reads saved Daily Papers pages from AngleSharp's HTML tokenizer, in one linear pass. Each
/// <c>div[data-target="DailyPapers"]</c> whose <c>data-props</c> JSON is good is one feed (entities already decoded
/// by the tokenizer), read by the core's API JSON format (<see cref="EmbeddedListing"/>); the cards rendered inside it are its own and are
/// not read again. The rendered <c>article</c> cards elsewhere, or inside a component whose JSON is broken or cut
/// off, are the fallback: one feed per page. A file may hold several pages one after another (a new
/// <c>&lt;!DOCTYPE&gt;</c> or <c>&lt;html&gt;</c> starts the next). No DOM is built: AngleSharp's tree construction
/// takes quadratic time on deeply nested markup (see docs/inputs.md), and nothing here can run a script or fetch a
/// resource, because there is no browsing context at all.
/// </summary>
internal sealed class HtmlPageReader
{
    private const string PapersPath = "/papers/";
    private const string AbsolutePapersPath = "https://huggingface.co/papers/";
    private const string ComponentMarker = "DailyPapers";
    private const string ComponentAttribute = "data-target=\"DailyPapers\"";

    private readonly string _html;
    private readonly HtmlTokenizer _tokenizer;
    private readonly FeedReadContext _context;
    private readonly EmbeddedListing _embedded;
    private readonly List<Feed> _feeds = [];

    // The page in progress.
    private readonly List<HtmlCard> _cards = [];
    private PaperDate? _canonicalDate;
    private FeedPeriod? _canonicalPeriod;
    private string? _paperPageId; // the page's own address is a paper's page (/papers/ID), not a listing
    private bool _pageHasMarkup, _pageHasHtmlTag, _pageHasPropsFeed;

    // The DailyPapers component in progress: its div nesting, and whether its JSON gave the feed (then its cards are a rendering of it).
    private int _componentDepth;
    private bool _componentRead;

    // The card in progress and where the tokenizer is inside it.
    private HtmlCard? _card;
    private bool _cardIsRendering;
    private int _articleDepth, _h3Depth, _paragraphDepth;
    private bool _inTitleLink, _titleSeen;

    // Where the last start tag began, and whether the page ended inside a tag: together they tell a cut-off component.
    private int _lastStartTagIndex = -1;
    private bool _endedInsideTag;

    // Look-aheads for raw-text elements: the next end tag per element name, and the next DailyPapers element.
    private Dictionary<string, NextOccurrence>? _endTags;
    private NextOccurrence _componentMarker;

    public HtmlPageReader(string html, TextSource source, FeedReadContext context)
    {
        _html = html;
        _context = context;
        _embedded = new EmbeddedListing(context);
        _tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver)
        {
            SkipComments = true,
            SkipProcessingInstructions = true,
            // Only the attributes read below are materialised: a large page's thousands of class lists are not.
            ShouldEmitAttribute = static (ref StructHtmlToken _, ReadOnlyMemory<char> name) => IsWanted(name.Span),
        };
        _tokenizer.Error += (_, error) => _endedInsideTag |= error.Code == (int)HtmlParseError.EOF;
    }

    private static bool IsWanted(ReadOnlySpan<char> name) =>
        name is "data-target" or "data-props" or "href" or "rel" or "property" or "content";

    /// <summary>Reads every feed of the input, in page order.</summary>
    public List<Feed> Read()
    {
        while (true)
        {
            var token = _tokenizer.Get();
            switch (token.Type)
            {
                case HtmlTokenType.Doctype:
                    if (_pageHasMarkup) FinishPage();
                    _pageHasMarkup = true;
                    break;
                case HtmlTokenType.StartTag:
                    OnStartTag(token.AsTag());
                    break;
                case HtmlTokenType.EndTag:
                    OnEndTag(token.Name);
                    break;
                case HtmlTokenType.Character:
                    OnText(token.Data);
                    break;
                case HtmlTokenType.EndOfFile:
                    ReadCutOffComponent();
                    FinishPage();
                    return _feeds;
            }
        }
    }

    private void OnStartTag(HtmlTagToken tag)
    {
        string name = tag.Name;
        _lastStartTagIndex = tag.Position.Position;
        if (name == "html")
        {
            if (_pageHasHtmlTag) FinishPage();
            _pageHasHtmlTag = true;
        }
        _pageHasMarkup = true;
        if (!tag.IsSelfClosing) SwitchTokenizerState(tag);
        switch (name)
        {
            case "div" when tag.GetAttribute("data-target") == ComponentMarker:
                FinishCard(); // a card does not span components
                _componentDepth = 1;
                _componentRead = FromProps(tag);
                return;
            case "div" when _componentDepth > 0:
                _componentDepth++; // HTML ignores a div's self-closing slash: it stays open
                return;
            case "link" when _canonicalDate is null && _canonicalPeriod is null && IsCanonical(tag.GetAttribute("rel")):
                ReadPageAddress(tag.GetAttribute("href"));
                return;
            case "meta" when _canonicalDate is null && _canonicalPeriod is null && tag.GetAttribute("property") == "og:url":
                ReadPageAddress(tag.GetAttribute("content"));
                return;
            case "article":
                if (_articleDepth++ == 0)
                {
                    _card = new HtmlCard(tag.Position.Line, tag.Position.Column);
                    _cardIsRendering = _componentDepth > 0 && _componentRead;
                    _h3Depth = _paragraphDepth = 0;
                    _inTitleLink = _titleSeen = false;
                }
                if (tag.IsSelfClosing) OnEndTag("article");
                return;
        }
        if (_card is null || tag.IsSelfClosing) return;
        switch (name)
        {
            case "h3":
                _h3Depth++;
                break;
            case "a" when _h3Depth > 0 && _card.Href is null && IsPaperLink(tag.GetAttribute("href")):
                _card.Href = tag.GetAttribute("href");
                _inTitleLink = true;
                break;
            case "p" when _card.Abstract is null || _paragraphDepth > 0:
                _card.Abstract ??= new();
                _paragraphDepth++;
                break;
        }
    }

    private void OnEndTag(string name)
    {
        if (name == "div" && _componentDepth > 0 && --_componentDepth == 0)
        {
            FinishCard();
            _componentRead = false;
        }
        if (_card is null) return;
        switch (name)
        {
            case "article":
                if (--_articleDepth <= 0) FinishCard();
                break;
            case "h3" when _h3Depth > 0:
                _h3Depth--;
                break;
            case "a" when _inTitleLink:
                _inTitleLink = false;
                _titleSeen = true;
                break;
            case "p" when _paragraphDepth > 0:
                _paragraphDepth--;
                break;
        }
    }

    private void OnText(string text)
    {
        if (_card is null) return;
        if (_inTitleLink) _card.Title.Append(text);
        else if (_paragraphDepth > 0) _card.Abstract!.Append(text);
        else if (!string.IsNullOrWhiteSpace(text)) _card.Texts.Add((text, !_titleSeen && _card.Href is null));
    }

    private void FinishCard()
    {
        if (_card is not null && !_cardIsRendering) _cards.Add(_card);
        _card = null;
        _articleDepth = 0;
    }

    /// <summary>
    /// Ends a page: its cards outside any component read from JSON become its feed when they hold a paper, and
    /// always when no component gave one (a page is never nothing, even an empty one). Then the next page starts with nothing known.
    /// </summary>
    private void FinishPage()
    {
        FinishCard();
        if (_paperPageId is not null && _cards.Count == 0 && !_pageHasPropsFeed) throw PaperPageRefused(_paperPageId);
        if (_cards.Count > 0 || !_pageHasPropsFeed)
        {
            var cardsFeed = CardsFeed();
            if (cardsFeed.Papers.Count > 0 || !_pageHasPropsFeed) _feeds.Add(cardsFeed);
        }
        _cards.Clear();
        _canonicalDate = null;
        _canonicalPeriod = null;
        _paperPageId = null;
        _pageHasMarkup = _pageHasHtmlTag = _pageHasPropsFeed = false;
        _componentDepth = 0;
        _componentRead = false;
    }

    /// <summary>
    /// The tree builder normally tells the tokenizer when text is raw: a script's <c>a&lt;b</c> must not start a tag.
    /// With no tree builder, this does it for the elements whose content is never markup.
    /// </summary>
    /// <remarks>
    /// An element whose end tag is missing would hide what follows as its text, up to the next such end tag or
    /// the end of the page (a saved page cut inside a script, a stray <c>&lt;script&gt;</c>): when its text would
    /// run to the end of the page, or hold the page's <c>DailyPapers</c> element, it is read as markup instead, with
    /// a warning. Both look-aheads are cached, so the pass stays linear however many such tags there are.
    /// </remarks>
    private void SwitchTokenizerState(HtmlTagToken tag)
    {
        var mode = tag.Name switch
        {
            "script" => HtmlParseMode.Script,
            "style" or "xmp" or "iframe" or "noembed" or "noframes" => HtmlParseMode.Rawtext,
            "title" or "textarea" => HtmlParseMode.RCData,
            "plaintext" => HtmlParseMode.Plaintext, // has no end tag, by definition
            _ => (HtmlParseMode?)null,
        };
        if (mode is not HtmlParseMode state) return;
        if (state != HtmlParseMode.Plaintext && HiddenListing(tag) is { } why)
        {
            Report(DiagnosticCodes.UnclosedRawText, tag.Position.Line, tag.Position.Column,
                $"a <{tag.Name}> whose end tag is missing: its text would {why}; reading what follows it as markup");
            return;
        }
        _tokenizer.State = state;
    }

    /// <summary>What the raw text starting at <paramref name="tag"/> would hide, or null when it ends before anything that matters.</summary>
    private string? HiddenListing(HtmlTagToken tag)
    {
        int start = tag.Position.Position;
        _endTags ??= new(StringComparer.Ordinal);
        _endTags.TryGetValue(tag.Name, out var endTag);
        int end = endTag.Next(_html, "</" + tag.Name, start, StringComparison.OrdinalIgnoreCase);
        _endTags[tag.Name] = endTag;
        if (end < 0) return "run to the end of the page";
        int component = _componentMarker.Next(_html, ComponentAttribute, start, StringComparison.Ordinal);
        return component >= 0 && component < end ? "hold the page's DailyPapers element" : null;
    }

    /// <summary>The next occurrence of a string at or after a position, remembered: positions only grow, so each search resumes where it stopped.</summary>
    private struct NextOccurrence
    {
        private int _searchedFrom; // 0 = never searched
        private int _found;

        public int Next(string text, string value, int from, StringComparison comparison)
        {
            if (_searchedFrom == 0 || from < _searchedFrom - 1 || (_found >= 0 && _found < from))
            {
                _found = text.IndexOf(value, from, comparison);
                _searchedFrom = from + 1;
            }
            return _found;
        }
    }

    /// <returns>True when the component's JSON gave its feed (added to the feeds).</returns>
    private bool FromProps(HtmlTagToken tag)
    {
        var position = tag.Position;
        string? props = tag.GetAttribute("data-props");
        string? problem = "has no data-props attribute";
        JsonException? cause = null;
        if (!string.IsNullOrEmpty(props))
        {
            byte[] json = Encoding.UTF8.GetBytes(props);
            problem = EmbeddedListing.Problem(json, out cause);
            if (problem is null)
            {
                _feeds.Add(_embedded.Read(json, position.Line, position.Column));
                _pageHasPropsFeed = true;
                return true;
            }
        }
        _context.Diagnostics.Report(new FeedDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.BrokenEmbeddedJson,
            DiagnosticLocation.AtLine(position.Line, position.Column > 0 ? position.Column : null),
            $"the DailyPapers element {problem}; reading the rendered paper cards instead", _context.SourceName), cause);
        return false;
    }

    /// <summary>
    /// A page cut off inside the component's start tag (a download or a copy that stopped in its long
    /// <c>data-props</c>) ends the tokenizer without the tag: warn, at the tag, rather than give nothing silently,
    /// and read every item complete before the cut; else the cards are all there is.
    /// </summary>
    private void ReadCutOffComponent()
    {
        if (!_endedInsideTag) return;
        int marker = _html.LastIndexOf(ComponentMarker, StringComparison.Ordinal);
        int tagStart = marker < 0 ? -1 : _html.LastIndexOf('<', marker);
        if (tagStart <= _lastStartTagIndex || !_html.AsSpan(tagStart + 1).StartsWith("div", StringComparison.OrdinalIgnoreCase)) return;
        var (line, column) = LineAndColumn(tagStart);
        const string propsStart = "data-props=\"";
        int props = _html.IndexOf(propsStart, tagStart, StringComparison.Ordinal);
        if (props >= 0 && CutOffProps.Read(_html.AsSpan(props + propsStart.Length)) is { } page)
        {
            var feed = _embedded.Read(page, line, column);
            string read = feed.Papers.Count == 0 ? "no item is complete before the cut"
                : string.Create(CultureInfo.InvariantCulture, $"the {feed.Papers.Count} items complete before the cut are read");
            Report(DiagnosticCodes.BrokenEmbeddedJson, line, column, $"the DailyPapers element is cut off by the end of the page, inside its data-props; {read}");
            _feeds.Add(feed);
            _pageHasPropsFeed = true;
            return;
        }
        Report(DiagnosticCodes.BrokenEmbeddedJson, line, column,
            "the DailyPapers element is cut off by the end of the page, inside its data-props, before any item; reading the rendered paper cards instead");
    }

    private (int Line, int Column) LineAndColumn(int index)
    {
        var before = _html.AsSpan(0, index);
        int lastNewline = before.LastIndexOf('\n');
        return (before.Count('\n') + 1, index - lastNewline);
    }

    private Feed CardsFeed()
    {
        var papers = new List<Paper>(_cards.Count);
        foreach (var card in _cards)
        {
            var paper = HtmlCardMapper.ToPaper(card, _canonicalDate, _context.Options, out int collapsed);
            if (paper is null)
            {
                Report(DiagnosticCodes.UntitledCard, card.Line, card.Column, "an article without a title link (h3 a[href^=\"/papers/\"]); skipped");
                continue;
            }
            if (collapsed > 0)
            {
                Report(DiagnosticCodes.DuplicateSentences, card.Line, card.Column, "a repeated run of sentences in the abstract was collapsed", DiagnosticSeverity.Info);
            }
            papers.Add(paper);
        }
        return new Feed { Date = _canonicalDate, Period = _canonicalPeriod, Papers = papers };
    }

    private void Report(string code, int line, int column, string message, DiagnosticSeverity severity = DiagnosticSeverity.Warning) =>
        Report(_context, code, line, column, message, severity);

    /// <summary>Hands a diagnostic at a line and column of the page to the read's sink (where strict mode stops the read on a warning).</summary>
    internal static void Report(FeedReadContext context, string code, int line, int column, string message, DiagnosticSeverity severity = DiagnosticSeverity.Warning) =>
        context.Diagnostics.Report(new FeedDiagnostic(severity, code, DiagnosticLocation.AtLine(line, column > 0 ? column : null), message, context.SourceName));

    private static bool IsPaperLink(string? href) =>
        href is not null && (href.StartsWith(PapersPath, StringComparison.Ordinal) || href.StartsWith(AbsolutePapersPath, StringComparison.Ordinal));

    private static bool IsCanonical(string? rel) =>
        rel is not null && rel.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("canonical", StringComparer.OrdinalIgnoreCase);

    /// <summary>The page's own address: a day page gives the cards' date, a week or month page the feed's period.</summary>
    private void ReadPageAddress(string? url)
    {
        _paperPageId ??= PaperPageId(url);
        _canonicalDate = PeriodDate(url);
        if (PaperLinks.TryParseListingUrl(url, out var period) && period.Kind != FeedPeriodKind.Day) _canonicalPeriod = period;
    }

    /// <summary>The arXiv id of a paper's own page address (<c>https://huggingface.co/papers/2502.12345</c>); null for any other.</summary>
    private static string? PaperPageId(string? url)
    {
        if (url is null || !url.StartsWith(AbsolutePapersPath, StringComparison.Ordinal)) return null;
        var id = url.AsSpan(AbsolutePapersPath.Length).TrimEnd('/');
        int dot = id.IndexOf('.');
        if (dot != 4 || id.Length < 9) return null;
        var digits = id[5..];
        int version = digits.IndexOf('v');
        if (version >= 0) digits = digits[..version];
        return id[..4].ContainsAnyExceptInRange('0', '9') || digits.Length is < 4 or > 5 || digits.ContainsAnyExceptInRange('0', '9') ? null : id.ToString();
    }

    /// <summary>
    /// A paper's own page saved as HTML lists no papers; reading it as an empty feed would lose the paper without a
    /// word, and no real saved page of this kind was found to build a reader on (docs/inputs.md): it is refused.
    /// </summary>
    private FeedFormatException PaperPageRefused(string id) =>
        new(new FeedDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.UnsupportedFormat, DiagnosticLocation.None,
            $"a paper's own page (https://huggingface.co/papers/{id}) saved as HTML, not a listing: this page kind is not read; " +
            $"read a Markdown capture of it, or the API's /api/papers/{id}", _context.SourceName));

    /// <summary>The day of a <c>/papers/date/YYYY-MM-DD</c> URL (week and month pages are not a day).</summary>
    private static PaperDate? PeriodDate(string? url)
    {
        const string marker = "/papers/date/";
        int at = url?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (at < 0) return null;
        var rest = url.AsSpan(at + marker.Length);
        return rest.Length >= 10 && DateOnly.TryParseExact(rest[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new PaperDate(day)
            : null;
    }
}
