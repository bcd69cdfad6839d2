using System.CommandLine;
using PaperFeed.Parquet;

namespace PaperFeed.Cli;

/// <summary>
/// <c>--format parquet --output DIR [--partition-by day|week|month|none]</c> for <c>parse</c> and <c>merge</c>: a
/// Parquet dataset (PaperFeed.Parquet) written into a temporary folder beside DIR and moved into place only when the
/// run succeeds, so a failed run never leaves half a dataset, and a rerun never mixes old files with new ones.
/// </summary>
internal sealed class ParquetOutput
{
    public const string Format = "parquet";

    private readonly Option<string?> _partitionBy = new("--partition-by")
    {
        Description = "With --format parquet: Hive-style folders by featured day, ISO week or month (featured_month=2025-06/part-00000.parquet); none by default.",
        HelpName = "PERIOD",
    };

    /// <summary>Adds <c>--partition-by</c> to <paramref name="command"/>, and the checks that tie it and <c>--output</c> to the format.</summary>
    public void AddTo(Command command, Option<string> format, Option<string?> output)
    {
        FilterOptions.AcceptOnly(_partitionBy, "none", "day", "week", "month");
        command.Options.Add(_partitionBy);
        command.Validators.Add(result =>
        {
            bool parquet = result.GetValue(format) == Format;
            if (parquet && result.GetValue(output) is null or "-")
            {
                result.AddError("--format parquet writes a directory of files: give --output DIR.");
            }
            if (!parquet && result.GetResult(_partitionBy) is { Implicit: false })
            {
                result.AddError("--partition-by applies only to --format parquet.");
            }
        });
    }

    /// <summary>Writes <paramref name="papers"/> as a dataset into <paramref name="outputPath"/>, replacing an earlier dataset there.</summary>
    /// <exception cref="InputErrorException">The path is a file, or a directory holding other files than a Parquet dataset.</exception>
    public async Task<int> WriteAsync(ParseResult result, string outputPath, IAsyncEnumerable<Paper> papers, CancellationToken cancellationToken)
    {
        ParquetExport.TryParsePartitioning(result.GetValue(_partitionBy) ?? "none", out var partitioning);
        string target = CheckTarget(outputPath);
        TemporaryNames.RemoveStale(target);
        string temporary = TemporaryNames.For(target);
        OutputTarget.TrackTemporaryFolder(temporary);
        try
        {
            Directory.CreateDirectory(temporary);
            await ParquetExport.WriteDatasetAsync(temporary, papers, new ParquetExportOptions { PartitionBy = partitioning }, cancellationToken).ConfigureAwait(false);
            Replace(target, temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputErrorException($"{outputPath}: cannot write: {e.Message}", e);
        }
        finally
        {
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
            OutputTarget.UntrackTemporaryFolder(temporary);
        }
        return ExitCodes.Success;
    }

    /// <summary>The full path of the dataset folder, checked before any input is read.</summary>
    /// <exception cref="InputErrorException">The path is a file, or a directory holding other files than a Parquet dataset.</exception>
    public static string CheckTarget(string outputPath)
    {
        string target = Path.GetFullPath(outputPath);
        if (File.Exists(target)) throw new InputErrorException($"{outputPath}: is a file; --format parquet writes a directory");
        if (Directory.Exists(target) && !IsDataset(target))
        {
            throw new InputErrorException($"{outputPath}: holds files that are not a Parquet dataset; give a new or empty directory");
        }
        return target;
    }

    /// <summary>Moves the finished dataset into place; an earlier one is moved aside first and deleted after.</summary>
    private static void Replace(string target, string finished)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(finished, target);
            return;
        }
        string old = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.old");
        Directory.Move(target, old);
        Directory.Move(finished, target);
        Directory.Delete(old, recursive: true);
    }

    /// <summary>True for a folder that only holds <c>.parquet</c> files and <c>key=value</c> folders of them (an earlier run's output).</summary>
    private static bool IsDataset(string directory) =>
        Directory.EnumerateFiles(directory).All(f => f.EndsWith(".parquet", StringComparison.Ordinal)) &&
        Directory.EnumerateDirectories(directory).All(d => Path.GetFileName(d).Contains('=', StringComparison.Ordinal) && IsDataset(d));
}
