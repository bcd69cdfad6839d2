namespace PaperFeed.Json;

/// <summary>
/// Repairs JSON string escapes of lone UTF-16 surrogates (<c>"\ud800"</c> without its pair), which JavaScript writes
/// but System.Text.Json refuses to decode: each becomes <c>\ufffd</c> (U+FFFD, as docs/json.md promises), in place,
/// since both escapes are six bytes. A valid pair (<c>\ud83d\ude00</c>) is kept.
/// </summary>
internal static class LoneSurrogates
{
    /// <summary>Rewrites every lone surrogate escape of <paramref name="json"/> (one complete JSON value) in place; how many.</summary>
    public static int Repair(Span<byte> json)
    {
        int repaired = 0;
        int i = json.IndexOf((byte)'\\');
        if (i < 0) return 0;
        while (i < json.Length - 1)
        {
            if (json[i] != (byte)'\\')
            {
                int next = json[i..].IndexOf((byte)'\\');
                if (next < 0) break;
                i += next;
                continue;
            }
            if (json[i + 1] != (byte)'u' || Escape(json, i) is not int unit)
            {
                i += 2; // \" \\ \n …: the escaped byte is never the start of another escape
                continue;
            }
            if (unit is >= 0xD800 and <= 0xDBFF && Escape(json, i + 6) is int low && low is >= 0xDC00 and <= 0xDFFF)
            {
                i += 12; // a pair: kept
                continue;
            }
            if (unit is >= 0xD800 and <= 0xDFFF)
            {
                "fffd"u8.CopyTo(json.Slice(i + 2, 4));
                repaired++;
            }
            i += 6;
        }
        return repaired;
    }

    /// <summary>The code unit of the <c>\uXXXX</c> escape at <paramref name="at"/>; null when there is none.</summary>
    private static int? Escape(ReadOnlySpan<byte> json, int at)
    {
        if (at + 6 > json.Length || json[at] != (byte)'\\' || json[at + 1] != (byte)'u') return null;
        int value = 0;
        for (int k = at + 2; k < at + 6; k++)
        {
            int digit = json[k] switch
            {
                >= (byte)'0' and <= (byte)'9' => json[k] - '0',
                >= (byte)'a' and <= (byte)'f' => json[k] - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => json[k] - 'A' + 10,
                _ => -1,
            };
            if (digit < 0) return null;
            value = value * 16 + digit;
        }
        return value;
    }
}
