using System.ComponentModel.DataAnnotations;

namespace SearchSuite.Search;

public enum IndexBackend
{
    /// <summary>Embedded Lucene.Net index on local disk: the default for local runs.</summary>
    Lucene,
    Elasticsearch,
}

/// <summary>How the Lucene backend reads its index files.</summary>
public enum IndexFileAccess
{
    /// <summary>Terms and postings memory-mapped (the fastest concurrent search), whose pages read count in the process's resident set.</summary>
    MemoryMapped,
    /// <summary>Positional file reads through small buffers: the OS page cache holds the index, outside the process's resident set.</summary>
    Buffered,
}

public sealed class IndexOptions
{
    public const string SectionName = "Index";

    public IndexBackend Backend { get; set; } = IndexBackend.Lucene;

    /// <summary>Folder of the Lucene index (created when missing).</summary>
    [Required]
    public string Path { get; set; } = "data/index";

    /// <summary>
    /// How the Lucene index files are read. The search service maps them; the all-in-one reads them buffered to keep its
    /// resident memory small (docs/benchmarks.md).
    /// </summary>
    public IndexFileAccess FileAccess { get; set; } = IndexFileAccess.MemoryMapped;

    /// <summary>
    /// A search replica of a Lucene index that another search process writes (the same Index:Path on a shared disk): it
    /// takes no lock and no index messages, and sees each commit of the writer at its next search. The writer must have
    /// opened the index first.
    /// </summary>
    public bool ReadOnly { get; set; }

    /// <summary>
    /// Most messages the indexer takes from the queue as one batch. Each message holds up to Ingest:PublishBatchSize
    /// documents; the batches in flight share one commit.
    /// </summary>
    [Range(1, 10_000)]
    public int BatchMessageLimit { get; set; } = 20;

    /// <summary>
    /// Lucene: once no batch has been written for this many seconds, the index is merged down to
    /// <see cref="IdleMergeMaxSegments"/> segments, as fewer segments make every search cheaper (docs/benchmarks.md).
    /// 0 turns it off.
    /// </summary>
    [Range(0, 86_400)]
    public int IdleMergeAfterSeconds { get; set; } = 10;

    /// <summary>Lucene: the segment count an idle merge leaves at most.</summary>
    [Range(1, 1_000)]
    public int IdleMergeMaxSegments { get; set; } = 4;

    /// <summary>
    /// Lucene: largest segment whose story evidence postings the story candidate lookup holds in memory, read once per
    /// segment instead of sought per batch (<c>StorySegmentCache</c>). The small segments are the many (each commit writes
    /// one, merges keep about ten per size tier), so the memory held stays that of the smallest tiers; the few larger
    /// segments are sought. 0 seeks in every segment; the candidates found are the same either way.
    /// </summary>
    [Range(0, 10_000_000)]
    public int StoryPostingsInMemoryMaxDocuments { get; set; } = 10_000;

    /// <summary>Longest the indexer waits to fill a batch, so a lone document is still searchable quickly.</summary>
    [Range(1, 10_000)]
    public int BatchWaitMilliseconds { get; set; } = 50;
}
