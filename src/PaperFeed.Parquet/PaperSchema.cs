using Parquet.Schema;

namespace PaperFeed.Parquet;

/// <summary>
/// The Parquet schema of a paper (docs/parquet.md): one column per field of <see cref="Paper"/> and of its
/// <see cref="PaperDetails"/>, named as in PaperFeed JSON. A value PaperFeed JSON omits is <c>NULL</c>.
/// </summary>
internal static class PaperSchema
{
    public static readonly DataField<string> Title = new("title", nullable: false);
    public static readonly DataField<string> Abstract = new("abstract", nullable: true);
    public static readonly DataField<int?> AuthorCount = new("authorCount");
    public static readonly ListField Authors = new("authors", new DataField<string>("element", nullable: false));
    public static readonly DataField<DateOnly?> Published = new("published");
    public static readonly DataField<string> PublishedText = new("publishedText", nullable: true);
    public static readonly DataField<int?> Upvotes = new("upvotes");
    public static readonly DataField<string> ArxivId = new("arxivId", nullable: true);
    public static readonly DataField<string> Url = new("url", nullable: true);
    public static readonly DataField<DateOnly?> Featured = new("featured");
    public static readonly DataField<string> FeaturedText = new("featuredText", nullable: true);
    public static readonly DataField<string> AiSummary = new("aiSummary", nullable: true);
    public static readonly ListField AiKeywords = new("aiKeywords", new DataField<string>("element", nullable: false));
    public static readonly DataField<string> GithubRepo = new("githubRepo", nullable: true);
    public static readonly DataField<int?> GithubStars = new("githubStars");
    public static readonly DataField<string> ProjectPage = new("projectPage", nullable: true);
    public static readonly DataField<string> Organization = new("organization", nullable: true);
    public static readonly DataField<string> OrganizationFullName = new("organizationFullName", nullable: true);
    public static readonly DataField<int?> CommentCount = new("commentCount");

    /// <summary>An instant in UTC with microsecond precision (Parquet <c>TIMESTAMP(isAdjustedToUTC=true, MICROS)</c>).</summary>
    public static readonly DateTimeDataField WithdrawnAt = new("withdrawnAt", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true);

    public static readonly DataField<string> Submitter = new("submitter", nullable: true);

    /// <summary>The columns in file order.</summary>
    public static readonly ParquetSchema Schema = new(
        Title, Abstract, AuthorCount, Authors, Published, PublishedText, Upvotes, ArxivId, Url, Featured, FeaturedText,
        AiSummary, AiKeywords, GithubRepo, GithubStars, ProjectPage, Organization, OrganizationFullName, CommentCount, WithdrawnAt, Submitter);
}
