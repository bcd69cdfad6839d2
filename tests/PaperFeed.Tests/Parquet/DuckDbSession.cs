using System.Data.Common;
using DuckDB.NET.Data;

namespace PaperFeed.Tests.Parquet;

/// <summary>An in-process DuckDB database: the independent engine that reads what PaperFeed wrote.</summary>
internal sealed class DuckDbSession : IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public DuckDbSession() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    /// <summary>SQL for <c>read_parquet</c> over every file of a dataset directory, with its Hive partitions as columns.</summary>
    public static string Dataset(string directory) => $"read_parquet('{Quote(directory)}/**/*.parquet', hive_partitioning = true)";

    /// <summary>SQL for a JSON Lines file, with the columns compared given their types (auto-detection is not what is tested).</summary>
    public static string JsonLines(string path) =>
        $"read_json('{Quote(path)}', format = 'newline_delimited', columns = {{title: 'VARCHAR', upvotes: 'INTEGER', arxivId: 'VARCHAR'}})";

    public object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Every row of <paramref name="sql"/>, each as its column values (<c>null</c> for SQL NULL).</summary>
    public List<object?[]> Rows(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using DbDataReader reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Column name to DuckDB type, as <c>DESCRIBE</c> reports them.</summary>
    public Dictionary<string, string> Describe(string source) =>
        Rows($"DESCRIBE SELECT * FROM {source}").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);

    private static string Quote(string text) => text.Replace("'", "''", StringComparison.Ordinal);
}
