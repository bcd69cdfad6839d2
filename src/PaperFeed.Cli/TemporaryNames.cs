using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperFeed.Cli;

/// <summary>
/// Names of a run's temporary output beside its target, <c>.NAME.p&lt;pid&gt;s&lt;start&gt;n&lt;n&gt;.tmp</c>: the process id
/// and its start time (in clock ticks since boot, from /proc) say which process wrote it, so a later run for the same
/// output can tell the leftovers of runs that are gone (killed with SIGKILL, the machine lost power) from the file of
/// a run still going, and remove only the former. A process id reused by another process has another start time.
/// </summary>
internal static partial class TemporaryNames
{
    private static readonly string Self = Identity(Environment.ProcessId, StartTime(Environment.ProcessId) ?? 0);
    private static long s_counter;

    /// <summary>A new temporary name beside <paramref name="target"/> (a full path).</summary>
    public static string For(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!,
            string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(target)}.{Self}n{Interlocked.Increment(ref s_counter)}.tmp"));

    /// <summary>
    /// Removes the temporary files and folders left beside <paramref name="target"/> by runs whose process is gone.
    /// Nothing is removed where liveness cannot be told (no /proc), nor a name of another shape.
    /// </summary>
    public static void RemoveStale(string target)
    {
        if (!OperatingSystem.IsLinux() || StartTime(Environment.ProcessId) is null) return;
        string folder = Path.GetDirectoryName(target)!;
        string prefix = "." + Path.GetFileName(target) + ".";
        try
        {
            foreach (string path in Directory.EnumerateFileSystemEntries(folder, prefix + "p*.tmp"))
            {
                var match = Name().Match(Path.GetFileName(path)[prefix.Length..]);
                if (!match.Success) continue;
                int pid = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
                long start = long.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
                if (StartTime(pid) == start) continue; // that run is still going
                Remove(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Cleaning up is a courtesy: the run itself goes on.
        }
    }

    private static string Identity(int pid, long start) => string.Create(CultureInfo.InvariantCulture, $"p{pid}s{start}");

    /// <summary>The start time of process <paramref name="pid"/> (field 22 of /proc/PID/stat); null when there is no such process.</summary>
    private static long? StartTime(int pid)
    {
        try
        {
            string stat = File.ReadAllText(string.Create(CultureInfo.InvariantCulture, $"/proc/{pid}/stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out long start) ? start : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void Remove(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex(@"^p(\d{1,10})s(\d{1,20})n\d{1,20}\.tmp$")]
    private static partial Regex Name();
}
