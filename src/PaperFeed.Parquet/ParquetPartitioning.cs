namespace PaperFeed.Parquet;

/// <summary>
/// How a Parquet dataset is split into Hive-style folders by the day a paper was featured
/// (<c>featured_month=2025-06/part-00000.parquet</c>). Papers whose featured date is unknown or has no year go to
/// the folder <c>__HIVE_DEFAULT_PARTITION__</c>, which DuckDB, Spark and Hive read as <c>NULL</c>.
/// </summary>
public enum ParquetPartitioning
{
    /// <summary>No folders: <c>part-00000.parquet</c> directly in the output directory.</summary>
    None,

    /// <summary>One folder per featured day: <c>featured_day=2025-06-14</c>.</summary>
    Day,

    /// <summary>One folder per ISO 8601 week of the featured day: <c>featured_week=2025-W24</c>.</summary>
    Week,

    /// <summary>One folder per month of the featured day: <c>featured_month=2025-06</c>.</summary>
    Month,
}
