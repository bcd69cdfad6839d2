namespace PaperFeed.Testing;

/// <summary>The line terminators a generated dump uses.</summary>
public enum DumpLineEndings
{
    /// <summary><c>\n</c> everywhere.</summary>
    Lf,

    /// <summary><c>\r\n</c> everywhere.</summary>
    CrLf,

    /// <summary>Each snapshot picks <c>\n</c> or <c>\r\n</c>, as a dump concatenated from several machines would.</summary>
    Mixed,
}
