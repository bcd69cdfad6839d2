namespace PaperFeed.Text;

/// <summary>Splits input into lines of code units, for the grammar over them (<see cref="Utf8LineReader"/>: every text reader and the cut-finder use it).</summary>
internal interface ILineReader<T> : IDisposable
{
    /// <summary>The 1-based number of the line last returned.</summary>
    int LineNumber { get; }

    /// <summary>The length, in UTF-16 characters, of the line last returned as <see cref="LineStatus.TooLong"/>.</summary>
    long SkippedLength { get; }

    /// <summary>True when the line last returned contained a U+FFFD that replaced invalid UTF-8.</summary>
    bool LineHadInvalidUtf8 { get; }

    /// <summary>The 1-based column (UTF-16 characters) of the first replaced character in the line last returned.</summary>
    int InvalidUtf8Column { get; }

    /// <summary>At the end of the input: the NUL bytes it ended in, taken as padding and dropped (UTF-8 input only).</summary>
    long TrailingNulBytes => 0;

    /// <summary>At the end of the input: the bytes of the character it was cut inside, dropped (UTF-8 input only).</summary>
    int CutCharacterBytes => 0;

    /// <summary>The next whole line already buffered (terminator excluded, a leading byte order mark dropped).</summary>
    LineStatus TryReadLine(out ReadOnlySpan<T> line);

    /// <summary>
    /// The buffer the lines returned are spans of: a line stays there, unchanged, until the next <see cref="Fill"/>
    /// or <see cref="FillAsync"/> (which may move, overwrite or replace it).
    /// </summary>
    ReadOnlyMemory<T> Buffer { get; }

    /// <summary>Reads more input; after it, <see cref="TryReadLine"/> can make progress.</summary>
    void Fill();

    /// <inheritdoc cref="Fill"/>
    ValueTask FillAsync(CancellationToken cancellationToken);
}
