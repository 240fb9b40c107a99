using SegmentInfos = Lucene.Net.Index.SegmentInfos;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SearchSuite.Search;
using SearchSuite.Search.Indexing;
using SearchSuite.Search.Lucene;
using SearchSuite.Search.NameMatching;
using SearchSuite.Search.Querying;
using SearchSuite.Testing;

namespace SearchSuite.Services.Tests.Search;

/// <summary>The idle-time merge on a real Lucene index in a temporary folder, on a fake clock.</summary>
public sealed class IdleSegmentMergerTests : IDisposable
{
    private const int IdleSeconds = 8;
    private readonly string path = Directory.CreateTempSubdirectory("searchsuite-merge-").FullName;
    private readonly IOptions<IndexOptions> options;
    private readonly LuceneSearchIndex index;
    private readonly FakeTimeProvider time = new();

    public IdleSegmentMergerTests()
    {
        options = Options.Create(new IndexOptions { Path = path, IdleMergeAfterSeconds = IdleSeconds, IdleMergeMaxSegments = 2 });
        index = new LuceneSearchIndex(options, NullLogger<LuceneSearchIndex>.Instance);
    }

    public void Dispose()
    {
        index.Dispose();
        Directory.Delete(path, recursive: true);
    }

    /// <summary>Each call commits, and each commit flushes a segment of its own.</summary>
    private async Task WriteBatchesAsync(int batches, int from = 0)
    {
        for (var b = from; b < from + batches; b++)
            await index.IndexAsync([SeedDocuments.Normalize($"doc-{b}", $"Kremlsprecher Peskow sprach in Moskau, Bericht {b}.", "de")], NoNames.Instance, CancellationToken.None);
    }

    private IdleSegmentMerger Merger() => new(index, options, time, NullLogger<IdleSegmentMerger>.Instance);

    private async Task<long> HitsAsync(string word) =>
        (await index.SearchAsync(new QueryPlan([new QueryWord(word, true, [])], [], [], 0, 10), CancellationToken.None)).TotalHits;

    private int CommittedSegments()
    {
        var committed = new SegmentInfos();
        committed.Read(global::Lucene.Net.Store.FSDirectory.Open(path));
        return committed.Count;
    }

    [Fact]
    public async Task After_the_idle_time_the_index_is_merged_to_the_limit_committed_and_answers_the_same()
    {
        await WriteBatchesAsync(6);
        var merger = Merger();
        var segmentsBefore = index.SegmentCount;
        var hitsBefore = await HitsAsync("Peskow");

        time.Advance(TimeSpan.FromSeconds(IdleSeconds - 1));
        var tooEarly = await merger.MergeIfIdleAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var merged = await merger.MergeIfIdleAsync(CancellationToken.None);

        Assert.True(segmentsBefore > 2, $"the test needs more segments than the limit, has {segmentsBefore}");
        Assert.False(tooEarly);
        Assert.True(merged);
        Assert.Equal(2, index.SegmentCount);
        // A restart opens the merged segments: the merge is committed.
        Assert.True(CommittedSegments() <= 2, $"{CommittedSegments()} segments committed");
        Assert.Equal(6, hitsBefore);
        Assert.Equal(hitsBefore, await HitsAsync("Peskow"));
        Assert.NotNull(await index.GetAsync("doc-3", CancellationToken.None));
    }

    [Fact]
    public async Task Writes_within_the_idle_time_put_the_merge_off_and_a_merged_index_is_not_merged_again()
    {
        await WriteBatchesAsync(4);
        var merger = Merger();
        var looks = new List<bool>();
        // A write every 5 s keeps the index busy: the quiet time never reaches 8 s.
        for (var b = 0; b < 4; b++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await WriteBatchesAsync(1, from: 10 + b);
            looks.Add(await merger.MergeIfIdleAsync(CancellationToken.None));
        }
        var segmentsWhileBusy = index.SegmentCount;
        time.Advance(TimeSpan.FromSeconds(IdleSeconds));
        var mergedOnceQuiet = await merger.MergeIfIdleAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(IdleSeconds));
        var mergedAgain = await merger.MergeIfIdleAsync(CancellationToken.None);

        Assert.All(looks, Assert.False);
        Assert.True(segmentsWhileBusy > 2, $"{segmentsWhileBusy} segments while busy");
        Assert.True(mergedOnceQuiet);
        Assert.False(mergedAgain);
    }

    [Fact]
    public async Task As_a_hosted_service_it_merges_on_its_own_timer()
    {
        await WriteBatchesAsync(5);
        using var merger = Merger();
        await merger.StartAsync(CancellationToken.None);

        // The timer ticks every quarter of the idle time; the fake clock moves a tick at a time until the merge is seen.
        await Poll.UntilAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(IdleSeconds / 4.0));
            return Task.FromResult(index.SegmentCount <= 2);
        }, () => $"the index still has {index.SegmentCount} segments after {time.GetUtcNow() - time.Start} on the fake clock");
        await merger.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_read_only_replica_never_merges()
    {
        await WriteBatchesAsync(4);
        using var replica = new LuceneSearchIndex(Options.Create(new IndexOptions { Path = path, ReadOnly = true }), NullLogger<LuceneSearchIndex>.Instance);
        using var merger = new IdleSegmentMerger(replica, options, time, NullLogger<IdleSegmentMerger>.Instance);

        await merger.StartAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(IdleSeconds * 2));

        // ExecuteAsync returns at once on a replica (started on the pool, so awaited by polling): nothing merged.
        await Poll.UntilAsync(() => Task.FromResult(merger.ExecuteTask?.IsCompleted == true), () => "the merger keeps running on a read-only replica");
        Assert.True(merger.ExecuteTask!.IsCompletedSuccessfully);
        Assert.True(replica.SegmentCount > 2);
        await merger.StopAsync(CancellationToken.None);
    }
}
