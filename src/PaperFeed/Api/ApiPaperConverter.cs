using System.Text.Json;

namespace PaperFeed.Api;

/// <summary>Reads an item's <c>paper</c>; a value that is not an object is no paper (the item's own fields still count).</summary>
internal sealed class ApiPaperConverter : ReadOnlyJsonConverter<ApiPaper?>
{
    public override ApiPaper? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Lenient.Is(ref reader, JsonTokenType.StartObject) ? JsonSerializer.Deserialize(ref reader, ApiJsonContext.Default.ApiPaper) : null;
}
