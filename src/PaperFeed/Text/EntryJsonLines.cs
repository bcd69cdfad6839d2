using System.Buffers;
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

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };

    /// <summary>What gathers before it goes to the stream.</summary>
    internal const int FlushThreshold = 64 * 1024;

    private readonly Utf8JsonWriter _writer;

    public EntryJsonLines(int capacity = FlushThreshold + 16 * 1024)
    {
        Output = new PooledBufferWriter(capacity);
        _writer = new Utf8JsonWriter(Output, Options);
    }

    /// <summary>The lines written and not yet handed on.</summary>
    public PooledBufferWriter Output { get; private set; }

    /// <summary>Hands the output buffer to the caller (who disposes it); this writer then writes into a new one.</summary>
    public PooledBufferWriter TakeOutput(int capacity)
    {
        _writer.Flush();
        var taken = Output;
        Output = new PooledBufferWriter(capacity);
        _writer.Reset(Output);
        return taken;
    }

    public void Write(EntryFields<byte> entry)
    {
        _writer.WriteStartObject();
        foreach (var (name, field) in Fields)
        {
            switch (field)
            {
                case Field.Title:
                    _writer.WriteString(name, entry.Title);
                    break;
                case Field.Abstract when entry.HasAbstract:
                    _writer.WriteString(name, entry.Abstract);
                    break;
                case Field.AuthorCount when entry.AuthorCount is int count:
                    _writer.WriteNumber(name, count);
                    break;
                case Field.Published when entry.Published is PaperDate published:
                    WriteDate(name, published);
                    break;
                case Field.Upvotes when entry.Upvotes is int upvotes:
                    _writer.WriteNumber(name, upvotes);
                    break;
                case Field.Featured when entry.Featured is PaperDate featured:
                    WriteDate(name, featured);
                    break;
            }
        }
        _writer.WriteEndObject();
        _writer.Flush();
        Output.Write("\n"u8);
        // Each line is a new top-level value: Reset keeps the writer but clears its state.
        _writer.Reset();
    }

    private void WriteDate(JsonEncodedText name, PaperDate date)
    {
        Span<char> buffer = stackalloc char[10];
        date.TryFormat(buffer, out int written);
        _writer.WriteString(name, buffer[..written]);
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

    public void Dispose()
    {
        _writer.Dispose();
        Output.Dispose();
    }
}
