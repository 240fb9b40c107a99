using System.Diagnostics;
using SearchSuite.Search;
using SegmentInfos = Lucene.Net.Index.SegmentInfos;

namespace SearchSuite.Benchmarks.EndToEnd;

/// <summary>
/// The Lucene backend's idle-time merge as a benchmark sees it: a server merges its index once writes stop
/// (Index:IdleMergeAfterSeconds), so search is timed only after that, and the merge's CPU is reported beside ingest's.
/// </summary>
public static class IdleMerge
{
    /// <summary>What a server's merge leaves at most (the option's default, which the benchmarks do not change).</summary>
    public static readonly int MaxSegments = new IndexOptions().IdleMergeMaxSegments;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Segments of the index folder's latest commit, read as a restart would find them.</summary>
    public static int CommittedSegments(string indexPath)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(indexPath);
        var committed = new SegmentInfos();
        committed.Read(directory);
        return committed.Count;
    }

    /// <summary>
    /// Waits (bounded, polling the folder's commits) until <paramref name="server"/> has merged its index; returns the
    /// CPU milliseconds the server used meanwhile, which is the merge's cost when the server was otherwise idle.
    /// </summary>
    public static async Task<double> WaitForServerAsync(string target, string indexPath, int server)
    {
        var before = CommittedSegments(indexPath);
        var cpuBefore = ProcessCpu.Used(server);
        var clock = Stopwatch.StartNew();
        var segments = before;
        while (segments > MaxSegments)
        {
            if (clock.Elapsed > Timeout)
                throw new TimeoutException($"{target}: the index at {indexPath} still has {segments} segments after {Timeout.TotalMinutes:N0} min of idle time; no idle merge happened.");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            segments = CommittedSegments(indexPath);
        }
        var cpuMs = (ProcessCpu.Used(server) - cpuBefore)?.TotalMilliseconds ?? double.NaN;
        Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {target} idle merge: {before} → {segments} segments after {clock.Elapsed.TotalSeconds:N1} s, {cpuMs:N0} ms server CPU");
        return cpuMs;
    }
}
