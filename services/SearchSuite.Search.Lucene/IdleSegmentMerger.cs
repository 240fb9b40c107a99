using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SearchSuite.Search.Lucene;

/// <summary>
/// Merges the index down to a few segments once writes have stopped for a while. Search cost grows with the segment
/// count (each query looks each term up in every segment), and the merge policy alone leaves about 20 segments at 100k
/// documents; a tighter policy costs every write, where a merge at idle time costs only the segments written since the
/// last one. It looks every quarter of the idle time, so a merge starts between 1 and 1.25 idle times after the last write.
/// </summary>
public sealed class IdleSegmentMerger(LuceneSearchIndex index, IOptions<IndexOptions> options, TimeProvider time, ILogger<IdleSegmentMerger> logger) : BackgroundService
{
    private readonly TimeSpan idleTime = TimeSpan.FromSeconds(options.Value.IdleMergeAfterSeconds);
    private long seenBatches = index.BatchesWritten;
    private long quietSince = time.GetTimestamp();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (idleTime <= TimeSpan.Zero || !index.IsWriter) return;
        using var timer = new PeriodicTimer(idleTime / 4, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await MergeIfIdleAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One look: merges when no batch was written for the idle time and there are more segments than allowed.</summary>
    /// <returns>True when it merged.</returns>
    public async Task<bool> MergeIfIdleAsync(CancellationToken cancellationToken)
    {
        var written = index.BatchesWritten;
        if (written != seenBatches)
        {
            (seenBatches, quietSince) = (written, time.GetTimestamp());
            return false;
        }
        var maxSegments = options.Value.IdleMergeMaxSegments;
        var before = index.SegmentCount;
        if (time.GetElapsedTime(quietSince) < idleTime || before <= maxSegments) return false;
        var started = time.GetTimestamp();
        try
        {
            // ForceMerge blocks its thread for seconds: not one of the pool's.
            await Task.Factory.StartNew(() => index.MergeSegments(maxSegments), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        catch (Exception failed) when (failed is not OperationCanceledException)
        {
            // Only an optimisation: searches and writes go on with more segments. At shutdown the writer aborts a running merge.
            logger.LogWarning(failed, "The idle merge of the index stopped; it is tried again after the next writes");
            quietSince = time.GetTimestamp();
            return false;
        }
        logger.LogInformation("Merged the idle index from {Before} to {After} segments in {Seconds:N1} s", before, index.SegmentCount, time.GetElapsedTime(started).TotalSeconds);
        return true;
    }
}
