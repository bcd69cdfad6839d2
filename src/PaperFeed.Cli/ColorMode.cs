namespace PaperFeed.Cli;

/// <summary><c>--color</c>: when output gets ANSI colour.</summary>
internal enum ColorMode
{
    /// <summary>
    /// On a terminal, unless <c>NO_COLOR</c> is set (to anything but empty) or <c>TERM</c> is <c>dumb</c>. The default, and
    /// the enum's zero: what an unset <c>--color</c> reads as.
    /// </summary>
    Auto = 0,

    /// <summary>Always, even into a pipe or file, and whatever <c>NO_COLOR</c> says (an explicit option wins, as no-color.org asks).</summary>
    Always,

    /// <summary>Never.</summary>
    Never,
}
