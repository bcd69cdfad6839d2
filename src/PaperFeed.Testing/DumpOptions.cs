namespace PaperFeed.Testing;

/// <summary>What <see cref="DumpGenerator"/> writes. The same options always give the same characters.</summary>
public sealed record DumpOptions
{
    private readonly long _targetBytes = 1 << 20;

    /// <summary>The seed of the pseudo-random sequence; the whole dump follows from it.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The size to reach, in UTF-8 bytes: generation stops after the entry that reaches it, so the dump is at
    /// most one entry (a few kilobytes) larger. Default 1 MiB.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public long TargetBytes
    {
        get => _targetBytes;
        init => _targetBytes = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(TargetBytes), value, "TargetBytes must be at least 1.");
    }

    /// <summary>The line terminators; <see cref="DumpLineEndings.Lf"/> by default.</summary>
    public DumpLineEndings LineEndings { get; init; } = DumpLineEndings.Lf;

    /// <summary>When true, the dump starts with a byte order mark (U+FEFF).</summary>
    public bool ByteOrderMark { get; init; }

    /// <summary>When true (the default), the last line ends with a terminator; the real snapshots do not.</summary>
    public bool FinalNewline { get; init; } = true;
}
