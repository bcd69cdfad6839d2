using System.Globalization;

namespace PaperFeed;

/// <summary>
/// Where a <see cref="FeedDiagnostic"/> points, saying what kind of place it is: a line (and column) of the input file
/// for text, HTML and JSON Lines; a JSON path for a value of a JSON document (<c>$[3].paper.upvotes</c>); both for a
/// value inside one JSON Lines line (the line, and the path inside that line's value); or <see cref="None"/> where
/// there is no place in an input (a merge, a diff, an export).
/// </summary>
/// <remarks>
/// Lines and columns are 1-based; columns count UTF-16 characters in text and bytes in JSON. JSON paths follow the
/// usual <c>$</c>, <c>.name</c>, <c>[index]</c> notation and start at the value the location's line holds, or at the
/// document when there is no line. <see cref="ToString"/> gives <c>12:5</c>, <c>12</c>, <c>$[3].paper</c>,
/// <c>12($.paper.upvotes)</c>, or an empty string for <see cref="None"/>.
/// </remarks>
public readonly record struct DiagnosticLocation
{
    /// <summary>Creates a location; every part is optional, but a column needs a line.</summary>
    /// <param name="line">The 1-based line, when the diagnostic is about a line of the input.</param>
    /// <param name="column">The 1-based column on <paramref name="line"/>, when it applies.</param>
    /// <param name="jsonPath">The JSON path of the value it is about (<c>$[3].paper</c>), when it is about a JSON value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> or <paramref name="column"/> is less than 1,
    /// or a column is given without a line.</exception>
    /// <exception cref="ArgumentException"><paramref name="jsonPath"/> does not start with <c>$</c>.</exception>
    public DiagnosticLocation(long? line, long? column = null, string? jsonPath = null)
    {
        if (line is < 1) throw new ArgumentOutOfRangeException(nameof(line), line, "A line is 1-based.");
        if (column is < 1) throw new ArgumentOutOfRangeException(nameof(column), column, "A column is 1-based.");
        if (column is not null && line is null) throw new ArgumentOutOfRangeException(nameof(column), column, "A column needs a line.");
        if (jsonPath is not null && !jsonPath.StartsWith('$')) throw new ArgumentException("A JSON path starts with '$'.", nameof(jsonPath));
        Line = line;
        Column = column;
        JsonPath = jsonPath;
    }

    /// <summary>No place in an input: the diagnostic is about the whole run (a merge, a diff, an export).</summary>
    public static DiagnosticLocation None => default;

    /// <summary>A line of the input, and a column on it when one applies.</summary>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column, when it applies.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> or <paramref name="column"/> is less than 1.</exception>
    public static DiagnosticLocation AtLine(long line, long? column = null) => new(line, column);

    /// <summary>A value of a JSON document, by its path (<c>$[3].paper.upvotes</c>).</summary>
    /// <param name="jsonPath">The path, starting with <c>$</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="jsonPath"/> does not start with <c>$</c>.</exception>
    public static DiagnosticLocation AtJsonPath(string jsonPath)
    {
        ArgumentNullException.ThrowIfNull(jsonPath);
        return new(null, null, jsonPath);
    }

    /// <summary>The 1-based line, when the diagnostic points at a line.</summary>
    public long? Line { get; }

    /// <summary>The 1-based column on <see cref="Line"/>, when it applies.</summary>
    public long? Column { get; }

    /// <summary>The JSON path of the value the diagnostic is about, when it is about a JSON value.</summary>
    public string? JsonPath { get; }

    /// <summary>True for <see cref="None"/>: no line and no JSON path.</summary>
    public bool IsNone => Line is null && JsonPath is null;

    /// <summary><c>12:5</c>, <c>12</c>, <c>$[3].paper</c>, <c>12($.paper.upvotes)</c>, or an empty string for <see cref="None"/>.</summary>
    public override string ToString() => Line is null ? JsonPath ?? "" : string.Create(CultureInfo.InvariantCulture, $"{Line}{Suffix()}");

    /// <summary>
    /// What follows a file name in a compiler-style message: <c>:12:5</c>, <c>:12</c>, <c>($[3].paper)</c>,
    /// <c>:12($.paper.upvotes)</c>, or nothing.
    /// </summary>
    internal string AfterFileName() => Line is null
        ? JsonPath is null ? "" : "(" + JsonPath + ")"
        : string.Create(CultureInfo.InvariantCulture, $":{Line}{Suffix()}");

    private string Suffix()
    {
        string column = Column is long c ? string.Create(CultureInfo.InvariantCulture, $":{c}") : "";
        return JsonPath is null ? column : column + "(" + JsonPath + ")";
    }
}
