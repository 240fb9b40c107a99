using System.Diagnostics;

namespace SearchSuite.Benchmarks.EndToEnd;

/// <summary>Latency percentiles (milliseconds) and throughput of one measured run.</summary>
/// <param name="CpuMsPerQuery">
/// CPU time the serving process spent per query, when measured. Unlike latency and rate, it hardly changes with the
/// load that other processes put on the machine, so it compares runs taken under different load.
/// </param>
public sealed record LatencySummary(int Count, double P50Ms, double P95Ms, double P99Ms, double PerSecond, double? CpuMsPerQuery = null)
{
    public static LatencySummary Of(List<double> milliseconds, TimeSpan elapsed, TimeSpan? cpu = null)
    {
        if (milliseconds.Count == 0) return new LatencySummary(0, double.NaN, double.NaN, double.NaN, 0);
        milliseconds.Sort();
        return new LatencySummary(milliseconds.Count, Percentile(milliseconds, 0.50), Percentile(milliseconds, 0.95), Percentile(milliseconds, 0.99),
            milliseconds.Count / elapsed.TotalSeconds, cpu?.TotalMilliseconds / milliseconds.Count);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>Closed-loop load: each client sends its next query as soon as the previous one is answered.</summary>
public static class LoadRunner
{
    /// <param name="server">The process that answers the queries, whose CPU time is measured too.</param>
    public static async Task<LatencySummary> RunAsync(Func<string, Task> query, IReadOnlyList<string> queries, int clients, TimeSpan warmup, TimeSpan duration, Process server)
    {
        await RunPhaseAsync(query, queries, clients, warmup);
        server.Refresh();
        var cpuBefore = server.TotalProcessorTime;
        var (latencies, elapsed) = await RunPhaseAsync(query, queries, clients, duration);
        server.Refresh();
        return LatencySummary.Of(latencies, elapsed, server.TotalProcessorTime - cpuBefore);
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

/// <summary>Resident memory of processes, from Linux's /proc/PID/status.</summary>
public static class ProcessMemory
{
    /// <summary>Peak resident set (VmHWM): heap and code, and also the pages of memory-mapped index files.</summary>
    public static long? PeakResidentBytes(int processId) => StatusKilobytes(processId, "VmHWM:") * 1024;

    /// <summary>Anonymous resident memory now (RssAnon): the heap and other private memory, without mapped files.</summary>
    public static long? AnonymousResidentBytes(int processId) => StatusKilobytes(processId, "RssAnon:") * 1024;

    private static long? StatusKilobytes(int processId, string field)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status)) return null;
        // "VmHWM:	  123456 kB"
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? null : long.Parse(line[field.Length..].Trim().Split(' ')[0]);
    }
}

/// <summary>
/// CPU time used by processes (user and system, all threads, from /proc/PID/stat). Unlike a rate, CPU per document
/// hardly depends on what else the machine runs, so it shows what idle cores would allow even on a busy machine.
/// </summary>
public static class ProcessCpu
{
    /// <summary>The broker's process ("beam.smp"), when RabbitMQ runs on this machine.</summary>
    public static int? BrokerProcessId() => Directory.EnumerateDirectories("/proc")
        .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : (int?)null)
        .OfType<int>()
        .FirstOrDefault(pid => ReadOrNull($"/proc/{pid}/comm")?.Trim() == "beam.smp") is var found and > 0 ? found : null;

    /// <summary>CPU time <paramref name="processId"/> has used so far, or null when it is gone.</summary>
    public static TimeSpan? Used(int processId)
    {
        if (ReadOrNull($"/proc/{processId}/stat") is not { } stat) return null;
        // The command name may hold spaces: the fields after its closing parenthesis start with field 3 (state);
        // utime and stime are fields 14 and 15, in clock ticks of 1/100 s.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0);
    }

    /// <summary>CPU milliseconds per document each process spent between <paramref name="before"/> and now.</summary>
    public static Dictionary<string, double> MillisecondsPerDocument(IReadOnlyDictionary<string, int> processes, IReadOnlyDictionary<string, TimeSpan?> before, int documents) =>
        processes
            .Where(p => before[p.Key] is not null && Used(p.Value) is not null)
            .ToDictionary(p => p.Key, p => (Used(p.Value)!.Value - before[p.Key]!.Value).TotalMilliseconds / documents);

    public static Dictionary<string, TimeSpan?> Snapshot(IReadOnlyDictionary<string, int> processes) =>
        processes.ToDictionary(p => p.Key, p => Used(p.Value));

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>
/// Samples the anonymous resident memory of processes every few hundred milliseconds and keeps the highest value:
/// /proc only records a peak for the whole resident set, which also counts the Lucene files the search side maps.
/// </summary>
public sealed class AnonymousMemorySampler : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, int> processes;
    private readonly Dictionary<string, long> peaks = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;

    public AnonymousMemorySampler(IReadOnlyDictionary<string, int> processes)
    {
        this.processes = processes;
        sampling = Task.Run(SampleAsync);
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            do Sample();
            while (await timer.WaitForNextTickAsync(stop.Token));
        }
        catch (OperationCanceledException)
        {
            Sample();
        }
    }

    private void Sample()
    {
        lock (peaks)
            foreach (var (name, pid) in processes)
                if (ProcessMemory.AnonymousResidentBytes(pid) is { } bytes && bytes > peaks.GetValueOrDefault(name))
                    peaks[name] = bytes;
    }

    public IReadOnlyDictionary<string, long> Peaks()
    {
        lock (peaks) return new Dictionary<string, long>(peaks);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }
}
