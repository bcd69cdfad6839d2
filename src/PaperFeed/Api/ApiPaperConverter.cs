using System.Text.Json;

namespace PaperFeed.Api;

/// <summary>Reads an item's <c>paper</c>; a value that is not an object is no paper (the item's own fields still count).</summary>
internal sealed class ApiPaperConverter : ReadOnlyJsonConverter<ApiPaper?>
{
    public override ApiPaper? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (!Lenient.Is(ref reader, JsonTokenType.StartObject)) return null;
        MistypedFields.EnterPaper();
        try
        {
            return JsonSerializer.Deserialize(ref reader, ApiJsonContext.Default.ApiPaper);
        }
        finally
        {
            MistypedFields.LeavePaper();
        }
    }
}
