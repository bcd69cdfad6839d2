using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace PaperFeed.Cli;

/// <summary>
/// The one way every command reads its inputs: each input through the library's <see cref="FeedReader"/>, several at
/// once (<see cref="OrderedInputs"/>), items and diagnostics handed out strictly in input order, diagnostics reported
/// as they come. In strict mode the first warning is thrown and reported once, as the run's error.
/// </summary>
internal sealed class InputPipeline(Inputs inputs, FeedReaderOptions options, Reporter reporter, Action<int>? onRead = null)
{
    /// <summary>The bytes read from every input so far.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    private long _bytesRead;

    /// <summary>Reads every input with <paramref name="read"/>; each item comes with its input's display name.</summary>
    public async IAsyncEnumerable<(string Name, T Item)> ReadAsync<T>(Func<FeedReader, FeedInput, CancellationToken, IAsyncEnumerable<T>> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var entries = OrderedInputs.ReadAsync<Entry<T>>(inputs.Paths, Produce, Environment.ProcessorCount, cancellationToken);
        await foreach (var entry in entries.ConfigureAwait(false))
        {
            if (entry.Diagnostic is { } diagnostic) reporter.Report(diagnostic);
            else yield return (entry.Name, entry.Item!);
        }

        async Task Produce(string path, ChannelWriter<Entry<T>> channel, CancellationToken token)
        {
            string name = Inputs.DisplayName(path);
            var pending = new List<FeedDiagnostic>();
            var reader = new FeedReader(options with { Diagnostics = options.Diagnostics with { OnDiagnostic = pending.Add } });
            await using var stream = inputs.Open(path, onRead);
            try
            {
                await foreach (var item in read(reader, FeedInput.FromStream(stream, name), token).ConfigureAwait(false))
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
            finally
            {
                Interlocked.Add(ref _bytesRead, stream.BytesRead);
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

    /// <summary>Counts every input (one <see cref="FeedStatistics"/> per input, with the bytes it read), in input order.</summary>
    public IAsyncEnumerable<(string Name, FeedStatistics Item)> CountAsync(CancellationToken cancellationToken) =>
        ReadAsync((reader, input, token) => Once(reader.CountAsync(input, token)), cancellationToken);

    private static async IAsyncEnumerable<TResult> Once<TResult>(Task<TResult> task)
    {
        yield return await task.ConfigureAwait(false);
    }

    private readonly record struct Entry<T>(string Name, T? Item, FeedDiagnostic? Diagnostic);
}
