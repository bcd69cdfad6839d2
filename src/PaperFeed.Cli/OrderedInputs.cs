using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace PaperFeed.Cli;

/// <summary>
/// Reads several inputs concurrently (at most <c>concurrency</c> at once) and hands their items out strictly in
/// input order. Each input gets a small bounded channel, so a fast later input waits instead of piling up
/// memory; inputs take their slots in order, so the input being consumed always has one (no deadlock).
/// </summary>
internal static class OrderedInputs
{
    private const int ItemsAhead = 16;
    private static readonly TimeSpan AbandonAfter = TimeSpan.FromMilliseconds(500);

    public static async IAsyncEnumerable<T> ReadAsync<T>(
        IReadOnlyList<string> inputs,
        Func<string, ChannelWriter<T>, CancellationToken, Task> produce,
        int concurrency,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channels = new Channel<T>[inputs.Count];
        for (int i = 0; i < channels.Length; i++)
        {
            channels[i] = Channel.CreateBounded<T>(new BoundedChannelOptions(ItemsAhead) { SingleReader = true, SingleWriter = true });
        }
        using var slots = new SemaphoreSlim(Math.Max(1, concurrency));
        var dispatcher = DispatchAsync(inputs, channels, produce, slots, stop.Token);
        try
        {
            foreach (var channel in channels)
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (ChannelClosedException closed) when (closed.InnerException is not null)
                    {
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(closed.InnerException);
                        throw;
                    }
                    if (!more) break;
                    while (channel.Reader.TryRead(out var item)) yield return item;
                }
            }
        }
        finally
        {
            // Stop the producers still running (after an error, or when the consumer stops early).
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                // A read of standard input cannot always be cancelled: do not wait on a terminal forever.
                await dispatcher.WaitAsync(AbandonAfter, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException)
            {
            }
        }
    }

    private static async Task DispatchAsync<T>(IReadOnlyList<string> inputs, Channel<T>[] channels,
        Func<string, ChannelWriter<T>, CancellationToken, Task> produce, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        var running = new List<Task>(inputs.Count);
        try
        {
            for (int i = 0; i < inputs.Count; i++)
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                running.Add(RunAsync(inputs[i], channels[i].Writer));
            }
        }
        finally
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }

        async Task RunAsync(string input, ChannelWriter<T> writer)
        {
            await Task.Yield();
            try
            {
                await produce(input, writer, cancellationToken).ConfigureAwait(false);
                writer.TryComplete();
            }
            catch (Exception e)
            {
                writer.TryComplete(e);
            }
            finally
            {
                slots.Release();
            }
        }
    }
}
