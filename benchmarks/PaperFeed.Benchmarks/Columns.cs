using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PaperFeed.Benchmarks;

/// <summary>Marks a benchmark whose input is not the text dump, for the per-size columns.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class InputAttribute(InputKind kind) : Attribute
{
    public InputKind Kind { get; } = kind;
}

/// <summary>Which file a benchmark reads.</summary>
public enum InputKind
{
    /// <summary>The generated text dump.</summary>
    Text,

    /// <summary>The same papers as JSON Lines.</summary>
    JsonLines,
}

/// <summary>Base of the columns computed from the input a case reads.</summary>
public abstract class InputColumn : IColumn
{
    public abstract string Id { get; }
    public abstract string ColumnName { get; }
    public abstract string Legend { get; }
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null || benchmarkCase.Parameters["SizeMB"] is not int sizeMB) return "NA";
        var kind = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttributes(typeof(InputAttribute), false) is [InputAttribute input] ? input.Kind : InputKind.Text;
        var value = Compute(report, kind, sizeMB);
        return value is double v ? v.ToString(Format, CultureInfo.InvariantCulture) : "-";
    }

    protected virtual string Format => "N0";

    protected abstract double? Compute(BenchmarkReport report, InputKind kind, int sizeMB);
}

/// <summary>Throughput: the input's size in MB (10^6 bytes) over the mean time.</summary>
public sealed class ThroughputColumn : InputColumn
{
    public override string Id => nameof(ThroughputColumn);
    public override string ColumnName => "MB/s";
    public override string Legend => "Input megabytes (10^6 bytes) per second: input size / mean time";

    protected override double? Compute(BenchmarkReport report, InputKind kind, int sizeMB) =>
        Inputs.Size(kind, sizeMB) / report.ResultStatistics!.Mean * 1e3;
}

/// <summary>Allocated bytes over the size of the title and abstract strings the input holds.</summary>
public sealed class AllocationPerTextColumn : InputColumn
{
    public override string Id => nameof(AllocationPerTextColumn);
    public override string ColumnName => "Alloc/Text";
    public override string Legend => "Allocated bytes / bytes of the title and abstract strings a parse returns (2 per char + 22 per string); the target for record-returning cases is <= 1.5";
    protected override string Format => "N2";

    protected override double? Compute(BenchmarkReport report, InputKind kind, int sizeMB)
    {
        long allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
        var summary = DumpCache.Text(sizeMB).Summary;
        return allocated / (2.0 * summary.PaperTextChars + 2 * 22.0 * summary.Expected.Papers);
    }
}

/// <summary>The files the benchmarks read, by kind and size.</summary>
public static class Inputs
{
    public static string Path(InputKind kind, int sizeMB) => kind switch
    {
        InputKind.Text => DumpCache.Text(sizeMB).Path,
        _ => DumpCache.JsonLines(sizeMB),
    };

    public static long Size(InputKind kind, int sizeMB) => new FileInfo(Path(kind, sizeMB)).Length;
}
