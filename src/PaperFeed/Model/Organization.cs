namespace PaperFeed;

/// <summary>The organization a paper was submitted under on Hugging Face.</summary>
/// <param name="Name">The organization's handle (for example <c>google</c>).</param>
/// <param name="FullName">Its display name, when the source gives one.</param>
public sealed record Organization(string Name, string? FullName = null);
