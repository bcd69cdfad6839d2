using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperFeed.Api;

/// <summary>A converter for the API's DTOs, which are read and never written.</summary>
internal abstract class ReadOnlyJsonConverter<T> : JsonConverter<T>
{
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The Hugging Face API's DTOs are only read.");
}
