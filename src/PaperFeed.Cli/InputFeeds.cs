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
            await using var stream = inputs.Open(path, onRead: null);
            await foreach (var feed in AnyPaperReader.ReadFeedsAsync(stream, format: null, OptionsFor(name, options, reporter), cancellationToken).ConfigureAwait(false))
            {
                yield return (name, feed);
            }
        }
    }

    /// <summary>The papers of every input, in order, each as soon as it is read (memory holds one paper, not a feed).</summary>
    public static async IAsyncEnumerable<Paper> ReadPapersAsync(Inputs inputs, IReadOnlyList<string> paths, FeedParserOptions options,
        Reporter reporter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (string path in paths)
        {
            await using var stream = inputs.Open(path, onRead: null);
            await foreach (var paper in AnyPaperReader.ReadPapersAsync(stream, format: null, OptionsFor(Inputs.DisplayName(path), options, reporter), cancellationToken).ConfigureAwait(false))
            {
                yield return paper;
            }
        }
    }

    // In strict mode the first warning is thrown and reported once, as the run's error.
    private static FeedParserOptions OptionsFor(string name, FeedParserOptions options, Reporter reporter) =>
        options with { SourceName = name, OnDiagnostic = d => { if (!options.Strict || d.Severity != DiagnosticSeverity.Warning) reporter.Report(d); } };
}
