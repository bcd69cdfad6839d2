using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PaperFeed.IO;

namespace PaperFeed.Text;

/// <summary>
/// Writes finished entries of the UTF-8 grammar as PaperFeed JSON Lines straight from their bytes: no string is
/// made. The output is byte for byte what <see cref="FeedJsonWriter"/> writes for the papers those entries make
/// (properties in the contract's order, nulls omitted, the same encoder; tested).
/// </summary>
internal sealed class EntryJsonLines : IDisposable
{
    private enum Field { Title, Abstract, AuthorCount, Published, Upvotes, Featured, Other }

    /// <summary>The paper's properties in the contract's order: a text listing fills only these six.</summary>
    private static readonly (JsonEncodedText Name, Field Field)[] Fields =
        [.. PaperFeedJsonContext.Default.Paper.Properties.Select(p => (JsonEncodedText.Encode(p.Name), FieldOf(p.Name)))];

    /// <summary>The encoder of <see cref="PaperFeedJsonContext"/>'s output.</summary>
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>
    /// The printable ASCII the encoder escapes (the quote and the backslash), searched apart from the other ASCII
    /// because a set mixing them with ranges vectorises poorly (a shuffle per block, not a compare).
    /// </summary>
    private static readonly SearchValues<byte> EscapedPrintableAscii =
        SearchValues.Create([.. Enumerable.Range(0x20, 0x7F - 0x20).Where(Encoder.WillEncode).Select(b => (byte)b)]);

    /// <summary>What gathers before it goes to the stream.</summary>
    internal const int FlushThreshold = 64 * 1024;

    public EntryJsonLines(int capacity = FlushThreshold + 16 * 1024, ArrayPool<byte>? pool = null) => Output = new PooledBufferWriter(capacity, pool);

    /// <summary>The lines written and not yet handed on.</summary>
    public PooledBufferWriter Output { get; private set; }

    /// <summary>Hands the output buffer to the caller (who disposes it); this writer then writes into a new one.</summary>
    public PooledBufferWriter TakeOutput(int capacity)
    {
        var taken = Output;
        Output = new PooledBufferWriter(capacity, taken.Pool);
        return taken;
    }

    /// <summary>
    /// Writes one line straight into the output: the bytes Utf8JsonWriter writes, without its per-property state. A
    /// string is copied verbatim when the encoder finds nothing in it to encode (nearly every real one), else escaped by
    /// <see cref="JsonEncodedText"/>, which escapes as Utf8JsonWriter does.
    /// </summary>
    public void Write(EntryFields<byte> entry)
    {
        var title = Escaped(entry.Title);
        var summary = entry.HasAbstract ? Escaped(entry.Abstract) : default;
        var line = Output.GetSpan(title.Length + summary.Length + 256);
        int at = 0;
        line[at++] = (byte)'{';
        foreach (var (name, field) in Fields)
        {
            switch (field)
            {
                case Field.Title:
                    Name(line, ref at, name);
                    Text(line, ref at, title);
                    break;
                case Field.Abstract when entry.HasAbstract:
                    Name(line, ref at, name);
                    Text(line, ref at, summary);
                    break;
                case Field.AuthorCount when entry.AuthorCount is int count:
                    Name(line, ref at, name);
                    at += Number(line[at..], count);
                    break;
                case Field.Published when entry.Published is PaperDate published:
                    Name(line, ref at, name);
                    Date(line, ref at, published);
                    break;
                case Field.Upvotes when entry.Upvotes is int upvotes:
                    Name(line, ref at, name);
                    at += Number(line[at..], upvotes);
                    break;
                case Field.Featured when entry.Featured is PaperDate featured:
                    Name(line, ref at, name);
                    Date(line, ref at, featured);
                    break;
            }
        }
        line[at++] = (byte)'}';
        line[at++] = (byte)'\n';
        Output.Advance(at);

        static ReadOnlySpan<byte> Escaped(ReadOnlySpan<byte> text) =>
            NeedsEscaping(text) ? JsonEncodedText.Encode(text, Encoder).EncodedUtf8Bytes : text;

        static void Name(Span<byte> line, ref int at, JsonEncodedText name)
        {
            if (line[at - 1] != (byte)'{') line[at++] = (byte)',';
            Text(line, ref at, name.EncodedUtf8Bytes);
            line[at++] = (byte)':';
        }

        static void Text(Span<byte> line, ref int at, ReadOnlySpan<byte> text)
        {
            line[at++] = (byte)'"';
            text.CopyTo(line[at..]);
            at += text.Length;
            line[at++] = (byte)'"';
        }

        static int Number(Span<byte> line, int value) =>
            System.Buffers.Text.Utf8Formatter.TryFormat(value, line, out int written) ? written : throw new InvalidOperationException("The line buffer is too small.");

        static void Date(Span<byte> line, ref int at, PaperDate date)
        {
            Span<char> text = stackalloc char[16];
            date.TryFormat(text, out int written);
            line[at++] = (byte)'"';
            for (int i = 0; i < written; i++) line[at++] = (byte)text[i];
            line[at++] = (byte)'"';
        }
    }

