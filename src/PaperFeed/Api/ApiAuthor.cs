namespace PaperFeed.Api;

/// <summary>One entry of <c>paper.authors</c> (<c>{_id, name, hidden, status, user}</c>); read by <see cref="ApiAuthorListConverter"/>.</summary>
/// <param name="Name">The display name; null when absent or not a string.</param>
/// <param name="Hidden">The author hid the paper from their profile; the name stays on the paper (see docs/inputs.md).</param>
internal sealed record ApiAuthor(string? Name, bool Hidden);
