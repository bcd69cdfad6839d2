namespace PaperFeed.Api;

/// <summary><c>organization{name, fullname}</c>; read by <see cref="ApiOrganizationConverter"/>.</summary>
internal sealed record ApiOrganization(string? Name, string? FullName);
