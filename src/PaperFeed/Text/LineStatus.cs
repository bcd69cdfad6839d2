namespace PaperFeed.Text;

/// <summary>What <see cref="Utf8LineReader.TryReadLine"/> found.</summary>
internal enum LineStatus
{
    /// <summary>A line is ready.</summary>
    Line,

    /// <summary>A line longer than the limit was skipped; only its length is known.</summary>
    TooLong,

    /// <summary>The buffer holds no whole line: call <see cref="Utf8LineReader.Fill"/> or <see cref="Utf8LineReader.FillAsync"/>.</summary>
    NeedData,

    /// <summary>The input is exhausted.</summary>
    End,
}
