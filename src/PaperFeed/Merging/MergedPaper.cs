namespace PaperFeed;

/// <summary>
/// One distinct paper after <see cref="PaperMerger"/>: the merged record and when it was seen. The merged
/// <see cref="Paper.Featured"/> is <see cref="LastFeatured"/>.
/// </summary>
/// <param name="Paper">The merged paper: latest counts, every other field from whichever copy had it.</param>
/// <param name="FirstFeatured">The earliest featured day among the copies, when any copy had one.</param>
/// <param name="LastFeatured">The latest featured day among the copies, when any copy had one.</param>
/// <param name="Observations">How many copies were merged (1 when the paper was seen once).</param>
public sealed record MergedPaper(Paper Paper, PaperDate? FirstFeatured, PaperDate? LastFeatured, int Observations);
