using Parquet;
using Parquet.Schema;

namespace PaperFeed.Parquet;

/// <summary>
/// Turns a batch of papers into one row group, column by column, with Parquet.Net's low-level column writer (no
/// reflection: Native AOT safe). The buffers are kept and reused from one row group to the next.
/// </summary>
internal sealed class PaperColumns
{
    private ReadOnlyMemory<char>[] _strings = [];
    private int[] _definitionLevels = [];
    private int?[] _ints = [];
    private DateOnly?[] _dates = [];
    private DateTime?[] _instants = [];
    private readonly List<ReadOnlyMemory<char>> _items = [];
    private readonly List<int> _definitions = [];
    private readonly List<int> _repetitions = [];

    public async Task WriteRowGroupAsync(ParquetWriter writer, IReadOnlyList<Paper> papers, CancellationToken cancellationToken)
    {
        Grow(papers.Count);
        using var rowGroup = writer.CreateRowGroup();
        await WriteRequiredAsync(rowGroup, PaperSchema.Title, papers, cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.Abstract, papers, static p => p.Abstract, cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.AuthorCount, papers, static p => p.AuthorCount, cancellationToken).ConfigureAwait(false);
        await WriteListAsync(rowGroup, PaperSchema.Authors, papers, static (p, items) =>
        {
            if (p.Authors.Count == 0) return false;
            foreach (var author in p.Authors) items.Add(author.Name.AsMemory());
            return true;
        }, cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.Published, papers, static p => p.Published?.ToDateOnly(), cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.PublishedText, papers, static p => p.Published?.ToString(), cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.Upvotes, papers, static p => p.Upvotes, cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.ArxivId, papers, static p => p.ArxivId, cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.Url, papers, static p => p.Url, cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.Featured, papers, static p => p.Featured?.ToDateOnly(), cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.FeaturedText, papers, static p => p.Featured?.ToString(), cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.AiSummary, papers, static p => p.Details?.AiSummary, cancellationToken).ConfigureAwait(false);
        await WriteListAsync(rowGroup, PaperSchema.AiKeywords, papers, static (p, items) =>
        {
            if (p.Details is not { AiKeywords.Count: > 0 } details) return false;
            foreach (string keyword in details.AiKeywords) items.Add(keyword.AsMemory());
            return true;
        }, cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.GithubRepo, papers, static p => p.Details?.GithubRepo, cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.GithubStars, papers, static p => p.Details?.GithubStars, cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.ProjectPage, papers, static p => p.Details?.ProjectPage, cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.Organization, papers, static p => p.Details?.Organization?.Name, cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.OrganizationFullName, papers, static p => p.Details?.Organization?.FullName, cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.CommentCount, papers, static p => p.Details?.CommentCount, cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.WithdrawnAt, papers, static p => p.Details?.WithdrawnAt?.UtcDateTime, cancellationToken).ConfigureAwait(false);
        await WriteAsync(rowGroup, PaperSchema.Submitter, papers, static p => p.Details?.Submitter, cancellationToken).ConfigureAwait(false);
        rowGroup.CompleteValidate();
        // Drop the references to this batch's strings: the buffers outlive it.
        Array.Clear(_strings);
        _items.Clear();
    }

    private void Grow(int rows)
    {
        if (_strings.Length >= rows) return;
        _strings = new ReadOnlyMemory<char>[rows];
        _definitionLevels = new int[rows];
        _ints = new int?[rows];
        _dates = new DateOnly?[rows];
        _instants = new DateTime?[rows];
    }

    private Task WriteRequiredAsync(ParquetRowGroupWriter rowGroup, DataField field, IReadOnlyList<Paper> papers, CancellationToken cancellationToken)
    {
        // A required column has no definition levels: the values go in as they are.
        for (int i = 0; i < papers.Count; i++) _strings[i] = papers[i].Title.AsMemory();
        return rowGroup.WriteAsync<ReadOnlyMemory<char>>(field, _strings.AsMemory(0, papers.Count), repetitionLevels: null, customMetadata: null, cancellationToken);
    }

    /// <summary>
    /// An optional string column, with its definition levels given (0 for <c>NULL</c>, 1 for a value): Parquet.Net's
    /// nullable path writes a <c>null</c> <see cref="ReadOnlyMemory{T}"/> as an empty string.
    /// </summary>
    private Task WriteAsync(ParquetRowGroupWriter rowGroup, DataField field, IReadOnlyList<Paper> papers, Func<Paper, string?> value, CancellationToken cancellationToken)
    {
        int present = 0;
        for (int i = 0; i < papers.Count; i++)
        {
            string? text = value(papers[i]);
            _definitionLevels[i] = text is null ? 0 : 1;
            if (text is not null) _strings[present++] = text.AsMemory();
        }
        return rowGroup.WriteAllPartsAsync<ReadOnlyMemory<char>>(field, _strings.AsMemory(0, present), _definitionLevels.AsMemory(0, papers.Count), repetitionLevels: null, cancellationToken);
    }

    private Task WriteAsync(ParquetRowGroupWriter rowGroup, DataField field, IReadOnlyList<Paper> papers, Func<Paper, int?> value, CancellationToken cancellationToken)
    {
        for (int i = 0; i < papers.Count; i++) _ints[i] = value(papers[i]);
        return rowGroup.WriteAsync<int>(field, _ints.AsMemory(0, papers.Count), repetitionLevels: null, customMetadata: null, cancellationToken);
    }

    private Task WriteAsync(ParquetRowGroupWriter rowGroup, DataField field, IReadOnlyList<Paper> papers, Func<Paper, DateOnly?> value, CancellationToken cancellationToken)
    {
        for (int i = 0; i < papers.Count; i++) _dates[i] = value(papers[i]);
        return rowGroup.WriteAsync<DateOnly>(field, _dates.AsMemory(0, papers.Count), repetitionLevels: null, customMetadata: null, cancellationToken);
    }

    private Task WriteAsync(ParquetRowGroupWriter rowGroup, DataField field, IReadOnlyList<Paper> papers, Func<Paper, DateTime?> value, CancellationToken cancellationToken)
    {
        for (int i = 0; i < papers.Count; i++) _instants[i] = value(papers[i]);
        return rowGroup.WriteAsync<DateTime>(field, _instants.AsMemory(0, papers.Count), repetitionLevels: null, customMetadata: null, cancellationToken);
    }

    /// <summary>
    /// A list column, in Dremel form: a row without items is one <c>NULL</c> entry (definition level 0); each item is
    /// an entry at level 2, the first of a row with repetition level 0 and the others 1.
    /// </summary>
    private async Task WriteListAsync(ParquetRowGroupWriter rowGroup, ListField field, IReadOnlyList<Paper> papers,
        Func<Paper, List<ReadOnlyMemory<char>>, bool> addItems, CancellationToken cancellationToken)
    {
        _items.Clear();
        _definitions.Clear();
        _repetitions.Clear();
        foreach (var paper in papers)
        {
            int before = _items.Count;
            if (!addItems(paper, _items))
            {
                _definitions.Add(0);
                _repetitions.Add(0);
                continue;
            }
            for (int i = before; i < _items.Count; i++)
            {
                _definitions.Add(field.Item.MaxDefinitionLevel);
                _repetitions.Add(i == before ? 0 : 1);
            }
        }
        await rowGroup.WriteAllPartsAsync<ReadOnlyMemory<char>>((DataField)field.Item, _items.ToArray(), _definitions.ToArray(), _repetitions.ToArray(), cancellationToken)
            .ConfigureAwait(false);
    }
}
