using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace PaperFeed;

/// <summary>
/// The period a listing covers: a day (<c>2025-09-14</c>, or <c>--08-28</c> when a text snapshot's page date has
/// no year), an ISO week (<c>2025-W38</c>) or a month (<c>2025-09</c>). Formats and parses exactly those forms, the
/// shapes of the site's period URLs. The default value is not a valid period.
/// </summary>
[JsonConverter(typeof(FeedPeriodJsonConverter))]
public readonly record struct FeedPeriod : ISpanFormattable, ISpanParsable<FeedPeriod>
{
    private readonly PaperDate _day;

    private FeedPeriod(FeedPeriodKind kind, PaperDate day, int? year, int number)
    {
        Kind = kind;
        _day = day;
        Year = year;
        Number = number;
    }

    /// <summary>Whether this is a day, a week or a month.</summary>
    public FeedPeriodKind Kind { get; }

    /// <summary>The year (the ISO week-numbering year for a week); <c>null</c> only for a day without a year.</summary>
    public int? Year { get; }

    /// <summary>The week number (1 to 53) for a week, the month (1 to 12) for a month, the month for a day.</summary>
    public int Number { get; }

    /// <summary>The day, when <see cref="Kind"/> is <see cref="FeedPeriodKind.Day"/>; otherwise <c>null</c>.</summary>
    public PaperDate? Date => Kind == FeedPeriodKind.Day && _day.Month != 0 ? _day : null;

    /// <summary>The period of one day (a year-less date is allowed: text snapshots show <c>Aug 28</c>).</summary>
    /// <exception cref="ArgumentException">The date is the default value.</exception>
    public static FeedPeriod OfDay(PaperDate date)
    {
        if (date.Month == 0) throw new ArgumentException("The default PaperDate is not a date.", nameof(date));
        return new(FeedPeriodKind.Day, date, date.Year, date.Month);
    }

    /// <summary>The period of one ISO 8601 week.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year has no such week.</exception>
    public static FeedPeriod OfWeek(int isoYear, int week)
    {
        if (isoYear is < 1 or > 9998 || week < 1 || week > ISOWeek.GetWeeksInYear(isoYear))
        {
            throw new ArgumentOutOfRangeException(nameof(week), week, $"ISO year {isoYear} has no week {week}.");
        }
        return new(FeedPeriodKind.Week, default, isoYear, week);
    }

    /// <summary>The period of one calendar month.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year or month is out of range.</exception>
    public static FeedPeriod OfMonth(int year, int month)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "The year must be 1 to 9999.");
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "The month must be 1 to 12.");
        return new(FeedPeriodKind.Month, default, year, month);
    }

    /// <summary>The trending list (<c>/papers/trending</c>): no start, no end, and no day is in it.</summary>
    public static FeedPeriod Trending { get; } = new(FeedPeriodKind.Trending, default, null, 0);

    /// <summary>The first day of the period, or <c>null</c> for a day without a year, or for trending.</summary>
    public DateOnly? Start => Kind switch
    {
        FeedPeriodKind.Day => _day.ToDateOnly(),
        FeedPeriodKind.Week => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year!.Value, Number, DayOfWeek.Monday)),
        FeedPeriodKind.Month => new DateOnly(Year!.Value, Number, 1),
        _ => null,
    };

    /// <summary>The last day of the period, or <c>null</c> for a day without a year.</summary>
    public DateOnly? End => Kind switch
    {
        FeedPeriodKind.Day => _day.ToDateOnly(),
        FeedPeriodKind.Week => Start!.Value.AddDays(6),
        FeedPeriodKind.Month => new DateOnly(Year!.Value, Number, DateTime.DaysInMonth(Year.Value, Number)),
        _ => null,
    };

    /// <summary>
    /// True when <paramref name="date"/> falls in this period. A year-less date is only in a year-less day with the
    /// same month and day; a dated day is not in a year-less period.
    /// </summary>
    public bool Contains(PaperDate date)
    {
        if (Kind == FeedPeriodKind.Day) return _day == date;
        if (Kind == FeedPeriodKind.Trending) return false;
        return date.ToDateOnly() is DateOnly day && day >= Start!.Value && day <= End!.Value;
    }

    /// <summary><c>2025-09-14</c> / <c>--08-28</c>, <c>2025-W38</c>, <c>2025-09</c>, or <c>trending</c>.</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[10];
        return TryFormat(buffer, out int written) ? new string(buffer[..written]) : string.Empty;
    }

    /// <inheritdoc cref="ToString()"/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes the form of <see cref="ToString()"/> into <paramref name="destination"/>.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        switch (Kind)
        {
            case FeedPeriodKind.Day:
                return _day.TryFormat(destination, out charsWritten);
            case FeedPeriodKind.Week when Year is int year:
                return destination.TryWrite(CultureInfo.InvariantCulture, $"{year:0000}-W{Number:00}", out charsWritten);
            case FeedPeriodKind.Month when Year is int year:
                return destination.TryWrite(CultureInfo.InvariantCulture, $"{year:0000}-{Number:00}", out charsWritten);
            case FeedPeriodKind.Trending:
                return destination.TryWrite(CultureInfo.InvariantCulture, $"trending", out charsWritten);
            default:
                return false;
        }
    }

    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryFormat(destination, out charsWritten);

    /// <summary>Parses <c>2025-09-14</c>, <c>--08-28</c>, <c>2025-W38</c>, <c>2025-09</c> or <c>trending</c>.</summary>
    /// <exception cref="FormatException">The text is none of those forms.</exception>
    public static FeedPeriod Parse(string s) => Parse(s.AsSpan());

    /// <inheritdoc cref="Parse(string)"/>
    public static FeedPeriod Parse(ReadOnlySpan<char> s) =>
        TryParse(s, out var period) ? period : throw new FormatException($"'{s}' is not a period such as '2025-09-14', '2025-W38' or '2025-09'.");

    /// <summary>Tries to parse a period; see <see cref="Parse(string)"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out FeedPeriod result) => TryParse(s.AsSpan(), out result);

    /// <summary>Tries to parse a period; see <see cref="Parse(string)"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out FeedPeriod result)
    {
        result = default;
        s = s.Trim();
        if (s.Equals("trending", StringComparison.OrdinalIgnoreCase))
        {
            result = Trending;
            return true;
        }
        if (PaperDate.TryParseIso(s, out var day))
        {
            result = OfDay(day);
            return true;
        }
        if (s.Length < 7 || s[4] != '-' || !PaperDate.TryDigits(s[..4], out int year) || year < 1) return false;
        if (s.Length == 8 && s[5] is 'W' or 'w' && PaperDate.TryDigits(s[6..], out int week))
        {
            if (year > 9998 || week < 1 || week > ISOWeek.GetWeeksInYear(year)) return false;
            result = OfWeek(year, week);
            return true;
        }
        if (s.Length == 7 && PaperDate.TryDigits(s[5..], out int month) && month is >= 1 and <= 12)
        {
            result = OfMonth(year, month);
            return true;
        }
        return false;
    }

    static FeedPeriod IParsable<FeedPeriod>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<FeedPeriod>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out FeedPeriod result) => TryParse(s, out result);

    static FeedPeriod ISpanParsable<FeedPeriod>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<FeedPeriod>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out FeedPeriod result) => TryParse(s, out result);
}
