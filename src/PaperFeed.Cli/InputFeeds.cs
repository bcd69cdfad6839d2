using System.Runtime.CompilerServices;
using PaperFeed.Html;

namespace PaperFeed.Cli;

/// <summary>
/// Reads the inputs of <c>merge</c>, <c>diff</c> and filtered or exported <c>parse</c> one after another, in argument
/// order, with their diagnostics reported as they happen.
/// </summary>
internal static class InputFeeds
{
    public static async IAsyncEnumerable<(string Name, Feed Feed)> ReadAsync(Inputs inputs, IReadOnlyList<string> paths, FeedParserOptions options,
        Reporter reporter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (string path in paths)
        {
            string name = Inputs.DisplayName(path);
            // In strict mode the first warning is thrown and reported once, as the run's error.
            var inputOptions = options with { SourceName = name, OnDiagnostic = d => { if (!options.Strict || d.Severity != DiagnosticSeverity.Warning) reporter.Report(d); } };
            await using var stream = inputs.Open(path, onRead: null);
            await foreach (var feed in AnyPaperReader.ReadFeedsAsync(stream, format: null, inputOptions, cancellationToken).ConfigureAwait(false))
            {
                yield return (name, feed);
            }
        }
    }

    /// <summary>The papers of every feed of every input, in order.</summary>
    public static async IAsyncEnumerable<Paper> ReadPapersAsync(Inputs inputs, IReadOnlyList<string> paths, FeedParserOptions options,
        Reporter reporter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (_, feed) in ReadAsync(inputs, paths, options, reporter, cancellationToken).ConfigureAwait(false))
        {
            foreach (var paper in feed.Papers) yield return paper;
        }
    }
}
