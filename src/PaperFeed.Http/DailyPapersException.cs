namespace PaperFeed.Http;

/// <summary>A page of a day could not be fetched: its attempts ran out, or the server refused the request for good (4xx).</summary>
public sealed class DailyPapersException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="day">The listing day.</param>
    /// <param name="page">The page that failed.</param>
    /// <param name="attempts">Attempts made.</param>
    /// <param name="statusCode">The last HTTP status, or null when no response came.</param>
    /// <param name="message">What went wrong, in one line.</param>
    /// <param name="innerException">The last attempt's exception, if any.</param>
    public DailyPapersException(DateOnly day, int page, int attempts, int? statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Day = day;
        Page = page;
        Attempts = attempts;
        StatusCode = statusCode;
    }

    /// <summary>The listing day.</summary>
    public DateOnly Day { get; }

    /// <summary>The page that failed (<c>p</c>).</summary>
    public int Page { get; }

    /// <summary>Attempts made.</summary>
    public int Attempts { get; }

    /// <summary>The last HTTP status, or null when no response came at all (connection refused, reset, timed out).</summary>
    public int? StatusCode { get; }
}
