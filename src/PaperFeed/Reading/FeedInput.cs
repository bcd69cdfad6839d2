using System.Text;

namespace PaperFeed;

/// <summary>
/// One input for <see cref="FeedReader"/>: a file, a stream, a <see cref="TextReader"/>, a string or bytes, and the
/// name diagnostics give it. Made by the <c>From…</c> methods, which check their arguments at once; nothing is opened
/// or read until a read starts. An input made from a stream or reader is read once.
/// </summary>
public sealed class FeedInput
{
    private readonly Kind _kind;
    private readonly string? _path;
    private readonly Stream? _stream;
    private readonly TextReader? _reader;
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _bytes;

    private FeedInput(Kind kind, string? name, string? path = null, Stream? stream = null, TextReader? reader = null, string? text = null, ReadOnlyMemory<byte> bytes = default)
    {
        _kind = kind;
        Name = name;
        _path = path;
        _stream = stream;
        _reader = reader;
        _text = text;
        _bytes = bytes;
    }

    private enum Kind { File, Stream, Reader, Text, Bytes }

    /// <summary>The name diagnostics and exceptions give the input (a file's path by default), or null.</summary>
    public string? Name { get; }

    /// <summary>The path of a file input, else null: a large text listing in a file can be read on several cores.</summary>
    internal string? FilePath => _path;

    /// <summary>True for an input given as text (a string or a <see cref="TextReader"/>): formats read its UTF-8 encoding.</summary>
    internal bool IsText => _kind is Kind.Reader or Kind.Text;

    /// <summary>A file, opened for reading when a read starts (and closed when it ends).</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="name">The name in diagnostics; the path when null.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static FeedInput FromFile(string path, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new FeedInput(Kind.File, name ?? path, path: path);
    }

    /// <summary>A stream of bytes (UTF-8, or UTF-16/32 with a byte order mark); not disposed. It need not be seekable.</summary>
    /// <param name="stream">The stream, read from its current position.</param>
    /// <param name="name">The name in diagnostics, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    public static FeedInput FromStream(Stream stream, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead) throw new ArgumentException("The stream cannot be read.", nameof(stream));
        return new FeedInput(Kind.Stream, name, stream: stream);
    }

    /// <summary>Text from a reader; not disposed.</summary>
    /// <param name="reader">The reader, read from its current position.</param>
    /// <param name="name">The name in diagnostics, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public static FeedInput FromReader(TextReader reader, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new FeedInput(Kind.Reader, name, reader: reader);
    }

    /// <summary>Text held in a string (the whole input, not a path: see <see cref="FromFile"/>).</summary>
    /// <param name="text">The input.</param>
    /// <param name="name">The name in diagnostics, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static FeedInput FromText(string text, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FeedInput(Kind.Text, name, text: text);
    }

    /// <summary>Bytes held in memory (UTF-8, or UTF-16/32 with a byte order mark); not copied.</summary>
    /// <param name="bytes">The input.</param>
    /// <param name="name">The name in diagnostics, or null.</param>
    public static FeedInput FromBytes(ReadOnlyMemory<byte> bytes, string? name = null) => new(Kind.Bytes, name, bytes: bytes);

    /// <summary>The input as bytes from its first byte, and whether the caller must dispose the stream.</summary>
    internal Stream Open(out bool owned)
    {
        owned = _kind is not Kind.Stream;
        switch (_kind)
        {
            case Kind.File:
                // Not FileOptions.Asynchronous: a file is read where the parse runs (FileReads), not one thread-pool hop per read.
                return new FileStream(_path!, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            case Kind.Stream:
                return _stream!;
            case Kind.Reader:
                return new IO.TextReaderUtf8Stream(_reader!);
            case Kind.Text:
                return new IO.TextReaderUtf8Stream(new StringReader(_text!));
            default:
                return new ReadOnlyMemoryStream(_bytes);
        }
    }

    /// <summary>The input's name, for messages.</summary>
    public override string ToString() => Name ?? _kind switch
    {
        Kind.File => _path!,
        _ => $"<{_kind.ToString().ToLowerInvariant()}>",
    };

    /// <summary>Bytes in memory as a read-only stream (MemoryStream needs an array).</summary>
    private sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> bytes) : IO.ReadOnlyForwardStream
    {
        private ReadOnlyMemory<byte> _rest = bytes;

        public override int Read(Span<byte> buffer)
        {
            int length = Math.Min(buffer.Length, _rest.Length);
            _rest.Span[..length].CopyTo(buffer);
            _rest = _rest[length..];
            return length;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : ValueTask.FromResult(Read(buffer.Span));
    }
}
