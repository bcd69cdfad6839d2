using System.Text.Json.Serialization;

namespace PaperFeed.Json;

/// <summary>
/// The source-generated metadata behind <see cref="PaperFeedJsonContext"/>. Kept internal so that the public
/// context can add the contract rules attributes cannot express (omit empty lists) in one place.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    // Metadata only: the fast-path serializers would bypass the ShouldSerialize rules added by the public context.
    GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(Paper))]
[JsonSerializable(typeof(Author))]
[JsonSerializable(typeof(Feed))]
[JsonSerializable(typeof(PaperDetails))]
[JsonSerializable(typeof(Organization))]
[JsonSerializable(typeof(PaperDate))]
[JsonSerializable(typeof(IReadOnlyList<Paper>))]
[JsonSerializable(typeof(List<Paper>))]
[JsonSerializable(typeof(IReadOnlyList<Feed>))]
[JsonSerializable(typeof(List<Feed>))]
internal sealed partial class PaperFeedGeneratedContext : JsonSerializerContext;
