using System.Globalization;

namespace PaperFeed.Http;

/// <summary>
/// Reads the waits a server asks for: the IETF draft <c>RateLimit: "api";r=&lt;remaining&gt;;t=&lt;seconds to reset&gt;</c>
/// header the Hub sends (a list of policies, each with parameters), and <c>Retry-After</c> (delta-seconds or an HTTP date).
/// </summary>
internal static class RateLimitHeaders
{
    /// <summary>
    /// How long to wait before the next request: when a policy has no request left (<c>r=0</c>), its reset time
    /// <c>t</c> plus one second (the window's edge is rounded down); null when every policy has requests left or the
    /// header is absent or unreadable.
    /// </summary>
    public static TimeSpan? ExhaustedWait(string? rateLimit)
    {
        TimeSpan? wait = null;
        foreach (var (remaining, reset) in Policies(rateLimit))
        {
            if (remaining == 0 && reset is long seconds)
            {
                var next = TimeSpan.FromSeconds(seconds + 1);
                if (wait is null || next > wait) wait = next;
            }
        }
        return wait;
    }

    /// <summary>The wait a 429 or 503 asks for: <c>RateLimit</c>'s reset (+1 s), else <c>Retry-After</c>; null when neither says.</summary>
    public static TimeSpan? RequestedWait(string? rateLimit, string? retryAfter, DateTimeOffset now)
    {
        if (ExhaustedWait(rateLimit) is TimeSpan exhausted) return exhausted;
        TimeSpan? longest = null;
        foreach (var (_, reset) in Policies(rateLimit))
        {
            if (reset is long seconds && (longest is null || seconds + 1 > longest.Value.TotalSeconds)) longest = TimeSpan.FromSeconds(seconds + 1);
        }
        if (longest is not null) return longest;
        if (string.IsNullOrWhiteSpace(retryAfter)) return null;
        string value = retryAfter.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long delta)) return TimeSpan.FromSeconds(Math.Min(delta, 366L * 24 * 3600));
        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    /// <summary>Each policy's <c>r</c> and <c>t</c> (null when missing or not a non-negative integer).</summary>
    private static IEnumerable<(long? Remaining, long? Reset)> Policies(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) yield break;
        foreach (string item in header.Split(','))
        {
            long? remaining = null, reset = null;
            // The first member is the policy's name (a string or token); parameters follow, separated by ';'.
            string[] members = item.Split(';');
            for (int i = 1; i < members.Length; i++)
            {
                string member = members[i].Trim();
                int equals = member.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0) continue;
                string key = member[..equals].Trim();
                bool ok = long.TryParse(member[(equals + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long number);
                if (!ok) continue;
                if (key == "r") remaining = number;
                else if (key == "t") reset = number;
            }
            yield return (remaining, reset);
        }
    }
}
