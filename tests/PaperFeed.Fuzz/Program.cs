using PaperFeed.Fuzz;
using SharpFuzz;

// paperfeed-fuzz TARGET                 run under afl-fuzz (stdin or @@ file per run, forkserver via SharpFuzz)
// paperfeed-fuzz TARGET --replay FILE…  run inputs in-process, once each (seeds, crashes, regression cases); exit 1 on a finding
if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: PaperFeed.Fuzz <{string.Join('|', FuzzTargets.Names)}> [--replay FILE…]");
    return 2;
}
string target = args[0];
if (args.Length > 1 && args[1] == "--replay")
{
    // Instrumented assemblies write coverage to the fuzzer's map: outside afl-fuzz they get a map of their own.
    unsafe
    {
        SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 16);
    }
    int findings = 0;
    foreach (var path in args.Skip(2).SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p) : [p]))
    {
        try
        {
            FuzzTargets.Run(target, File.ReadAllBytes(path));
        }
        catch (Exception e)
        {
            findings++;
            Console.Error.WriteLine($"{path}: {e.GetType().Name}: {e.Message}");
            if (e is not JunkOutputException) Console.Error.WriteLine(string.Join('\n', (e.StackTrace ?? "").Split('\n').Take(8)));
        }
    }
    return findings == 0 ? 0 : 1;
}
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    FuzzTargets.Run(target, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
});
return 0;
