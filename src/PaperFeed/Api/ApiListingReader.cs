using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using PaperFeed.Json;

namespace PaperFeed.Api;

/// <summary>
/// Reads Hugging Face API JSON as a stream of <see cref="ApiFeedStart"/> marks and <see cref="Paper"/>s, one top-level
/// value at a time (flat memory however large the archive). How values group into listings (docs/inputs.md):
/// a document that is one array is one listing (one <c>/api/daily_papers</c> response); a listing page or an
/// archiver's wrapper is one listing, and so is a JSON Lines line that is a whole array; consecutive item lines
/// form one listing per day of <c>paper.submittedOnDailyAt</c> (a line without it stays in the listing before it).
/// </summary>
/// <remarks>
/// Broken input keeps what can be kept: in JSON Lines a line that is not JSON is skipped with a warning naming its
/// line; a document that breaks ends with a warning naming line and column, after every item before the break.
/// In strict mode both throw. A diagnostic about a value is located by its JSON path: inside its line for a value on
/// one line (JSON Lines), inside the document otherwise (<see cref="DiagnosticLocation"/>).
/// </remarks>
internal sealed class ApiListingReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };

    private readonly ReadSettings _options;
    private readonly DiagnosticSink _diagnostics;
    private readonly ApiPaperMapper _mapper;
    private readonly PaperDate? _listingDay;

    public ApiListingReader(ReadSettings options)
    {
        _options = options;
        _diagnostics = new DiagnosticSink(options.OnDiagnostic, options.Strict);
        _mapper = new ApiPaperMapper(options);
        _listingDay = options.EffectiveListingDate is DateOnly day ? new PaperDate(day) : null;
    }

    /// <summary>Lines of the input read so far (as the text parser counts them).</summary>
    public long LineCount { get; private set; }

    /// <summary>Each item is an <see cref="ApiFeedStart"/> (before the papers of each listing) or a <see cref="Paper"/>.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="synchronous">Read the stream synchronously: every step then completes at once (the sync paths).</param>
    /// <param name="cancellationToken">Stops between reads.</param>
    public async IAsyncEnumerable<object> ReadAsync(Stream stream, bool synchronous, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var splitter = new JsonValueSplitter(stream, _options.SourceName, arraySequence: true, synchronous: synchronous);
        var papers = new List<Paper>();
        bool groupOpen = false;
        PaperDate? groupDay = null;
        int index = -1, arrays = 0;
        // JSON Lines: every value read so far sat on one line. Then a value that breaks is one bad line.
        bool oneValuePerLine = true;
        long values = 0;
        while (true)
        {
            ReadOnlyMemory<byte>? next;
            FeedFormatException? broken = null;
            try
            {
                next = await splitter.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (FeedFormatException e) when (e.Diagnostic.Code == DiagnosticCodes.InvalidJson)
            {
                next = null;
                broken = e;
            }
            LineCount = splitter.LineCount;
            if (broken is not null)
            {
                if (!IsBadLine(splitter, broken.Diagnostic, oneValuePerLine && values > 0))
                {
                    Report(DiagnosticSeverity.Warning, DiagnosticCodes.TruncatedJson, broken.Diagnostic.Location,
                        $"the JSON breaks here ({broken.Diagnostic.Message}); the {index + 1} top-level values before it are kept, the rest of the input is not read",
                        broken.InnerException);
                    yield break;
                }
                Report(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidJsonLine, DiagnosticLocation.AtLine(splitter.ValueLine),
                    $"this line is not valid JSON ({broken.Diagnostic.Message}, column {broken.Diagnostic.Column}); skipped", broken.InnerException);
                await splitter.SkipLineAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            // Each top-level array (the document, or a JSON Lines line) is one listing, an empty one too.
            while (arrays < splitter.ArrayCount)
            {
                arrays++;
                index = -1;
                yield return new ApiFeedStart(_listingDay, null);
            }
            if (next is not { } value) break;
            index++;
            values++;
            bool oneLine = !value.Span.Contains((byte)'\n');
            if (!oneLine) oneValuePerLine = false;
            bool inArray = !splitter.IsValueSequence;
            // A value on one line of a sequence is a JSON Lines line: its line, and paths inside it. Elsewhere (an
            // element of the document's array, a document over many lines) the JSON path from the document locates it.
            var at = inArray || !oneLine ? DiagnosticLocation.None : DiagnosticLocation.AtLine(splitter.ValueLine);
            string path = inArray ? string.Create(CultureInfo.InvariantCulture, $"$[{index}]") : "$";
            switch (value.Span[0])
            {
                case (byte)'{':
                    if (Entry(value.Span, at, path) is not { } entry) continue;
                    if (entry.IsPage && !inArray)
                    {
                        yield return new ApiFeedStart(ApiPaperMapper.PagePeriod(entry) is null ? ApiPaperMapper.PageDate(entry) ?? _listingDay : null, ApiPaperMapper.PagePeriod(entry));
                        groupOpen = false;
                        _mapper.AddPapers(entry, at, path, _listingDay, papers);
                        break;
                    }
                    if (!inArray && DayOf(entry) is var day && (!groupOpen || (day is not null && day != groupDay)))
                    {
                        groupDay = day;
                        groupOpen = true;
                        yield return new ApiFeedStart(day ?? _listingDay, null);
                    }
                    _mapper.AddPapers(entry, at, path, inArray ? _listingDay : groupDay ?? _listingDay, papers);
                    break;
                case (byte)'[' when !inArray:
                    // A JSON Lines line that is a whole response, after lines of another shape: one listing.
                    yield return new ApiFeedStart(_listingDay, null);
                    groupOpen = false;
                    if (Items(value.Span, at, path) is not { } items) continue;
                    for (int i = 0; i < items.Count; i++)
                    {
                        _mapper.AddPapers(items[i], at, string.Create(CultureInfo.InvariantCulture, $"$[{i}]"), _listingDay, papers);
                    }
                    break;
                case (byte)'"':
                    _mapper.AddPapers(new ApiEntry { StringItem = StringItem(value.Span) }, at, path, _listingDay, papers);
                    break;
                case (byte)'n':
                    continue; // a literal null carries nothing; it is not an error
                default:
                    Report(DiagnosticSeverity.Warning, DiagnosticCodes.UnexpectedJsonValue, new DiagnosticLocation(at.Line, null, path),
                        $"the value at {path} is {Describe(value.Span)}, not an item, a listing page or an array of items; skipped");
                    continue;
            }
            foreach (var paper in papers) yield return paper;
            papers.Clear();
        }
    }

    /// <summary>
    /// A JSON Lines line that is not JSON: the input is a sequence of values, and either every value before sat on
    /// one line, or the reader broke on the line the value started on or at the very start of the next one (a line
    /// cut short runs into the next). Anything else is a document (pretty-printed over many lines) that breaks.
    /// </summary>
    private static bool IsBadLine(JsonValueSplitter splitter, FeedDiagnostic error, bool jsonLinesSoFar) =>
        splitter.IsValueSequence
        && (jsonLinesSoFar || error.Line == splitter.ValueLine || (error.Line == splitter.ValueLine + 1 && error.Column == 1));

    private ApiEntry? Entry(ReadOnlySpan<byte> json, DiagnosticLocation at, string path)
    {
        try
        {
            MistypedFields.Begin();
            var entry = JsonSerializer.Deserialize(json, ApiJsonContext.Default.ApiEntry);
            foreach (string message in MistypedFields.Messages(path))
            {
                Report(DiagnosticSeverity.Warning, DiagnosticCodes.MistypedField, new DiagnosticLocation(at.Line, null, path), message);
            }
            return entry;
        }
        catch (JsonException exception)
        {
            // Every field is read leniently, so only nesting deeper than the limit lands here.
            Report(DiagnosticSeverity.Warning, DiagnosticCodes.UnexpectedJsonValue, new DiagnosticLocation(at.Line, null, path),
                $"the object at {path} is nested deeper than {ReaderOptions.MaxDepth} levels; skipped", exception);
            return null;
        }
    }

    private List<ApiEntry>? Items(ReadOnlySpan<byte> json, DiagnosticLocation at, string path)
    {
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            reader.Read();
            MistypedFields.Begin();
            var items = ApiItemListConverter.ReadList(ref reader) ?? [];
            foreach (string message in MistypedFields.Messages(path))
            {
                Report(DiagnosticSeverity.Warning, DiagnosticCodes.MistypedField, new DiagnosticLocation(at.Line, null, path), message);
            }
            return items;
        }
        catch (JsonException exception)
        {
            Report(DiagnosticSeverity.Warning, DiagnosticCodes.UnexpectedJsonValue, new DiagnosticLocation(at.Line, null, path),
                $"the array at {path} is nested deeper than {ReaderOptions.MaxDepth} levels; skipped", exception);
            return null;
        }
    }

    /// <summary>The listing day an item says it belongs to: the UTC day of <c>paper.submittedOnDailyAt</c>.</summary>
    private static PaperDate? DayOf(ApiEntry entry) =>
        (entry.Paper ?? entry).SubmittedOnDailyAt is DateTimeOffset time ? new PaperDate(DateOnly.FromDateTime(time.UtcDateTime)) : null;

    private static string Describe(ReadOnlySpan<byte> json) => json[0] switch
    {
        (byte)'t' or (byte)'f' => "a boolean",
        (byte)'[' => "an array inside the top-level array",
        _ => "a number",
    };

    private void Report(DiagnosticSeverity severity, string code, DiagnosticLocation location, string message, Exception? cause = null) =>
        _diagnostics.Report(new FeedDiagnostic(severity, code, location, message, _options.SourceName), cause);

    /// <summary>
    /// A string item's text (an archiver's Python repr). One whose bytes are not UTF-8 is still a string item, reported as
    /// one: JSON's own error would escape the reader untyped.
    /// </summary>
    private static string StringItem(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ApiJsonContext.Default.String) ?? "";
        }
        catch (JsonException)
        {
            return System.Text.Encoding.UTF8.GetString(json.Length >= 2 ? json[1..^1] : json);
        }
    }
}
