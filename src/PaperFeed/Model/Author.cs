namespace PaperFeed;

/// <summary>One author of a <see cref="Paper"/>.</summary>
/// <param name="Name">The author's display name, as the source spells it.</param>
public sealed record Author(string Name);
