using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PaperFeed.Json;

namespace PaperFeed;

/// <summary>
/// The System.Text.Json metadata of PaperFeed's records, source generated (no reflection, Native AOT and trim
/// safe). Property names are camelCase, null properties are omitted, empty <c>authors</c> and
/// <c>aiKeywords</c> lists are omitted, and dates are <c>"2023-02-13"</c> or <c>"--08-25"</c>. Reading is
/// strict about the contract: a paper needs its <c>title</c>, an author its <c>name</c>, and a non-nullable
/// property cannot be <c>null</c>. See docs/json.md.
/// </summary>
/// <example><code>string json = JsonSerializer.Serialize(paper, PaperFeedJsonContext.Default.Paper);</code></example>
public sealed class PaperFeedJsonContext : JsonSerializerContext, IJsonTypeInfoResolver
{
    private JsonTypeInfo<Paper>? _paper;
    private JsonTypeInfo<Author>? _author;
    private JsonTypeInfo<Feed>? _feed;
    private JsonTypeInfo<PaperDetails>? _details;
    private JsonTypeInfo<Organization>? _organization;
    private JsonTypeInfo<IReadOnlyList<Paper>>? _paperList;
    private JsonTypeInfo<List<Paper>>? _paperMutableList;
    private JsonTypeInfo<IReadOnlyList<Feed>>? _feedList;
    private JsonTypeInfo<List<Feed>>? _feedMutableList;

    /// <summary>
    /// The context with the contract's options: compact output, and text other than JSON's own escapes written as
    /// it is (UTF-8), as <see cref="FeedJsonWriter"/> writes it.
    /// </summary>
    public static PaperFeedJsonContext Default { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>
    /// Creates a context over options of your own (for example <c>WriteIndented</c>). The contract's rules are
    /// set on <paramref name="options"/> and override yours: camelCase names, null properties omitted, empty lists
    /// omitted, nullable annotations and required properties enforced on reading. Converters you add apply.
    /// </summary>
    /// <param name="options">Options not yet used by any serializer call; they become bound to this context.</param>
    public PaperFeedJsonContext(JsonSerializerOptions options) : base(ApplyContract(options))
    {
    }

    /// <summary>Metadata of <see cref="PaperFeed.Paper"/>.</summary>
    public JsonTypeInfo<Paper> Paper => _paper ??= Get<Paper>();

    /// <summary>Metadata of <see cref="PaperFeed.Author"/>.</summary>
    public JsonTypeInfo<Author> Author => _author ??= Get<Author>();

    /// <summary>Metadata of <see cref="PaperFeed.Feed"/>.</summary>
    public JsonTypeInfo<Feed> Feed => _feed ??= Get<Feed>();

    /// <summary>Metadata of <see cref="PaperFeed.PaperDetails"/>.</summary>
    public JsonTypeInfo<PaperDetails> PaperDetails => _details ??= Get<PaperDetails>();

    /// <summary>Metadata of <see cref="PaperFeed.Organization"/>.</summary>
    public JsonTypeInfo<Organization> Organization => _organization ??= Get<Organization>();

    /// <summary>Metadata of a read-only list of papers (a JSON array of papers).</summary>
    public JsonTypeInfo<IReadOnlyList<Paper>> IReadOnlyListPaper => _paperList ??= Get<IReadOnlyList<Paper>>();

    /// <summary>Metadata of a list of papers (a JSON array of papers).</summary>
    public JsonTypeInfo<List<Paper>> ListPaper => _paperMutableList ??= Get<List<Paper>>();

    /// <summary>Metadata of a read-only list of feeds: the JSON document form.</summary>
    public JsonTypeInfo<IReadOnlyList<Feed>> IReadOnlyListFeed => _feedList ??= Get<IReadOnlyList<Feed>>();

    /// <summary>Metadata of a list of feeds: the JSON document form.</summary>
    public JsonTypeInfo<List<Feed>> ListFeed => _feedMutableList ??= Get<List<Feed>>();

    /// <inheritdoc />
    protected override JsonSerializerOptions? GeneratedSerializerOptions => null;

    /// <inheritdoc />
    public override JsonTypeInfo? GetTypeInfo(Type type) => Options.TryGetTypeInfo(type, out var info) ? info : null;

    JsonTypeInfo? IJsonTypeInfoResolver.GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        var info = ((IJsonTypeInfoResolver)PaperFeedGeneratedContext.Default).GetTypeInfo(type, options);
        if (info is not null) JsonContract.Apply(info);
        return info;
    }

    private static JsonSerializerOptions ApplyContract(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var contract = PaperFeedGeneratedContext.Default.Options;
        options.PropertyNamingPolicy = contract.PropertyNamingPolicy;
        options.DefaultIgnoreCondition = contract.DefaultIgnoreCondition;
        options.RespectNullableAnnotations = contract.RespectNullableAnnotations;
        options.RespectRequiredConstructorParameters = contract.RespectRequiredConstructorParameters;
        return options;
    }

    private JsonTypeInfo<T> Get<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
