using System.Text;
using CsCheck;
using PaperFeed.Text;

namespace PaperFeed.Tests.Text;

/// <summary>
/// The per-line shortcuts of the grammar (trimming that skips the Unicode lookup when a line starts and ends with
/// visible ASCII, month names recognised by their first three letters) must answer exactly as the general rules do,
/// for any text: Unicode whitespace at either end, letters that fold to ASCII under case-insensitive comparison.
/// </summary>
public sealed class UnitFastPathTests
{
    private static readonly string[] Pieces =
        ["a", "Z", "!", "~", " ", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u00A0", "\u1680", "\u2000", "\u2028", "\u3000", "\uFEFF", "\u200B",
         "\u007F", "\u0001", "é", "😀", "\uFFFD", "x y", ".", "·"];

    private static readonly Gen<string> Text = Gen.OneOf(Pieces).Array[0, 8].Select(string.Concat);

    [Fact]
    public void Trimming_characters_removes_what_MemoryExtensions_Trim_removes()
    {
        Text.Sample(text => Utf16Units.Trim(text).ToString().Should().Be(text.AsSpan().Trim().ToString()), iter: 3000, threads: 1);
    }

    [Fact]
    public void Trimming_UTF8_removes_what_trimming_the_decoded_text_removes()
    {
        Text.Sample(text =>
        {
            var trimmed = Utf8Units.Trim(Encoding.UTF8.GetBytes(text));
            Encoding.UTF8.GetString(trimmed).Should().Be(text.AsSpan().Trim().ToString());
        }, iter: 3000, threads: 1);
    }

    private static readonly string[] MonthLike =
        ["jan", "JAN", "January", "jANUARY", "Feb", "February", "Mar", "March", "Apr", "April", "May", "MAY", "Jun", "June", "Jul", "July", "Aug",
         "August", "Sep", "Sept", "SEPT", "Septe", "September", "Oct", "October", "Nov", "November", "Dec", "December", "Ja", "Janu", "Mayy",
         "Septembers", "Jan.", "J@N", "j\u0430n", "\u017Fep", "\u017Fept", "\u212Aan", "ma\u0131", "Aug\u0000", "", "x", "12", "Nob", "Jum"];

    [Fact]
    public void Month_names_are_recognised_as_by_comparing_every_name_ignoring_case()
    {
        var names = Gen.Frequency(
            (3, Gen.OneOf(MonthLike)),
            (1, Gen.Select(Gen.OneOf(MonthLike), Gen.Int[0, 9], Gen.Char['\u0000', '\u024F'], (name, at, c) =>
                name.Length == 0 ? c.ToString() : name.Remove(Math.Min(at, name.Length - 1), 1).Insert(Math.Min(at, name.Length - 1), c.ToString()))));
        names.Sample(name => PaperDate.MonthFromName(name).Should().Be(Reference(name), name), iter: 5000, threads: 1);
        foreach (string name in MonthLike) PaperDate.MonthFromName(name).Should().Be(Reference(name), name);
    }

    /// <summary>The rule as written down: the full name or its three-letter abbreviation (or <c>Sept</c>), compared ordinally ignoring case.</summary>
    private static int Reference(string name)
    {
        string[] full = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        for (int i = 0; i < 12; i++)
        {
            if (name.Equals(full[i], StringComparison.OrdinalIgnoreCase) || name.Equals(full[i][..3], StringComparison.OrdinalIgnoreCase)) return i + 1;
        }
        return name.Equals("Sept", StringComparison.OrdinalIgnoreCase) ? 9 : 0;
    }
}
