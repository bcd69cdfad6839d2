using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace PaperFeed;

/// <summary>
/// A calendar date that may lack its year, as the Daily Papers listing shows dates (<c>Aug 25</c> next to
/// <c>Feb 13, 2023</c>). Formats as ISO <c>2023-02-13</c>, or as the XML Schema gMonthDay <c>--08-25</c>
/// when the year is unknown. The default value (month 0) is not a valid date.
/// </summary>
[JsonConverter(typeof(Json.PaperDateJsonConverter))]
public readonly record struct PaperDate : ISpanFormattable, ISpanParsable<PaperDate>
{
    private static readonly string[] MonthAbbreviations =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly int[] MonthKeys = Array.ConvertAll(MonthAbbreviations, name => LowerKey(name));

    /// <summary>Creates a date, checking that the day exists in the month (Feb 29 is valid without a year).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year, month or day is out of range.</exception>
    public PaperDate(int? year, int month, int day)
    {
        if (!IsValid(year, month, day))
        {
            throw new ArgumentOutOfRangeException(nameof(day), $"{year?.ToString(CultureInfo.InvariantCulture) ?? "----"}-{month:00}-{day:00} is not a valid date.");
        }
        Year = year;
        Month = month;
        Day = day;
    }

    /// <summary>Creates a date with a known year from a <see cref="DateOnly"/>.</summary>
    public PaperDate(DateOnly date) : this(date.Year, date.Month, date.Day) { }

    /// <summary>The year, or <c>null</c> when the source did not give one.</summary>
    public int? Year { get; }

    /// <summary>The month, 1 to 12.</summary>
    public int Month { get; }

    /// <summary>The day of the month, 1 to 31.</summary>
    public int Day { get; }

    /// <summary>True when <see cref="Year"/> is known.</summary>
    public bool HasYear => Year.HasValue;

    /// <summary>Deconstructs into year, month and day.</summary>
    public void Deconstruct(out int? year, out int month, out int day)
    {
        year = Year;
        month = Month;
        day = Day;
    }

    /// <summary>The date as a <see cref="DateOnly"/>, or <c>null</c> when the year is unknown.</summary>
    public DateOnly? ToDateOnly() => Year is int year ? new DateOnly(year, Month, Day) : null;

    /// <summary>
    /// Gives this date a year: the latest date with this month and day on or before <paramref name="reference"/>
    /// (a Feb 29 goes back to a leap year). A date that has a year is returned as it is, and so is one with no
    /// such date on or after 0001-01-01.
    /// </summary>
    public PaperDate Resolve(DateOnly reference)
    {
        if (Year.HasValue) return this;
        int year = reference.Year;
        if (Month > reference.Month || (Month == reference.Month && Day > reference.Day)) year--;
        while (year >= 1 && Month == 2 && Day == 29 && !DateTime.IsLeapYear(year)) year--;
        // Before year 1 there is no such date to give: the date stays year-less.
        return year >= 1 ? new PaperDate(year, Month, Day) : this;
    }

    /// <summary>True when the parts make a date (a year-less Feb 29 is valid).</summary>
    public static bool IsValid(int? year, int month, int day)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1) return false;
        int max = year is int y ? DateTime.DaysInMonth(y, month) : DateTime.DaysInMonth(2000, month);
        return day <= max;
    }

    /// <summary>ISO <c>yyyy-MM-dd</c>, or <c>--MM-dd</c> when the year is unknown.</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[10];
        TryFormat(buffer, out int written);
        return new string(buffer[..written]);
    }

    /// <inheritdoc cref="ToString()"/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes the ISO form (see <see cref="ToString()"/>) into <paramref name="destination"/>.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        int length = Year.HasValue ? 10 : 7;
        if (destination.Length < length || Month == 0)
        {
            charsWritten = 0;
            return false;
        }
        int pos = 0;
        if (Year is int year)
        {
            destination[0] = (char)('0' + year / 1000);
            destination[1] = (char)('0' + year / 100 % 10);
            destination[2] = (char)('0' + year / 10 % 10);
            destination[3] = (char)('0' + year % 10);
            pos = 4;
        }
        else
        {
            destination[0] = '-';
            pos = 1;
        }
        destination[pos] = '-';
        destination[pos + 1] = (char)('0' + Month / 10);
        destination[pos + 2] = (char)('0' + Month % 10);
        destination[pos + 3] = '-';
        destination[pos + 4] = (char)('0' + Day / 10);
        destination[pos + 5] = (char)('0' + Day % 10);
        charsWritten = length;
        return true;
    }

    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryFormat(destination, out charsWritten);

    /// <summary>
    /// Parses a listing date (<c>Feb 13, 2023</c>, <c>Aug 25</c>, <c>September 5</c>) or an ISO form
    /// (<c>2023-02-13</c>, <c>--08-25</c>).
    /// </summary>
    /// <exception cref="FormatException">The text is not such a date.</exception>
    public static PaperDate Parse(string s) => Parse(s.AsSpan());

    /// <inheritdoc cref="Parse(string)"/>
    public static PaperDate Parse(ReadOnlySpan<char> s) =>
        TryParse(s, out var date) ? date : throw new FormatException($"'{s}' is not a date such as 'Feb 13, 2023', 'Aug 25', '2023-02-13' or '--08-25'.");

    /// <summary>Tries to parse a listing or ISO date; see <see cref="Parse(string)"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out PaperDate result) => TryParse(s.AsSpan(), out result);

    /// <summary>Tries to parse a listing or ISO date; see <see cref="Parse(string)"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out PaperDate result)
    {
        s = s.Trim();
        if (TryParseIso(s, out result)) return true;
        return TryParseListing(s, out result, out int? upvotes) && upvotes is null;
    }

    static PaperDate IParsable<PaperDate>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<PaperDate>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PaperDate result) => TryParse(s, out result);

    static PaperDate ISpanParsable<PaperDate>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<PaperDate>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out PaperDate result) => TryParse(s, out result);

    /// <summary>Parses <c>yyyy-MM-dd</c> or <c>--MM-dd</c>.</summary>
    internal static bool TryParseIso(ReadOnlySpan<char> s, out PaperDate result)
    {
        result = default;
        int? year = null;
        if (s.Length == 10 && s[4] == '-' && s[7] == '-')
        {
            if (!TryDigits(s[..4], out int y)) return false;
            year = y;
            s = s[4..];
        }
        else if (s.Length == 7 && s[0] == '-' && s[1] == '-' && s[4] == '-')
        {
            s = s[1..];
        }
        else
        {
            return false;
        }
        // s is now "-MM-dd".
        if (!TryDigits(s.Slice(1, 2), out int month) || !TryDigits(s.Slice(4, 2), out int day) || !IsValid(year, month, day)) return false;
        result = new PaperDate(year, month, day);
        return true;
    }

    /// <summary>
    /// Parses the listing's date line: <c>Mon D</c>, optionally <c>, YYYY</c>, optionally a trailing
    /// integer (the card's upvote count): <c>Aug 15, 2024 2</c>. A number after the day without a comma
    /// is the upvote count, never a year.
    /// </summary>
    internal static bool TryParseListing(ReadOnlySpan<char> s, out PaperDate result, out int? upvotes)
    {
        result = default;
        upvotes = null;
        int space = s.IndexOf(' ');
        if (space <= 0) return false;
        int month = MonthFromName(s[..space]);
        if (month == 0) return false;
        s = s[(space + 1)..].TrimStart(' ');
        int dayLength = 0;
        while (dayLength < s.Length && char.IsAsciiDigit(s[dayLength])) dayLength++;
        if (dayLength is 0 or > 2) return false;
        int day = Number(s[..dayLength]);
        s = s[dayLength..];
        int? year = null;
        if (s.Length > 0 && s[0] == ',')
        {
            s = s[1..].TrimStart(' ');
            int yearLength = 0;
            while (yearLength < s.Length && char.IsAsciiDigit(s[yearLength])) yearLength++;
            if (yearLength != 4) return false;
            year = Number(s[..4]);
            s = s[4..];
        }
        if (s.Length > 0)
        {
            if (s[0] != ' ') return false;
            s = s.TrimStart(' ');
            if (s.Length is 0 or > 9) return false;
            foreach (char c in s)
            {
                if (!char.IsAsciiDigit(c)) return false;
            }
            upvotes = Number(s);
        }
        if (!IsValid(year, month, day)) return false;
        result = new PaperDate(year, month, day);
        return true;
    }

    /// <summary>1 to 12 for a month's name or abbreviation (any case, <c>Sept</c> too); 0 otherwise.</summary>
    internal static int MonthFromName(ReadOnlySpan<char> name)
    {
        // Every name is 3 to 9 characters (case-insensitive ordinal equality keeps the length).
        if (name.Length is < 3 or > 9) return 0;
        if (!Ascii.IsValid(name)) return MonthFromAnyName(name);
        // ASCII: the first three letters, lowered, pick the month.
        int month = MonthKeys.AsSpan().IndexOf(LowerKey(name)) + 1;
        if (month == 0 || name.Length == 3 || Ascii.EqualsIgnoreCase(name, MonthNames[month - 1])) return month;
        return month == 9 && name.Length == 4 && (name[3] | 0x20) == 't' ? 9 : 0;
    }

    /// <summary>An ASCII text's first three characters in one number, letters lowered (<c>c | 0x20</c> equals a lowercase letter only for that letter, in either case).</summary>
    private static int LowerKey(ReadOnlySpan<char> ascii) => (ascii[0] | 0x20) << 16 | (ascii[1] | 0x20) << 8 | (ascii[2] | 0x20);

    /// <summary><see cref="MonthFromName"/> for any text (case-insensitive ordinal comparison, beyond ASCII too).</summary>
    private static int MonthFromAnyName(ReadOnlySpan<char> name)
    {
        for (int i = 0; i < 12; i++)
        {
            if (name.Equals(MonthAbbreviations[i], StringComparison.OrdinalIgnoreCase) ||
                name.Equals(MonthNames[i], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }
        return name.Equals("Sept", StringComparison.OrdinalIgnoreCase) ? 9 : 0;
    }

    /// <summary>Reads ASCII digits only; false for an empty span or any other character.</summary>
    internal static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return s.Length > 0;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        int value = 0;
        foreach (char c in digits) value = value * 10 + (c - '0');
        return value;
    }
}
