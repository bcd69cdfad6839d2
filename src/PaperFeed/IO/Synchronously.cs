namespace PaperFeed.IO;

/// <summary>
/// Runs, on the caller's thread, an async reader that was built in synchronous mode: one whose every read of its
/// input is a synchronous <see cref="Stream.Read(Span{byte})"/>, so each step completes before it returns (the
/// <c>bool async</c> pattern of the runtime's own HTTP and TLS streams). Reading and grouping logic is then written
/// once for both paths, and a sync read never waits on a task: a step that did not complete is a bug, and throws.
/// </summary>
internal static class Synchronously
{
    /// <summary>The items of <paramref name="source"/>, each step of which must complete synchronously.</summary>
    public static IEnumerable<T> Enumerate<T>(IAsyncEnumerable<T> source)
    {
        var enumerator = source.GetAsyncEnumerator(CancellationToken.None);
        try
        {
            while (Completed(enumerator.MoveNextAsync())) yield return enumerator.Current;
        }
        finally
        {
            var disposing = enumerator.DisposeAsync();
            if (!disposing.IsCompleted) throw NotSynchronous();
            disposing.GetAwaiter().GetResult();
        }
    }

    /// <summary>The result of an operation that must have completed synchronously.</summary>
    public static T Completed<T>(ValueTask<T> operation) =>
        operation.IsCompleted ? operation.GetAwaiter().GetResult() : throw NotSynchronous();

    /// <inheritdoc cref="Completed{T}(ValueTask{T})"/>
    public static T Completed<T>(Task<T> operation) =>
        operation.IsCompleted ? operation.GetAwaiter().GetResult() : throw NotSynchronous();

    private static InvalidOperationException NotSynchronous() =>
        new("A synchronous read went asynchronous: a reader in synchronous mode awaited something that had not completed.");
}
