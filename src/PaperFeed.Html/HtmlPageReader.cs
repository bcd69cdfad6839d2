using System.Globalization;
using System.Text.Json;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;
using PaperFeed.Api;

namespace PaperFeed.Html;

/// <summary>
/// Reads one saved Daily Papers page from AngleSharp's HTML tokenizer, in one linear pass. Fast path: the
/// <c>data-props</c> JSON of <c>div[data-target="DailyPapers"]</c> (entities already decoded by the tokenizer),
/// read with the API reader's DTOs and mapping, after which the rest of the page is not even tokenized.
/// Fallback: the rendered <c>article</c> cards. No DOM is built: AngleSharp's tree construction takes
/// quadratic time on deeply nested markup (see docs/inputs.md), and nothing here can run a script or fetch a
/// resource, because there is no browsing context at all.
/// </summary>
internal sealed class HtmlPageReader
{
    private const string PapersPath = "/papers/";
    private const string AbsolutePapersPath = "https://huggingface.co/papers/";

    private readonly HtmlTokenizer _tokenizer;
    private readonly FeedParserOptions _options;
    private readonly List<HtmlCard> _cards = [];
    private PaperDate? _canonicalDate;
    private FeedPeriod? _canonicalPeriod;

    // The card in progress and where the tokenizer is inside it.
    private HtmlCard? _card;
    private int _articleDepth, _h3Depth, _paragraphDepth;
    private bool _inTitleLink, _titleSeen;