    /// <summary>
    /// True when the encoder would escape something in <paramref name="text"/> (valid UTF-8): the answer of
    /// <see cref="TextEncoder.FindFirstCharacterToEncodeUtf8"/>, found by two vectorised range and value searches and
    /// a bitmap lookup per character outside printable ASCII, where the encoder's own scan goes character by character
    /// after the first non-ASCII one (a quarter of text to JSON Lines in a profile).
    /// </summary>
    internal static bool NeedsEscaping(ReadOnlySpan<byte> text)
    {
        if (text.IndexOfAny(EscapedPrintableAscii) >= 0) return true;
        while (true)
        {
            // Controls, DEL and the bytes of non-ASCII characters: the encoder decides, character by character.
            int index = text.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E);
            if (index < 0) return false;
            if (Rune.DecodeFromUtf8(text[index..], out var rune, out int length) != OperationStatus.Done || Encoder.WillEncode(rune.Value)) return true;
            text = text[(index + length)..];
        }
    }

    private static Field FieldOf(string name) => name switch
    {
        "title" => Field.Title,
        "abstract" => Field.Abstract,
        "authorCount" => Field.AuthorCount,
        "published" => Field.Published,
        "upvotes" => Field.Upvotes,
        "featured" => Field.Featured,
        _ => Field.Other,
    };

    /// <summary>Writes every entry of <paramref name="session"/> to <paramref name="destination"/>, in blocks of about 64 KB.</summary>
    public static FeedStatistics Convert(ParseSession<byte, Utf8Units> session, Stream destination)
    {
        using var json = new EntryJsonLines();
        while (session.Advance())
        {
            session.Assembler.TryTakeEntry();
            json.Write(session.Assembler.Finished);
            if (json.Output.WrittenCount >= FlushThreshold) json.HandOn(destination);
        }
        json.HandOn(destination);
        destination.Flush();
        return session.Assembler.Statistics;
    }

    /// <inheritdoc cref="Convert"/>
    public static async Task<FeedStatistics> ConvertAsync(ParseSession<byte, Utf8Units> session, Stream destination, CancellationToken cancellationToken)
    {
        using var json = new EntryJsonLines();
        while (await session.AdvanceAsync(cancellationToken).ConfigureAwait(false))
        {
            session.Assembler.TryTakeEntry();
            json.Write(session.Assembler.Finished);
            if (json.Output.WrittenCount >= FlushThreshold) await json.HandOnAsync(destination, cancellationToken).ConfigureAwait(false);
        }
        await json.HandOnAsync(destination, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        return session.Assembler.Statistics;
    }

    private void HandOn(Stream destination)
    {
        if (Output.WrittenCount == 0) return;
        destination.Write(Output.WrittenSpan);
        Output.ResetWrittenCount();
    }

    private async ValueTask HandOnAsync(Stream destination, CancellationToken cancellationToken)
    {
        if (Output.WrittenCount == 0) return;
        await destination.WriteAsync(Output.WrittenMemory, cancellationToken).ConfigureAwait(false);
        Output.ResetWrittenCount();
    }

    public void Dispose() => Output.Dispose();
}
