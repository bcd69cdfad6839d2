using System.Text.Json;

namespace PaperFeed.Api;

/// <summary>Reads <c>organization{name, fullname}</c>; a value that is not an object is null.</summary>
internal sealed class ApiOrganizationConverter : ReadOnlyJsonConverter<ApiOrganization?>
{
    public override ApiOrganization? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (!Lenient.Is(ref reader, JsonTokenType.StartObject)) return null;
        string? name = null, fullName = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isName = reader.ValueTextEquals("name"u8);
            bool isFullName = !isName && reader.ValueTextEquals("fullname"u8);
            reader.Read();
            if (isName) name = Lenient.ReadString(ref reader);
            else if (isFullName) fullName = Lenient.ReadString(ref reader);
            else Lenient.Skip(ref reader);
        }
        return new ApiOrganization(name, fullName);
    }
}
