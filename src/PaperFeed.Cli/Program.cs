using Microsoft.Win32.SafeHandles;
using PaperFeed.Cli;

// The process entry: real console streams in, exit code out. Everything else is in Cli, testable in-process.
if (DescriptorLimit.Check() is int refused) return refused;
using var cancel = new ConsoleCancellation();
int exitCode = await Cli.InvokeAsync(
    args,
    new CliContext(ClosedStandardStreams.Input(Console.OpenStandardInput), ClosedStandardStreams.Output(OpenStandardOutput), Console.Error, StderrIsTerminal: !Console.IsErrorRedirected)
    {
        Signal = () => cancel.Signal,
    },
    cancel.Token);
cancel.Finished();
return exitCode;

// Console.OpenStandardOutput ignores EPIPE, so `paperfeed … | head -1` would parse on to the end for nobody. A
// pipe (or terminal) is written as a plain file descriptor instead, whose writes fail once the reader is gone.
// A regular file keeps the console stream: it writes at the shared offset, as `(paperfeed …; echo) > f` needs.
static Stream OpenStandardOutput()
{
    if (!OperatingSystem.IsWindows())
    {
        try
        {
            var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            if (!stream.CanSeek) return stream;
            stream.Dispose();
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
        }
    }
    return Console.OpenStandardOutput();
}
