using System.Globalization;

namespace PaperFeed.Parquet;

/// <summary>The Hive-style folder (<c>featured_month=2025-06</c>) a paper goes to, by its featured date.</summary>
internal static class PartitionKey
{
    /// <summary>The folder Hive, Spark and DuckDB read as a <c>NULL</c> partition value.</summary>
    public const string NullValue = "__HIVE_DEFAULT_PARTITION__";

    /// <summary>The partition column: <c>featured_day</c>, <c>featured_week</c> or <c>featured_month</c>; <c>null</c> for none.</summary>
    public static string? Column(ParquetPartitioning partitioning) => partitioning switch
    {
        ParquetPartitioning.Day => "featured_day",
        ParquetPartitioning.Week => "featured_week",
        ParquetPartitioning.Month => "featured_month",
        _ => null,
    };

    /// <summary>The folder of <paramref name="paper"/>, relative to the dataset; empty for no partitioning.</summary>
    public static string Of(Paper paper, ParquetPartitioning partitioning)
    {
        if (Column(partitioning) is not string column) return "";
        return $"{column}={Value(paper.Featured?.ToDateOnly(), partitioning)}";
    }

    private static string Value(DateOnly? featured, ParquetPartitioning partitioning)
    {
        if (featured is not DateOnly day) return NullValue;
        var date = day.ToDateTime(TimeOnly.MinValue);
        return partitioning switch
        {
            ParquetPartitioning.Day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            // The ISO week-numbering year: 2024-12-30 is in 2025-W01.
            ParquetPartitioning.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):0000}-W{ISOWeek.GetWeekOfYear(date):00}"),
            _ => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        };
    }
}