    public HtmlPageReader(TextSource source, FeedParserOptions options)
    {
        _options = options;
        _tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver)
        {
            SkipComments = true,
            SkipProcessingInstructions = true,
            // Only the attributes read below are materialised: a large page's thousands of class lists are not.
            ShouldEmitAttribute = static (ref StructHtmlToken _, ReadOnlyMemory<char> name) => IsWanted(name.Span),
        };
    }

    private static bool IsWanted(ReadOnlySpan<char> name) =>
        name is "data-target" or "data-props" or "href" or "rel" or "property" or "content";

    /// <summary>Reads the page's one feed.</summary>
    public Feed Read()
    {
        while (true)
        {
            var token = _tokenizer.Get();
            switch (token.Type)
            {
                case HtmlTokenType.StartTag:
                    if (OnStartTag(token.AsTag()) is { } feed) return feed;
                    break;
                case HtmlTokenType.EndTag:
                    OnEndTag(token.Name);
                    break;
                case HtmlTokenType.Character:
                    OnText(token.Data);
                    break;
                case HtmlTokenType.EndOfFile:
                    FinishCard();
                    return CardsFeed();
            }
        }
    }

    /// <returns>The feed, when this tag is the data-props element and its JSON is good.</returns>
    private Feed? OnStartTag(HtmlTagToken tag)
    {
        string name = tag.Name;
        if (!tag.IsSelfClosing) SwitchTokenizerState(name);
        switch (name)
        {
            case "div" when tag.GetAttribute("data-target") == "DailyPapers":
                return FromProps(tag);
            case "link" when _canonicalDate is null && _canonicalPeriod is null && IsCanonical(tag.GetAttribute("rel")):
                ReadPageAddress(tag.GetAttribute("href"));
                return null;
            case "meta" when _canonicalDate is null && _canonicalPeriod is null && tag.GetAttribute("property") == "og:url":
                ReadPageAddress(tag.GetAttribute("content"));
                return null;
            case "article":
                if (_articleDepth++ == 0)
                {
                    _card = new HtmlCard(tag.Position.Line, tag.Position.Column);
                    _h3Depth = _paragraphDepth = 0;
                    _inTitleLink = _titleSeen = false;
                }
                if (tag.IsSelfClosing) OnEndTag("article");
                return null;
        }
        if (_card is null || tag.IsSelfClosing) return null;
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
        return null;
    }

    private void OnEndTag(string name)
    {
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
        if (_card is not null) _cards.Add(_card);
        _card = null;
        _articleDepth = 0;
    }

    /// <summary>
    /// The tree builder normally tells the tokenizer when text is raw: a script's <c>a&lt;b</c> must not start a tag.
    /// With no tree builder, this does it for the elements whose content is never markup.
    /// </summary>
    private void SwitchTokenizerState(string name)
    {
        switch (name)
        {
            case "script":
                _tokenizer.State = HtmlParseMode.Script;
                break;
            case "style" or "xmp" or "iframe" or "noembed" or "noframes":
                _tokenizer.State = HtmlParseMode.Rawtext;
                break;
            case "title" or "textarea":
                _tokenizer.State = HtmlParseMode.RCData;
                break;
            case "plaintext":
                _tokenizer.State = HtmlParseMode.Plaintext;
                break;
        }
    }

    private Feed? FromProps(HtmlTagToken tag)
    {
        var position = tag.Position;
        string? props = tag.GetAttribute("data-props");
        string problem;
        if (string.IsNullOrEmpty(props))
        {
            problem = "has no data-props attribute";
        }
        else
        {
            try
            {
                var page = JsonSerializer.Deserialize(props, ApiJsonContext.Default.ApiEntry);
                if (page is { IsPage: true })
                {
                    var papers = new List<Paper>(page.DailyPapers!.Count);
                    new ApiPaperMapper(_options).AddPapers(page, position.Line, position.Column, "data-props", null, papers);
                    return ApiPaperMapper.PageFeed(page, papers);
                }
                problem = "data-props JSON has no dailyPapers array";
            }
            catch (JsonException exception)
            {
                problem = string.Create(CultureInfo.InvariantCulture,
                    $"data-props JSON is broken at its line {(exception.LineNumber ?? 0) + 1}, byte {(exception.BytePositionInLine ?? 0) + 1}: {FirstSentence(exception.Message)}");
            }
        }
        Report(DiagnosticCodes.BrokenEmbeddedJson, position.Line, position.Column,
            $"the DailyPapers element {problem}; reading the rendered paper cards instead");
        return null;
    }

    private Feed CardsFeed()
    {
        var papers = new List<Paper>(_cards.Count);
        foreach (var card in _cards)
        {
            var paper = HtmlCardMapper.ToPaper(card, _canonicalDate, _options, out int collapsed);
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

    private void Report(string code, int line, int column, string message, DiagnosticSeverity severity = DiagnosticSeverity.Warning)
    {
        var diagnostic = new FeedDiagnostic(severity, code, line, column, message, _options.SourceName);
        _options.OnDiagnostic?.Invoke(diagnostic);
        if (_options.Strict && severity == DiagnosticSeverity.Warning) throw new FeedFormatException(diagnostic);
    }

    private static bool IsPaperLink(string? href) =>
        href is not null && (href.StartsWith(PapersPath, StringComparison.Ordinal) || href.StartsWith(AbsolutePapersPath, StringComparison.Ordinal));

    private static bool IsCanonical(string? rel) =>
        rel is not null && rel.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("canonical", StringComparer.OrdinalIgnoreCase);

    /// <summary>The page's own address: a day page gives the cards' date, a week or month page the feed's period.</summary>
    private void ReadPageAddress(string? url)
    {
        _canonicalDate = PeriodDate(url);
        if (FeedPeriod.TryParseUrl(url, out var period) && period.Kind != FeedPeriodKind.Day) _canonicalPeriod = period;
    }

    /// <summary>The day of a <c>/papers/date/YYYY-MM-DD</c> URL (week and month pages are not a day).</summary>
    private static PaperDate? PeriodDate(string? url)
    {
        const string marker = "/papers/date/";
        int at = url?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (at < 0) return null;
        var rest = url.AsSpan(at + marker.Length);
        return rest.Length >= 10 && PaperDate.TryParseIso(rest[..10], out var date) && date.HasYear ? date : null;
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
