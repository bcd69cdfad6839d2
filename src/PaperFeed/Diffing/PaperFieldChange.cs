using System.Text.Json.Nodes;

namespace PaperFeed;

/// <summary>
/// One field that changed, with its old and new value as they appear in JSON (numbers as numbers, dates as ISO
/// strings, lists as arrays; <c>null</c> when absent). Details fields use their own names (<c>githubStars</c>).
/// </summary>
/// <param name="Field">The field's camelCase JSON name, such as <c>upvotes</c>.</param>
/// <param name="Old">The old value, or <c>null</c> when the old copy lacked it.</param>
/// <param name="New">The new value, or <c>null</c> when the new copy lacks it.</param>
public sealed record PaperFieldChange(string Field, JsonNode? Old, JsonNode? New)
{
    /// <inheritdoc />
    public bool Equals(PaperFieldChange? other) =>
        other is not null && Field == other.Field && JsonNode.DeepEquals(Old, other.Old) && JsonNode.DeepEquals(New, other.New);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Field, Old?.ToJsonString(), New?.ToJsonString());
}
