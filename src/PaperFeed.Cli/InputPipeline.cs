using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace PaperFeed.Cli;

/// <summary>
/// The one way every command reads its inputs: each input through the library's <see cref="FeedReader"/> (a file as
/// <see cref="FeedInput.FromFile"/>, so the reader decides alone whether it reads on every core; standard input as a
/// stream), several inputs at once (<see cref="OrderedInputs"/>), items and diagnostics handed out strictly in input
/// order, diagnostics reported as they come. In strict mode the first warning is thrown and reported once, as the
/// run's error. The bytes read are the reader's own count (<see cref="FeedReaderOptions.Progress"/>).
/// </summary>
internal sealed class InputPipeline(Inputs inputs, FeedReaderOptions options, Reporter reporter)
{
    private readonly InputBytes[] _read = [.. inputs.Paths.Select(_ => new InputBytes())];

    /// <summary>The bytes read from every input so far.</summary>
    public long BytesRead => _read.Sum(read => read.Value);

    /// <summary>
    /// One input alone may use every core; several inputs are read side by side, one core each (what the library
    /// does inside one file is the same either way).
    /// </summary>
    private int Parallelism => inputs.Paths.Count == 1 ? -1 : 1;

    /// <summary>Reads every input with <paramref name="read"/>; each item comes with its input's display name.</summary>
    public async IAsyncEnumerable<(string Name, T Item)> ReadAsync<T>(Func<FeedReader, FeedInput, CancellationToken, IAsyncEnumerable<T>> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var indexes = inputs.Paths.Select((path, index) => (path, index)).ToDictionary(pair => pair.index.ToString(System.Globalization.CultureInfo.InvariantCulture), pair => pair.index);
        var entries = OrderedInputs.ReadAsync<Entry<T>>([.. indexes.Keys], Produce, Environment.ProcessorCount, cancellationToken);
        await foreach (var entry in entries.ConfigureAwait(false))
        {
            if (entry.Diagnostic is { } diagnostic) reporter.Report(diagnostic);
            else yield return (entry.Name, entry.Item!);
        }

        async Task Produce(string key, ChannelWriter<Entry<T>> channel, CancellationToken token)
        {
            int index = indexes[key];
            string path = inputs.Paths[index];
            string name = Inputs.DisplayName(path);
            var pending = new List<FeedDiagnostic>();
            var reader = ReaderFor(index, pending.Add);
            try
            {
                await foreach (var item in read(reader, inputs.Open(path), token).ConfigureAwait(false))
                {
                    await FlushAsync().ConfigureAwait(false);
                    await channel.WriteAsync(new Entry<T>(name, item, null), token).ConfigureAwait(false);
                }
            }
            catch (FeedFormatException e)
            {
                // Strict mode reports the warning, then throws it: show it once, as the error.
                pending.Remove(e.Diagnostic);
                throw;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputErrorException($"{name}: {e.Message}", e);
            }
            finally
            {
                // Diagnostics raised before a failure still come out, ahead of the error.
                await FlushAsync().ConfigureAwait(false);
            }

            async Task FlushAsync()
            {
                foreach (var diagnostic in pending) await channel.WriteAsync(new Entry<T>(name, default, diagnostic), token).ConfigureAwait(false);
                pending.Clear();
            }
        }
    }

    /// <summary>Counts every input (one <see cref="FeedStatistics"/> per input), in input order.</summary>
    public IAsyncEnumerable<(string Name, FeedStatistics Item)> CountAsync(CancellationToken cancellationToken) =>
        ReadAsync((reader, input, token) => Once(reader.CountAsync(input, token)), cancellationToken);

    /// <summary>
    /// Writes the papers of every input, in input order, to <paramref name="destination"/> as JSON Lines: a text
    /// listing goes from its bytes to the output's without strings. Inputs are read one after another, each
    /// diagnostic reported as it comes.
    /// </summary>
    public async Task WriteJsonLinesAsync(Stream destination, CancellationToken cancellationToken)
    {
        for (int index = 0; index < inputs.Paths.Count; index++)
        {
            string path = inputs.Paths[index];
            // In strict mode the first warning stops the read and is reported once, as the run's error.
            var reader = ReaderFor(index, options.Diagnostics.Strict ? d => { if (d.Severity != DiagnosticSeverity.Warning) reporter.Report(d); } : reporter.Report);
            try
            {
                await reader.WriteJsonLinesAsync(inputs.Open(path), destination, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputErrorException($"{Inputs.DisplayName(path)}: {e.Message}", e);
            }
        }
    }

    private FeedReader ReaderFor(int index, Action<FeedDiagnostic> onDiagnostic) => new(options with
    {
        Diagnostics = options.Diagnostics with { OnDiagnostic = onDiagnostic },
        MaxDegreeOfParallelism = Parallelism,
        Progress = _read[index],
    });

    private static async IAsyncEnumerable<TResult> Once<TResult>(Task<TResult> task)
    {
        yield return await task.ConfigureAwait(false);
    }

    private readonly record struct Entry<T>(string Name, T? Item, FeedDiagnostic? Diagnostic);

    /// <summary>The bytes one input's reader has read so far; written by the reading thread, read by the progress line.</summary>
    private sealed class InputBytes : IProgress<long>
    {
        private long _value;

        public long Value => Volatile.Read(ref _value);

        public void Report(long value) => Volatile.Write(ref _value, value);
    }
}
