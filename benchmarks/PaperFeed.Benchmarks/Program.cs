using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace PaperFeed.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/PaperFeed.Benchmarks [-- BenchmarkDotNet arguments]</c>.
/// With <c>--smoke</c>: one dry, in-process iteration per case on the 1 MB input, only to prove every benchmark
/// still runs (CI). With <c>--generate MB FILE</c>: writes a generated dump of that many megabytes (the same content
/// the benchmarks read) for whole-process measurements, and prints its true counts. With <c>--read FILE</c> (add
/// <c>--parallel</c> for all cores): reads every paper of FILE and prints the count, for peak-memory measurements of the
/// library alone (<c>/usr/bin/time -v</c>).
/// </summary>
public static class Program
{
    private const string SmokeVariable = "PAPERFEED_BENCH_SMOKE";

    /// <summary>True in a smoke run (also in the processes BenchmarkDotNet starts, through the environment).</summary>
    public static bool Smoke => Environment.GetEnvironmentVariable(SmokeVariable) == "1";

    public static int Main(string[] args)
    {
        if (args is ["--generate", var megabytes, var path])
        {
            var summary = PaperFeed.Testing.DumpGenerator.WriteFile(path, DumpCache.Options(int.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture)));
            Console.WriteLine(summary);
            return 0;
        }
        if (args is ["--read", var file, .. var rest])
        {
            Console.WriteLine(ReadAllPapers(file, parallel: rest.Contains("--parallel")).GetAwaiter().GetResult());
            return 0;
        }
        if (args.Contains("--smoke"))
        {
            Environment.SetEnvironmentVariable(SmokeVariable, "1");
            args = [.. args.Where(a => a != "--smoke")];
            if (!args.Contains("--filter")) args = [.. args, "--filter", "*"];
        }
        var config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(new ThroughputColumn(), new AllocationPerTextColumn())
            .WithOption(ConfigOptions.JoinSummary, true);
        if (Smoke)
        {
            config = config.AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Smoke"));
        }
        else if (!args.Any(a => a is "--job" or "-j"))
        {
            // Enough iterations for a stable mean on 100 MB inputs, without the default's open-ended pilot.
            config = config.AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(8).WithId("Paper"));
        }
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        // A case that threw (a wrong count) has no result: fail the run so CI sees it.
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static async Task<long> ReadAllPapers(string path, bool parallel)
    {
        long papers = 0;
        if (parallel)
        {
            await foreach (var _ in new FeedReader(FeedReaderOptions.Default with { MaxDegreeOfParallelism = -1 }).ReadPapersAsync(FeedInput.FromFile(path))) papers++;
            return papers;
        }
        await using var stream = File.OpenRead(path);
        await foreach (var _ in FeedReader.Default.ReadPapersAsync(FeedInput.FromStream(stream))) papers++;
        return papers;
    }
}
