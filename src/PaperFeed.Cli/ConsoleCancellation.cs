using System.Runtime.InteropServices;

namespace PaperFeed.Cli;

/// <summary>
/// Turns SIGINT (Ctrl+C), SIGTERM and SIGHUP into cancellation, so a run stops cleanly: the temporary output file
/// is removed, the old output kept, and the exit code is 128 + the signal's number, as a shell reports a process
/// the signal ended (130, 143, 129).
/// </summary>
internal sealed class ConsoleCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private StopSignal? _signal;
    private Timer? _deadline;

    public ConsoleCancellation()
    {
        _registrations = OperatingSystem.IsWindows()
            ? [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)]
            : [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
               PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal)];
    }

    public CancellationToken Token => _source.Token;

    /// <summary>The signal that stopped the run; null while none came.</summary>
    public StopSignal? Signal => Volatile.Read(ref _signal);

    private void OnSignal(PosixSignalContext context)
    {
        // The run ends itself (and removes its temporary file) instead of the runtime ending the process.
        context.Cancel = true;
        Interlocked.CompareExchange(ref _signal, StopSignal.Of(context.Signal), null);
        _source.Cancel();
        // A read that cannot be cancelled (a terminal, a FIFO nobody writes) must not keep the process alive.
        _deadline ??= new Timer(_ => ForceExit(), null, GiveUpAfter, Timeout.InfiniteTimeSpan);
    }

    /// <summary>How long a run may take to stop after a signal before the process ends without it.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(3);

    private void ForceExit()
    {
        var signal = Signal!;
        OutputTarget.RemovePending();
        Console.Error.WriteLine($"paperfeed: error: interrupted by {signal.Name}; output not written");
        Environment.Exit(signal.ExitCode);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _deadline?.Dispose();
        _source.Dispose();
    }
}

/// <summary>A signal that stopped a run: its name for the message, and the exit code a shell would show.</summary>
internal sealed record StopSignal(string Name, int ExitCode)
{
    public static StopSignal Of(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => new("SIGHUP", 128 + 1),
        PosixSignal.SIGTERM => new("SIGTERM", 128 + 15),
        _ => new("SIGINT", 128 + 2),
    };
}
