namespace PaperFeed.IO;

/// <summary>Where the content of an input starts: after a UTF-8 byte order mark and leading whitespace.</summary>
internal static class InputStart
{
    /// <summary>The bytes from the first one that is not a UTF-8 BOM or JSON whitespace (space, tab, CR, LF); empty when none.</summary>
    public static ReadOnlySpan<byte> Content(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        int first = 0;
        while (first < bytes.Length && bytes[first] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') first++;
        return bytes[first..];
    }
}
