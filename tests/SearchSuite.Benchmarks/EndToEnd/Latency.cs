using System.Diagnostics;

namespace SearchSuite.Benchmarks.EndToEnd;

/// <summary>Latency percentiles (milliseconds) and throughput of one measured run.</summary>
public sealed record LatencySummary(int Count, double P50Ms, double P95Ms, double P99Ms, double PerSecond)
{
    public static LatencySummary Of(List<double> milliseconds, TimeSpan elapsed)
    {
        if (milliseconds.Count == 0) return new LatencySummary(0, double.NaN, double.NaN, double.NaN, 0);
        milliseconds.Sort();
        return new LatencySummary(milliseconds.Count, Percentile(milliseconds, 0.50), Percentile(milliseconds, 0.95), Percentile(milliseconds, 0.99),
            milliseconds.Count / elapsed.TotalSeconds);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>Closed-loop load: each client sends its next query as soon as the previous one is answered.</summary>
public static class LoadRunner
{
    public static async Task<LatencySummary> RunAsync(Func<string, Task> query, IReadOnlyList<string> queries, int clients, TimeSpan warmup, TimeSpan duration)
    {
        await RunPhaseAsync(query, queries, clients, warmup);
        var (latencies, elapsed) = await RunPhaseAsync(query, queries, clients, duration);
        return LatencySummary.Of(latencies, elapsed);
    }

    private static async Task<(List<double> Latencies, TimeSpan Elapsed)> RunPhaseAsync(Func<string, Task> query, IReadOnlyList<string> queries, int clients, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        // Task.Run: the in-process engine answers synchronously, and the clients must still run in parallel.
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var latencies = new List<double>();
            for (var i = client * 31; clock.Elapsed < duration; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await query(queries[i % queries.Count]);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            return latencies;
        })));
        var elapsed = clock.Elapsed;
        return ([.. perClient.SelectMany(l => l)], elapsed);
    }
}

/// <summary>Peak resident memory of a process, from Linux's /proc/PID/status (VmHWM).</summary>
public static class ProcessMemory
{
    public static long? PeakResidentBytes(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status)) return null;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        // "VmHWM:	  123456 kB"
        return line is null ? null : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
    }
}
