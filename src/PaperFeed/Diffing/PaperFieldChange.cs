using System.Text.Json;

namespace PaperFeed;

/// <summary>
/// One field that changed, with its old and new value as they appear in JSON (numbers as numbers, dates as ISO
/// strings, lists as arrays; <c>null</c> when absent). Details fields use their own names (<c>githubStars</c>).
/// </summary>
/// <remarks>
/// The values are immutable <see cref="JsonElement"/>s that own their data (no <see cref="JsonDocument"/> to dispose).
/// Two changes are equal when their fields are and their values are equal as JSON (<see cref="JsonElement.DeepEquals"/>:
/// <c>1</c> and <c>1.0</c>, or <c>"é"</c> written escaped or not, are equal), and equal changes have equal hash codes.
/// </remarks>
/// <param name="Field">The field's camelCase JSON name, such as <c>upvotes</c>.</param>
/// <param name="Old">The old value, or <c>null</c> when the old copy lacked it.</param>
/// <param name="New">The new value, or <c>null</c> when the new copy lacks it.</param>
public sealed record PaperFieldChange(string Field, JsonElement? Old, JsonElement? New)
{
    /// <summary>The old value, owning its data: a value parsed from a document that is later disposed stays readable.</summary>
    public JsonElement? Old { get; init => field = Own(value); } = Own(Old);

    /// <summary>The new value, owning its data: a value parsed from a document that is later disposed stays readable.</summary>
    public JsonElement? New { get; init => field = Own(value); } = Own(New);

    /// <inheritdoc />
    public bool Equals(PaperFieldChange? other) =>
        other is not null && Field == other.Field && JsonEquals(Old, other.Old) && JsonEquals(New, other.New);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Field, Hash(Old), Hash(New));

    private static JsonElement? Own(JsonElement? value) => value?.Clone();

    private static bool JsonEquals(JsonElement? a, JsonElement? b) =>
        a is JsonElement x ? b is JsonElement y && JsonElement.DeepEquals(x, y) : b is null;

    /// <summary>
    /// A hash that agrees with <see cref="JsonElement.DeepEquals"/>: the kind, strings by value, array lengths and
    /// their items, object sizes (property order does not matter to equality); numbers only by kind, since equal
    /// numbers may be written differently.
    /// </summary>
    private static int Hash(JsonElement? value)
    {
        if (value is not JsonElement element) return 0;
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return HashCode.Combine(JsonValueKind.String, element.GetString());
            case JsonValueKind.Array:
                var hash = new HashCode();
                hash.Add(JsonValueKind.Array);
                foreach (var item in element.EnumerateArray()) hash.Add(Hash(item));
                return hash.ToHashCode();
            case JsonValueKind.Object:
                int count = 0;
                foreach (var unused in element.EnumerateObject()) count++;
                return HashCode.Combine(JsonValueKind.Object, count);
            default:
                return element.ValueKind.GetHashCode();
        }
    }
}
